/** URL-kept controls of a forecast: iterations and seed, clamped to what the API accepts. */
export type ForecastControls = { iterations: number; seed: number };

export const ITERATION_CHOICES = [1000, 5000, 10_000, 20_000, 50_000] as const;

/** Reads iterations and seed from the query string; anything unusable falls back to the default. */
export function readControls(params: URLSearchParams, defaults: ForecastControls): ForecastControls {
  const it = Number(params.get('iterations'));
  const seed = Number(params.get('seed'));
  return {
    iterations: Number.isInteger(it) && it >= 100 && it <= 50_000 ? it : defaults.iterations,
    seed:
      params.has('seed') && Number.isInteger(seed) && Math.abs(seed) <= 2_147_483_647 ? seed : defaults.seed,
  };
}

/** "Tue 12 Jan 2027" from a local date-time (the forecast's dates are the project's wall clock). */
export function forecastDay(local: string): string {
  const d = new Date(`${local.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return local;
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

/** "15 Dec 2026": the short form for tables. */
export function compactDay(local: string): string {
  const d = new Date(`${local.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return local;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

/** Calendar days from one local date-time to another (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  const da = Date.parse(`${a.slice(0, 10)}T00:00:00Z`);
  const db = Date.parse(`${b.slice(0, 10)}T00:00:00Z`);
  return Math.round((db - da) / 86_400_000);
}

/** "+12 days", "−3 days", "on plan". */
export function slipLabel(days: number): string {
  if (days === 0) return 'on plan';
  const n = Math.abs(days);
  return `${days > 0 ? '+' : '−'}${n} day${n === 1 ? '' : 's'}`;
}

/** A share 0–1 as a whole percentage, or "—". */
export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)} %`;
}

/** Nice round tick values covering [min, max] (about `count` of them). */
export function ticks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step)
    out.push(Number(v.toPrecision(12)));
  return out;
}
