/**
 * Earned value management (PMBOK definitions) from a project's baseline, its physical progress and
 * its actual costs. Money is in minor units (integers); dates are YYYY-MM-DD. Planned value spreads a
 * task's baseline cost evenly over its baseline working days (Monday to Friday).
 */
export type EvmTask = {
  summary: boolean;
  baselineStart: string | null;
  baselineFinish: string | null;
  baselineCostMinor: number;
  percentComplete: number;
  actualCostMinor: number;
};

export type EacMethod = 'cpi' | 'cpi-spi' | 'atypical';

export type Evm = {
  bac: number;
  pv: number;
  ev: number;
  ac: number;
  sv: number;
  cv: number;
  spi: number | null;
  cpi: number | null;
  eac: number;
  eacMethod: string;
  etc: number;
  vac: number;
  tcpi: number | null;
};

const DAY = 86_400_000;
const ms = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);

/** Working days (Monday–Friday) from `from` to `to`, both inclusive; 0 when to < from. */
export function workingDaysBetween(from: string, to: string): number {
  const a = ms(from);
  const b = ms(to);
  if (b < a) return 0;
  const days = Math.round((b - a) / DAY) + 1;
  const weeks = Math.floor(days / 7);
  let n = weeks * 5;
  const startDow = new Date(a).getUTCDay();
  for (let i = 0; i < days % 7; i++) {
    const dow = (startDow + i) % 7;
    if (dow !== 0 && dow !== 6) n++;
  }
  return n;
}

/** The share (0–1) of a task's baseline that should be done by the end of `statusDate`. */
export function plannedShare(start: string, finish: string, statusDate: string): number {
  if (ms(statusDate) < ms(start)) return 0;
  if (ms(statusDate) >= ms(finish)) return 1;
  const total = workingDaysBetween(start, finish);
  if (total === 0) return 1;
  return Math.min(1, workingDaysBetween(start, statusDate) / total);
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10_000) / 10_000 + 0);

/** EAC by the method asked, falling back to the atypical formula when a ratio is unknown. */
function estimateAtCompletion(
  bac: number,
  ev: number,
  ac: number,
  spi: number | null,
  cpi: number | null,
  method: EacMethod,
) {
  if (method === 'cpi' && cpi !== null && cpi > 0)
    return { eac: Math.round(bac / cpi), eacMethod: 'BAC / CPI' };
  if (method === 'cpi-spi' && cpi !== null && spi !== null && cpi * spi > 0)
    return { eac: Math.round(ac + (bac - ev) / (cpi * spi)), eacMethod: 'AC + (BAC − EV) / (CPI × SPI)' };
  return {
    eac: Math.round(ac + bac - ev),
    eacMethod: method === 'atypical' ? 'AC + (BAC − EV)' : 'AC + (BAC − EV) (no CPI yet)',
  };
}

/** The figures from the sums: variances, indices and forecasts. */
export function evmFromTotals(
  t: { bac: number; pv: number; ev: number; ac: number },
  method: EacMethod = 'cpi',
): Evm {
  const bac = Math.round(t.bac);
  const pv = Math.round(t.pv);
  const ev = Math.round(t.ev);
  const ac = Math.round(t.ac);
  const spi = ratio(ev, pv);
  const cpi = ratio(ev, ac);
  const { eac, eacMethod } = estimateAtCompletion(bac, ev, ac, spi, cpi, method);
  return {
    bac,
    pv,
    ev,
    ac,
    sv: ev - pv,
    cv: ev - ac,
    spi,
    cpi,
    eac,
    eacMethod,
    etc: eac - ac,
    vac: bac - eac,
    tcpi: ratio(bac - ev, bac - ac),
  };
}

/** Earned value of a project's tasks at a status date (summary tasks left out: their children count). */
export function earnedValue(tasks: readonly EvmTask[], statusDate: string, method: EacMethod = 'cpi'): Evm {
  let bac = 0;
  let pv = 0;
  let ev = 0;
  let ac = 0;
  for (const t of tasks) {
    if (t.summary) continue;
    ac += t.actualCostMinor;
    if (!t.baselineStart || !t.baselineFinish) continue;
    bac += t.baselineCostMinor;
    pv += t.baselineCostMinor * plannedShare(t.baselineStart, t.baselineFinish, statusDate);
    ev += (t.baselineCostMinor * Math.max(0, Math.min(100, t.percentComplete))) / 100;
  }
  return evmFromTotals({ bac, pv, ev, ac }, method);
}

/** Sums several projects' figures and recomputes the indices from the sums (never averages them). */
export function rollUpEvm(results: readonly Evm[], method: EacMethod = 'cpi'): Evm {
  const sum = (k: 'bac' | 'pv' | 'ev' | 'ac') => results.reduce((a, r) => a + r[k], 0);
  return evmFromTotals({ bac: sum('bac'), pv: sum('pv'), ev: sum('ev'), ac: sum('ac') }, method);
}
