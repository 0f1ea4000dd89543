/** How loaded a cell is, in the four bands the heatmap colours (and names: colour is never the only cue). */
export type UtilisationBand = 'none' | 'under' | 'full' | 'over' | 'critical';

export const BAND_LABELS: Readonly<Record<UtilisationBand, string>> = {
  none: 'No capacity',
  under: 'Under 70 %',
  full: '70–100 %',
  over: '100–110 %',
  critical: 'Over 110 %',
};

/** The band of a utilisation ratio (demand / capacity); null means there was no capacity to fill. */
export function bandOf(utilisation: number | null, demandHours = 0): UtilisationBand {
  if (utilisation === null || !Number.isFinite(utilisation)) return demandHours > 0 ? 'critical' : 'none';
  // Rounded to a tenth of a percent first, so 100.04 % (float noise from hours) still reads as full.
  const pct = Math.round(utilisation * 1000) / 10;
  if (pct < 70) return 'under';
  if (pct <= 100) return 'full';
  if (pct <= 110) return 'over';
  return 'critical';
}

/** "85 %", or "—" when there is no capacity. */
export function formatPercent(utilisation: number | null): string {
  if (utilisation === null || !Number.isFinite(utilisation)) return '—';
  return `${Math.round(utilisation * 100)} %`;
}

/** Hours with at most one decimal: 37.5, 8, 0.3. */
export function formatHours(hours: number): string {
  const rounded = Math.round(hours * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}
