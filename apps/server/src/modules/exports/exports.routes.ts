import { ExportFormatParams, ExportTableBody } from '@baton/contracts';
import { writeTableCsv, writeTablesXlsx } from '@baton/interop';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Exports of lists and dashboards: the browser sends the table it shows (it only ever holds what its
 * user may read) and gets the file back. Nothing is stored.
 */
export function registerExportRoutes(r: RouteRegistrar, _s: Services): void {
  r.add({
    method: 'POST',
    url: '/api/v1/exports/:format',
    summary: 'Turn a table (columns and rows) into a CSV or XLSX file',
    tags: ['Exports'],
    // Up to 100,000 rows of a list: more than the default body limit.
    bodyLimit: 32 * 1_048_576,
    schema: { params: ExportFormatParams, body: ExportTableBody },
    handler: async (req, reply) => {
      const { fileName, sheetName, columns, rows } = req.body;
      if (req.params.format === 'csv') {
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${fileName}.csv"`);
        return writeTableCsv(columns, rows);
      }
      const bytes = await writeTablesXlsx([{ name: sheetName ?? fileName, columns, rows }]);
      reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${fileName}.xlsx"`);
      return Buffer.from(bytes);
    },
  });
}
