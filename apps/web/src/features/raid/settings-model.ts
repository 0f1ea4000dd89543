import { checkRiskMatrix } from '@baton/core';
import type {
  ChangeThresholdSettings,
  RiskMatrixSettings,
  UpdateChangeThresholdsBody,
  UpdateRiskMatrixBody,
} from '../../api/raid.ts';
import type { Matrix } from './raid-model.ts';

export type MatrixDraft = {
  size: string;
  mediumFrom: string;
  highFrom: string;
  probabilityLabels: string[];
  impactLabels: string[];
};
export type MatrixErrors = Partial<Record<string, string>>;

export function matrixDraftOf(s: RiskMatrixSettings): MatrixDraft {
  return {
    size: String(s.size),
    mediumFrom: String(s.mediumFrom),
    highFrom: String(s.highFrom),
    probabilityLabels: [...s.probabilityLabels],
    impactLabels: [...s.impactLabels],
  };
}

const wholeNumber = (text: string): number | null => (/^\d{1,3}$/.test(text.trim()) ? Number(text) : null);

/** The labels for a new size: kept where they exist, "Level n" where the matrix grew. */
export function resizeLabels(labels: readonly string[], size: number): string[] {
  return Array.from({ length: size }, (_, k) => labels[k] ?? `Level ${k + 1}`);
}

/** The matrix the draft describes, or null while it is not a usable one. */
export function draftMatrix(d: MatrixDraft): Matrix | null {
  const size = wholeNumber(d.size);
  const mediumFrom = wholeNumber(d.mediumFrom);
  const highFrom = wholeNumber(d.highFrom);
  if (size === null || mediumFrom === null || highFrom === null) return null;
  const m = { size, mediumFrom, highFrom };
  return checkRiskMatrix(m) === null ? m : null;
}

export function validateMatrix(d: MatrixDraft): MatrixErrors {
  const e: MatrixErrors = {};
  const size = wholeNumber(d.size);
  const mediumFrom = wholeNumber(d.mediumFrom);
  const highFrom = wholeNumber(d.highFrom);
  if (size === null || size < 3 || size > 10) e.size = 'From 3 to 10 levels.';
  const max = size !== null && size >= 3 && size <= 10 ? size * size : 100;
  if (mediumFrom === null || mediumFrom < 2 || mediumFrom > max)
    e.mediumFrom = `A whole score from 2 to ${max}.`;
  if (highFrom === null || highFrom > max) e.highFrom = `A whole score up to ${max}.`;
  else if (mediumFrom !== null && highFrom <= mediumFrom) e.highFrom = 'Above the score where medium starts.';
  const n = size ?? 0;
  for (const key of ['probabilityLabels', 'impactLabels'] as const) {
    const labels = d[key];
    if (size !== null && labels.length !== n) e[key] = `Give ${n} labels, one per level.`;
    labels.forEach((l, k) => {
      if (!l.trim()) e[`${key}.${k}`] = 'Name this level.';
      else if (l.trim().length > 60) e[`${key}.${k}`] = 'At most 60 characters.';
    });
  }
  return e;
}

/** The PATCH body: the version and the fields that changed; null when nothing did. */
export function toMatrixBody(d: MatrixDraft, s: RiskMatrixSettings): UpdateRiskMatrixBody | null {
  const body: UpdateRiskMatrixBody = { version: s.version };
  const size = Number(d.size);
  const mediumFrom = Number(d.mediumFrom);
  const highFrom = Number(d.highFrom);
  if (size !== s.size) body.size = size;
  if (mediumFrom !== s.mediumFrom) body.mediumFrom = mediumFrom;
  if (highFrom !== s.highFrom) body.highFrom = highFrom;
  const p = d.probabilityLabels.map((l) => l.trim());
  const i = d.impactLabels.map((l) => l.trim());
  if (p.join('\n') !== s.probabilityLabels.join('\n')) body.probabilityLabels = p;
  if (i.join('\n') !== s.impactLabels.join('\n')) body.impactLabels = i;
  return Object.keys(body).length > 1 ? body : null;
}

/** Counts of the scores at each level on a matrix (for the preview's legend). */
export function levelCounts(m: Matrix): { low: number; medium: number; high: number } {
  const out = { low: 0, medium: 0, high: 0 };
  for (let p = 1; p <= m.size; p += 1)
    for (let i = 1; i <= m.size; i += 1) {
      const s = p * i;
      out[s >= m.highFrom ? 'high' : s >= m.mediumFrom ? 'medium' : 'low'] += 1;
    }
  return out;
}

// ---- change thresholds ----

export type ThresholdDraft = { costLimit: string; daysLimit: string };
export type ThresholdErrors = Partial<Record<'projectManagerCostLimit' | 'projectManagerDaysLimit', string>>;

export function thresholdDraftOf(t: ChangeThresholdSettings): ThresholdDraft {
  return { costLimit: String(t.projectManagerCostLimit), daysLimit: String(t.projectManagerDaysLimit) };
}

function parseLimit(text: string): number | null {
  const cleaned = text.replace(/[\s,_']/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Number(cleaned);
}

export function validateThresholds(d: ThresholdDraft): ThresholdErrors {
  const e: ThresholdErrors = {};
  const cost = parseLimit(d.costLimit);
  if (cost === null) e.projectManagerCostLimit = 'An amount of 0 or more, such as 10000.';
  else if (cost > 1e12) e.projectManagerCostLimit = 'At most 1,000,000,000,000.';
  const days = d.daysLimit.trim();
  if (!/^\d{1,4}$/.test(days)) e.projectManagerDaysLimit = 'Whole days, 0 or more.';
  else if (Number(days) > 3650) e.projectManagerDaysLimit = 'At most 3650 days.';
  return e;
}

export function toThresholdBody(
  d: ThresholdDraft,
  t: ChangeThresholdSettings,
): UpdateChangeThresholdsBody | null {
  const body: UpdateChangeThresholdsBody = { version: t.version };
  const cost = parseLimit(d.costLimit);
  const days = Number(d.daysLimit.trim());
  if (cost !== null && cost !== t.projectManagerCostLimit) body.projectManagerCostLimit = cost;
  if (days !== t.projectManagerDaysLimit) body.projectManagerDaysLimit = days;
  return Object.keys(body).length > 1 ? body : null;
}
