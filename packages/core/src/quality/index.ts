export * from './deliverables.ts';
export * from './lessons.ts';
export * from './non-conformances.ts';
export * from './standards.ts';
