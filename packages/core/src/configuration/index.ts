export * from './audit.ts';
export * from './items.ts';
