import { formatCsvField } from '../csv/csv-format.ts';
import {
  escapeSpreadsheetFormula,
  getCurrencyMinorDigits,
  RESOURCE_POOL_COLUMNS,
  type ResourcePoolRow,
} from './resource-pool-format.ts';

/** A resource to export: a pool row without its source row number. */
export type ResourcePoolExportRow = Omit<ResourcePoolRow, 'row'>;

/** Formats minor units as a decimal amount in the currency's digits (8550 EUR → "85.50"). */
function formatRate(rateMinor: number, currency: string): string {
  const digits = getCurrencyMinorDigits(currency);
  const text = String(Math.trunc(rateMinor)).padStart(digits + 1, '0');
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** Writes resources as a pool CSV in RESOURCE_POOL_COLUMNS order, readable by parseResourcePoolCsv. */
export function writeResourcePoolCsv(rows: readonly ResourcePoolExportRow[]): string {
  const text = (v: string | null): string => (v === null ? '' : escapeSpreadsheetFormula(v));
  const lines = [RESOURCE_POOL_COLUMNS.join(',')];
  for (const r of rows) {
    const values = [
      text(r.name),
      r.kind,
      text(r.email),
      text(r.role),
      text(r.orgUnit),
      String(r.capacityHoursPerWeek),
      r.employmentStart ?? '',
      r.employmentEnd ?? '',
      r.rate ? formatRate(r.rate.rateMinor, r.rate.currency) : '',
      r.rate?.currency ?? '',
      r.rate?.effectiveFrom ?? '',
      text(r.skills.map((s) => `${s.name}:${s.level}`).join('; ') || null),
    ];
    lines.push(values.map(formatCsvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
