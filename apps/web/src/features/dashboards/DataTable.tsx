import type { ExportColumn, ExportRow } from '../../api/exports.ts';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { formatDate } from '../../design/format.ts';
import type { FigureTable as Figures } from './dashboard-model.ts';

function cell(
  c: ExportColumn,
  v: ExportRow[string],
  format?: (key: string, v: ExportRow[string]) => string | null,
) {
  const custom = format?.(c.key, v);
  if (custom !== null && custom !== undefined) return custom;
  if (v === null || v === undefined || v === '') return '—';
  if (c.kind === 'date' && typeof v === 'string') return formatDate(v);
  if (c.kind === 'percent' && typeof v === 'number') return `${Math.round(v * 100)} %`;
  if (c.kind === 'money' && typeof v === 'number')
    return v.toLocaleString(undefined, { maximumFractionDigits: 0 });
  if ((c.kind === 'number' || c.kind === 'integer') && typeof v === 'number') return v.toLocaleString();
  return String(v);
}

const numeric = (c: ExportColumn) =>
  c.kind === 'number' || c.kind === 'integer' || c.kind === 'percent' || c.kind === 'money';

/** A chart's figures as a plain table (the text alternative), with its CSV and XLSX export. */
export function FigureDetails({
  caption,
  table,
  fileName,
  what,
  format,
  open = false,
}: {
  caption: string;
  table: Figures;
  fileName: string;
  what: string;
  format?: (key: string, v: ExportRow[string]) => string | null;
  open?: boolean;
}) {
  return (
    <details className="dash-details" open={open}>
      <summary>Show the figures as a table</summary>
      <div className="dash-details__body">
        <ExportButtons fileName={fileName} what={what} columns={table.columns} rows={table.rows} />
        <FigureTable caption={caption} table={table} {...(format ? { format } : {})} />
      </div>
    </details>
  );
}

export function FigureTable({
  caption,
  table,
  format,
}: {
  caption: string;
  table: Figures;
  format?: (key: string, v: ExportRow[string]) => string | null;
}) {
  return (
    <div className="b-table-wrap">
      <table className="b-table dash-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={numeric(c) ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: figure rows have no id; their order is fixed
            <tr key={i}>
              {table.columns.map((c, k) =>
                k === 0 ? (
                  <th key={c.key} scope="row">
                    {cell(c, r[c.key], format)}
                  </th>
                ) : (
                  <td key={c.key} className={numeric(c) ? 'num' : undefined}>
                    {cell(c, r[c.key], format)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
