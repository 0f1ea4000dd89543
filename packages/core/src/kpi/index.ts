export * from './kpis.ts';
export * from './s-curve.ts';
