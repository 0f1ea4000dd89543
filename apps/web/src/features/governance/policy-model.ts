import type { PolicySettingRow, PolicyUpdateBody } from '../../api/governance.ts';

/** One row of the editor: inherit, or the unit's own value with its overridable flag. */
export type PolicyDraftRow = { key: string; inherit: boolean; value: string; overridable: boolean };

export function draftOf(rows: readonly PolicySettingRow[]): PolicyDraftRow[] {
  return rows.map((r) => ({
    key: r.key,
    inherit: r.own === null,
    value: String(r.own?.value ?? r.effective),
    overridable: r.own?.overridable ?? true,
  }));
}

export function formatValue(row: Pick<PolicySettingRow, 'kind' | 'unit'>, v: unknown): string {
  if (row.kind === 'flag') return v === true ? 'Yes' : 'No';
  return row.unit === '%' ? `${String(v)} %` : `${String(v)} ${row.unit ?? ''}`.trim();
}

/** Checks the draft against each setting's range and the limit fixed above; errors by key. */
export function validateDraft(rows: readonly PolicySettingRow[], draft: readonly PolicyDraftRow[]) {
  const errors: Record<string, string> = {};
  for (const d of draft) {
    const r = rows.find((x) => x.key === d.key);
    if (!r || d.inherit || r.kind === 'flag') continue;
    const n = Number(d.value);
    if (!Number.isInteger(n) || d.value.trim() === '') errors[d.key] = 'Enter a whole number.';
    else if (r.min !== undefined && r.max !== undefined && (n < r.min || n > r.max))
      errors[d.key] = `Between ${r.min} and ${r.max}.`;
    else if (typeof r.limitFromAbove === 'number') {
      const looser = r.direction === 'lower-is-stricter' ? n > r.limitFromAbove : n < r.limitFromAbove;
      if (looser)
        errors[d.key] =
          `${r.limitFromAboveName ?? 'A unit above'} fixes this at ${r.limitFromAbove} or stricter.`;
    }
  }
  for (const d of draft) {
    const r = rows.find((x) => x.key === d.key);
    if (r?.kind === 'flag' && !d.inherit && d.value === 'false' && r.limitFromAbove === true)
      errors[d.key] = `${r.limitFromAboveName ?? 'A unit above'} requires this.`;
  }
  return errors;
}

export function toBody(
  version: number,
  rows: readonly PolicySettingRow[],
  draft: readonly PolicyDraftRow[],
): PolicyUpdateBody {
  const settings: Record<string, { value: number | boolean; overridable: boolean }> = {};
  for (const d of draft) {
    const r = rows.find((x) => x.key === d.key);
    if (!r || d.inherit) continue;
    settings[d.key] = {
      value: r.kind === 'flag' ? d.value === 'true' : Number(d.value),
      overridable: d.overridable,
    };
  }
  return { version, settings: settings as PolicyUpdateBody['settings'] };
}
