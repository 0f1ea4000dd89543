export * from './status-reports.ts';
