export * from './access/roles.ts';
export * from './access/scope.ts';
export * from './custom-fields/custom-fields.ts';
export * from './journal/diff.ts';
export * from './portfolio/index.ts';
export * from './projects/lifecycle.ts';
export * from './resources/index.ts';
export * from './schedule/index.ts';
