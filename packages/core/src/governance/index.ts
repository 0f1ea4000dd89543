export * from './compliance.ts';
export * from './lifecycle.ts';
export * from './operating-model.ts';
export * from './policy.ts';
export * from './standards.ts';
