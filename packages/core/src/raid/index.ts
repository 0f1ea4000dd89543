export * from './change-routing.ts';
export * from './risk-matrix.ts';
