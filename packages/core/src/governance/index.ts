export * from './compliance.ts';
export * from './lifecycle.ts';
