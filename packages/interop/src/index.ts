export * from './csv/csv-format.ts';
export * from './csv/task-list-csv.ts';
export * from './documents/document-type.ts';
export * from './mspdi/mspdi-duration.ts';
export { generateLargeMspdi, SMALL_PROJECT_XML } from './mspdi/mspdi-fixtures.ts';
export * from './mspdi/mspdi-model.ts';
export * from './mspdi/mspdi-parse.ts';
export * from './mspdi/mspdi-schedule.ts';
export * from './mspdi/mspdi-write.ts';
export * from './pdf/pdf-inspect.ts';
export * from './pdf/portfolio-pack-pdf.ts';
export * from './pdf/status-report-pdf.ts';
export * from './resources/capacity-heatmap-xlsx.ts';
export * from './resources/resource-pool-export.ts';
export {
  getCurrencyMinorDigits,
  RESOURCE_POOL_COLUMNS,
  type ResourcePoolColumn,
  ResourcePoolImportError,
  type ResourcePoolProblem,
  type ResourcePoolRow,
} from './resources/resource-pool-format.ts';
export * from './resources/resource-pool-import.ts';
export * from './tables/table-export.ts';
