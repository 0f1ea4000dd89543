import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import type { LocalMinutes } from '../schedule/local-time.ts';
import { findFinishAtWork, getWorkPosition } from '../schedule/work-calendar.ts';
import type {
  ForecastBin,
  ForecastCalendar,
  ForecastDates,
  ForecastDistribution,
  ForecastDriver,
  ForecastLink,
  ForecastOptions,
  ForecastResult,
  ForecastRisk,
  ForecastTask,
} from './forecast-model.ts';
import { ForecastInputError } from './forecast-model.ts';
import type { ForecastNetwork } from './forecast-network.ts';
import { buildForecastNetwork, FL_FF, FL_FS, FL_SS } from './forecast-network.ts';

const TWO_32 = 4_294_967_296;

/** A uniform draw in (0, 1) from the generator: never exactly 0 or 1, so the inverse CDF stays finite. */
function uniform(rng: RandomGenerator): number {
  return ((rng.next() >>> 0) + 0.5) / TWO_32;
}

/** Inverse CDF of the triangular distribution (a ≤ c ≤ b, a < b) at u. */
function triangular(a: number, c: number, b: number, u: number): number {
  const width = b - a;
  if (u * width < c - a) return a + Math.sqrt(u * width * (c - a));
  return b - Math.sqrt((1 - u) * width * (b - c));
}

/** One forward pass in working minutes: every task as early as its links and release allow. */
function forwardPass(net: ForecastNetwork, dur: Float64Array, es: Float64Array, ef: Float64Array): number {
  const { inOffset, inFrom, inType, inLag, release } = net;
  let finish = 0;
  for (let k = 0; k < net.count; k++) {
    const d = dur[k] as number;
    let start = release[k] as number;
    const end = inOffset[k + 1] as number;
    for (let e = inOffset[k] as number; e < end; e++) {
      const src = inFrom[e] as number;
      const type = inType[e] as number;
      const lag = inLag[e] as number;
      const v =
        type === FL_FS
          ? (ef[src] as number) + lag
          : type === FL_SS
            ? (es[src] as number) + lag
            : type === FL_FF
              ? (ef[src] as number) + lag - d
              : (es[src] as number) + lag - d;
      if (v > start) start = v;
    }
    es[k] = start;
    const f = start + d;
    ef[k] = f;
    if (f > finish) finish = f;
  }
  return finish;
}

/** Nearest-rank percentile of sorted values (so P10 ≤ P50 ≤ P80 ≤ P90 always holds). */
function percentile(sorted: Float64Array, p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i] as number;
}

function histogram(sorted: Float64Array, bins: number): ForecastBin[] {
  const n = sorted.length;
  const min = sorted[0] as number;
  const max = sorted[n - 1] as number;
  if (max === min) return [{ from: min, to: max, count: n, cumulative: 1 }];
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) {
    const b = Math.min(bins - 1, Math.floor(((sorted[i] as number) - min) / width));
    counts[b] = (counts[b] as number) + 1;
  }
  let cum = 0;
  return counts.map((count, b) => {
    cum += count;
    return {
      from: min + b * width,
      to: b === bins - 1 ? max : min + (b + 1) * width,
      count,
      cumulative: cum / n,
    };
  });
}

function summarise(values: Float64Array, deterministic: number, bins: number): ForecastDistribution {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i] as number;
  return {
    deterministic,
    mean: sum / sorted.length,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    p10: percentile(sorted, 0.1),
    p50: percentile(sorted, 0.5),
    p80: percentile(sorted, 0.8),
    p90: percentile(sorted, 0.9),
    histogram: histogram(sorted, bins),
  };
}

/** Average ranks (1-based; ties share their mean rank), as Spearman's correlation needs. */
function ranks(values: Float64Array): Float64Array {
  const n = values.length;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((x, y) => (values[x] as number) - (values[y] as number));
  const out = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && values[idx[j + 1] as number] === values[idx[i] as number]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[idx[k] as number] = r;
    i = j + 1;
  }
  return out;
}

/**
 * Places a finish offset on the calendar. With the engine's planned finish, offsets are measured
 * from it (the deterministic offset lands exactly on it); otherwise from the project start.
 */
export function forecastOffsetToDate(
  cal: ForecastCalendar,
  deterministicOffset: number,
  offset: number,
): LocalMinutes {
  if (cal.plannedFinish !== undefined) {
    if (offset === deterministicOffset) return cal.plannedFinish;
    const w = getWorkPosition(cal.calendar, cal.plannedFinish) + Math.round(offset - deterministicOffset);
    return findFinishAtWork(cal.calendar, w);
  }
  return findFinishAtWork(cal.calendar, getWorkPosition(cal.calendar, cal.start) + Math.round(offset));
}

/** Working-minute offset of a date, inverse of `forecastOffsetToDate` (same anchor). */
function dateToOffset(cal: ForecastCalendar, deterministicOffset: number, date: LocalMinutes): number {
  if (cal.plannedFinish !== undefined)
    return (
      getWorkPosition(cal.calendar, date) -
      getWorkPosition(cal.calendar, cal.plannedFinish) +
      deterministicOffset
    );
  return getWorkPosition(cal.calendar, date) - getWorkPosition(cal.calendar, cal.start);
}

/** Converts every kept finish sample to a date (local minutes), e.g. for the portfolio's latest finish. */
export function forecastSampleDates(result: ForecastResult, cal: ForecastCalendar): Float64Array {
  if (!result.samples) throw new Error('the forecast kept no samples (keepSamples)');
  const det = result.finish.deterministic;
  return result.samples.finish.map((f) => forecastOffsetToDate(cal, det, f));
}

function correlation(n: number, su: number, suu: number, sur: number, sr: number, srr: number): number {
  const cov = sur - (su * sr) / n;
  const vu = suu - (su * su) / n;
  const vr = srr - (sr * sr) / n;
  if (vu <= 1e-12 || vr <= 1e-12) return 0;
  const c = cov / Math.sqrt(vu * vr);
  return Math.max(-1, Math.min(1, c));
}

/**
 * Runs a seeded Monte Carlo forecast of one compiled plan: triangular durations and costs, open
 * risks as Bernoulli hits on the finish and cost. Same network, options and seed → same result.
 */
export function simulateNetwork(net: ForecastNetwork, options: ForecastOptions): ForecastResult {
  const iterations = options.iterations;
  if (!Number.isInteger(iterations) || iterations < 1)
    throw new ForecastInputError('iterations', 'iterations must be a positive integer');
  if (!Number.isInteger(options.seed)) throw new ForecastInputError('seed', 'seed must be an integer');
  const n = net.count;
  const bins = options.bins ?? 20;
  const minutesPerDay = options.minutesPerDay ?? 480;
  const tornadoSize = options.tornadoSize ?? 10;
  const { durA, durC, durB, costA, costC, costB, spent, riskP, riskDays, riskCost } = net;
  const risks = riskP.length;

  // Which quantities carry uncertainty, and so draw a number each iteration.
  const durVaries = new Uint8Array(n);
  const costVaries = new Uint8Array(n);
  let spentTotal = 0;
  for (let k = 0; k < n; k++) {
    durVaries[k] = (durB[k] as number) > (durA[k] as number) ? 1 : 0;
    costVaries[k] = (costB[k] as number) > (costA[k] as number) ? 1 : 0;
    spentTotal += spent[k] as number;
  }
  const riskDraws = new Uint8Array(risks);
  for (let r = 0; r < risks; r++) riskDraws[r] = (riskP[r] as number) > 0 && (riskP[r] as number) < 1 ? 1 : 0;

  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  const detFinish = forwardPass(net, durC, es, ef);
  let detCost = spentTotal;
  for (let k = 0; k < n; k++) detCost += costC[k] as number;

  const dur = new Float64Array(n);
  const finish = new Float64Array(iterations);
  const cost = new Float64Array(iterations);
  const rng = xoroshiro128plus(options.seed);
  for (let i = 0; i < iterations; i++) {
    let c = spentTotal;
    for (let k = 0; k < n; k++) {
      dur[k] = durVaries[k]
        ? triangular(durA[k] as number, durC[k] as number, durB[k] as number, uniform(rng))
        : (durC[k] as number);
      c += costVaries[k]
        ? triangular(costA[k] as number, costC[k] as number, costB[k] as number, uniform(rng))
        : (costC[k] as number);
    }
    let delayDays = 0;
    for (let r = 0; r < risks; r++) {
      const hit = riskDraws[r] ? uniform(rng) < (riskP[r] as number) : (riskP[r] as number) >= 1;
      if (hit) {
        delayDays += riskDays[r] as number;
        c += riskCost[r] as number;
      }
    }
    finish[i] = forwardPass(net, dur, es, ef) + delayDays * minutesPerDay;
    cost[i] = c;
  }

  const finishSummary = summarise(finish, detFinish, bins);
  const costSummary = summarise(cost, detCost, bins);

  let finishDates: ForecastDates | null = null;
  let probabilityOnTime: number | null = null;
  const cal = options.calendar;
  if (cal) {
    const at = (off: number) => forecastOffsetToDate(cal, detFinish, off);
    finishDates = {
      deterministic: at(detFinish),
      mean: at(finishSummary.mean),
      min: at(finishSummary.min),
      max: at(finishSummary.max),
      p10: at(finishSummary.p10),
      p50: at(finishSummary.p50),
      p80: at(finishSummary.p80),
      p90: at(finishSummary.p90),
      bins: finishSummary.histogram.map((b) => ({ from: at(b.from), to: at(b.to) })),
    };
    if (options.targetFinish !== undefined) {
      const target = dateToOffset(cal, detFinish, options.targetFinish);
      let ok = 0;
      for (let i = 0; i < iterations; i++) if ((finish[i] as number) <= target) ok++;
      probabilityOnTime = ok / iterations;
    }
  }
  let probabilityWithinBudget: number | null = null;
  if (options.budgetMinor !== undefined) {
    let ok = 0;
    for (let i = 0; i < iterations; i++) if ((cost[i] as number) <= options.budgetMinor) ok++;
    probabilityWithinBudget = ok / iterations;
  }

  const tornado =
    tornadoSize > 0
      ? computeTornado(net, options.seed, finish, cost, durVaries, costVaries, riskDraws, tornadoSize)
      : { finish: [], cost: [] };

  return {
    iterations,
    seed: options.seed,
    distribution: 'triangular',
    taskCount: n,
    riskCount: risks,
    finish: finishSummary,
    finishDates,
    cost: costSummary,
    probabilityOnTime,
    probabilityWithinBudget,
    tornado,
    samples: options.keepSamples ? { finish, cost } : null,
  };
}

/**
 * Spearman rank correlation of each driver with the finish and with the cost. The outcome ranks
 * need every iteration first, so a second sweep replays the same seeded stream (no samples are
 * stored per driver: memory stays O(iterations + drivers)). A driver's rank is taken from its
 * sampling quantile u: the inverse CDF is monotone, so u orders the draws exactly as the sampled
 * durations do, and for uniform draws u is its own rank scaled to (0, 1). A risk's driver value is
 * its hit (0 or 1).
 */
function computeTornado(
  net: ForecastNetwork,
  seed: number,
  finish: Float64Array,
  cost: Float64Array,
  durVaries: Uint8Array,
  costVaries: Uint8Array,
  riskDraws: Uint8Array,
  size: number,
): { finish: ForecastDriver[]; cost: ForecastDriver[] } {
  const iterations = finish.length;
  const n = net.count;
  const risks = riskDraws.length;
  const rf = ranks(finish);
  const rc = ranks(cost);
  let sf = 0;
  let sff = 0;
  let sc = 0;
  let scc = 0;
  for (let i = 0; i < iterations; i++) {
    sf += rf[i] as number;
    sff += (rf[i] as number) * (rf[i] as number);
    sc += rc[i] as number;
    scc += (rc[i] as number) * (rc[i] as number);
  }
  // Driver slots: durations 0..n-1, costs n..2n-1, risks 2n..2n+risks-1.
  const slots = 2 * n + risks;
  const su = new Float64Array(slots);
  const suu = new Float64Array(slots);
  const suf = new Float64Array(slots);
  const suc = new Float64Array(slots);
  const rng = xoroshiro128plus(seed);
  for (let i = 0; i < iterations; i++) {
    const fi = rf[i] as number;
    const ci = rc[i] as number;
    for (let k = 0; k < n; k++) {
      if (durVaries[k]) {
        const u = uniform(rng);
        su[k] = (su[k] as number) + u;
        suu[k] = (suu[k] as number) + u * u;
        suf[k] = (suf[k] as number) + u * fi;
        suc[k] = (suc[k] as number) + u * ci;
      }
      if (costVaries[k]) {
        const u = uniform(rng);
        const s = n + k;
        su[s] = (su[s] as number) + u;
        suu[s] = (suu[s] as number) + u * u;
        suf[s] = (suf[s] as number) + u * fi;
        suc[s] = (suc[s] as number) + u * ci;
      }
    }
    for (let r = 0; r < risks; r++) {
      if (!riskDraws[r]) continue;
      const hit = uniform(rng) < (net.riskP[r] as number) ? 1 : 0;
      const s = 2 * n + r;
      su[s] = (su[s] as number) + hit;
      suu[s] = (suu[s] as number) + hit;
      suf[s] = (suf[s] as number) + hit * fi;
      suc[s] = (suc[s] as number) + hit * ci;
    }
  }
  const drivers: ForecastDriver[] = [];
  for (let s = 0; s < slots; s++) {
    const isDur = s < n;
    const isCost = !isDur && s < 2 * n;
    const k = isDur ? s : isCost ? s - n : s - 2 * n;
    if (isDur && !durVaries[k]) continue;
    if (isCost && !costVaries[k]) continue;
    if (!isDur && !isCost) {
      if (!riskDraws[k]) continue;
      if ((net.riskDays[k] as number) === 0 && (net.riskCost[k] as number) === 0) continue;
    }
    drivers.push({
      kind: isDur ? 'duration' : isCost ? 'cost' : 'risk',
      id: isDur || isCost ? (net.ids[k] as string) : (net.riskIds[k] as string),
      name: isDur || isCost ? (net.names[k] as string) : (net.riskNames[k] as string),
      finishCorrelation: correlation(
        iterations,
        su[s] as number,
        suu[s] as number,
        suf[s] as number,
        sf,
        sff,
      ),
      costCorrelation: correlation(iterations, su[s] as number, suu[s] as number, suc[s] as number, sc, scc),
    });
  }
  const top = (key: 'finishCorrelation' | 'costCorrelation') =>
    drivers
      .filter((d) => Math.abs(d[key]) > 0)
      .sort((x, y) => Math.abs(y[key]) - Math.abs(x[key]) || x.id.localeCompare(y.id))
      .slice(0, size);
  return { finish: top('finishCorrelation'), cost: top('costCorrelation') };
}

/** Compiles and simulates a plan in one call: the engine's entry point for one project. */
export function simulateForecast(
  input: {
    readonly tasks: readonly ForecastTask[];
    readonly links: readonly ForecastLink[];
    readonly risks: readonly ForecastRisk[];
  },
  options: ForecastOptions,
): ForecastResult {
  return simulateNetwork(buildForecastNetwork(input.tasks, input.links, input.risks), options);
}
