import { z } from 'zod';

const Cell = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);
const ColumnKey = z.string().min(1).max(100);

export const ExportTableBody = z
  .strictObject({
    fileName: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[\w.-]+$/, 'letters, digits, dot, dash and underscore only')
      .describe('The file name without extension'),
    sheetName: z.string().min(1).max(100).optional(),
    columns: z
      .array(
        z.strictObject({
          key: ColumnKey,
          label: z.string().min(1).max(200),
          kind: z.enum(['text', 'number', 'integer', 'percent', 'money', 'date']).optional(),
        }),
      )
      .min(1)
      .max(200),
    rows: z.array(z.record(ColumnKey, Cell)).max(100_000),
  })
  .describe('A table as the screen shows it: columns and rows keyed by column');

export const ExportFormatParams = z.strictObject({ format: z.enum(['csv', 'xlsx']) });
