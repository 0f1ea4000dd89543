export * from './csv/csv-format.ts';
export * from './csv/task-list-csv.ts';
export * from './mspdi/mspdi-duration.ts';
export { generateLargeMspdi, SMALL_PROJECT_XML } from './mspdi/mspdi-fixtures.ts';
export * from './mspdi/mspdi-model.ts';
export * from './mspdi/mspdi-parse.ts';
export * from './mspdi/mspdi-schedule.ts';
export * from './mspdi/mspdi-write.ts';
