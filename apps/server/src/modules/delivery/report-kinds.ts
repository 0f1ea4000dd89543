import { type ExportColumn, writeTableCsv, writeTablesXlsx } from '@baton/interop';
import { SYSTEM_ACTOR } from '../access/access.service.ts';
import type { StatusReportsService } from '../status-reports/status-reports.service.ts';

export type ProducedReport = { fileName: string; contentType: string; bytes: Uint8Array };

/** A kind of report a schedule can produce, in one of its formats, for an org unit (null: everything). */
export type ReportKindSpec = {
  title: string;
  formats: readonly string[];
  produce: (input: { format: string; orgUnitId: string | null }) => Promise<ProducedReport>;
};

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** The kinds of report schedules can produce; kinds may be registered at any time after start-up. */
export class ReportKinds {
  private readonly kinds = new Map<string, ReportKindSpec>();

  register(kind: string, spec: ReportKindSpec): void {
    this.kinds.set(kind, spec);
  }

  get(kind: string): ReportKindSpec | undefined {
    return this.kinds.get(kind);
  }

  list(): { kind: string; title: string; formats: string[] }[] {
    return [...this.kinds].map(([kind, s]) => ({ kind, title: s.title, formats: [...s.formats] }));
  }
}

const OVERVIEW_COLUMNS: readonly ExportColumn[] = [
  { key: 'code', label: 'Code' },
  { key: 'name', label: 'Project' },
  { key: 'managerName', label: 'Manager' },
  { key: 'status', label: 'Report status' },
  { key: 'overdue', label: 'Overdue' },
  { key: 'reportedOverall', label: 'Reported overall' },
  { key: 'computedOverall', label: 'Computed overall' },
  { key: 'mismatch', label: 'Reported better than computed' },
];

/** The PMO's status report overview for the period last due: which reports are in, late, mismatched. */
export function statusOverviewKind(statusReports: StatusReportsService): ReportKindSpec {
  return {
    title: 'Status report overview',
    formats: ['csv', 'xlsx'],
    produce: async ({ format, orgUnitId }) => {
      const o = await statusReports.overview(SYSTEM_ACTOR, orgUnitId ? { orgUnitId } : {});
      const rows = o.rows.map((r) => ({ ...r }));
      const base = `status-overview-${o.period}`;
      if (format === 'csv')
        return {
          fileName: `${base}.csv`,
          contentType: CONTENT_TYPES.csv as string,
          bytes: new TextEncoder().encode(writeTableCsv(OVERVIEW_COLUMNS, rows)),
        };
      return {
        fileName: `${base}.xlsx`,
        contentType: CONTENT_TYPES.xlsx as string,
        bytes: await writeTablesXlsx([{ name: `Status ${o.period}`, columns: OVERVIEW_COLUMNS, rows }], {
          title: `Status report overview ${o.period} (due ${o.dueDate})`,
        }),
      };
    },
  };
}
