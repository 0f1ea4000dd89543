export * from './evm.ts';
export * from './health.ts';
