export * from './auth.ts';
export * from './common.ts';
export * from './custom-fields.ts';
export * from './org.ts';
export * from './projects.ts';
export * from './resources.ts';
export * from './schedule.ts';
export * from './users.ts';
