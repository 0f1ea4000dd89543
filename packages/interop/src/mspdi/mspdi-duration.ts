import { MspdiParseError } from './mspdi-model.ts';

const ISO_DURATION =
  /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Parses an MSPDI duration (`PT8H0M0S`, ISO 8601) into minutes, rounded to the minute.
 * Days count 24 h, as ISO says; Project itself writes hours only.
 */
export function parseMspdiDuration(text: string, element: string): number {
  const m = ISO_DURATION.exec(text.trim());
  if (!m || text.trim() === 'P' || text.trim().endsWith('T')) {
    throw new MspdiParseError(element, `"${text}" is not an ISO 8601 duration such as PT8H0M0S`);
  }
  const n = (i: number): number => (m[i] === undefined ? 0 : Number(m[i]));
  if (n(2) !== 0 || n(3) !== 0) {
    throw new MspdiParseError(element, `"${text}" uses years or months, which have no fixed length`);
  }
  const minutes = n(4) * 7 * 1440 + n(5) * 1440 + n(6) * 60 + n(7) + n(8) / 60;
  if (!Number.isFinite(minutes) || minutes > 50_000_000) {
    throw new MspdiParseError(element, `"${text}" is longer than Baton schedules (about 95 years)`);
  }
  return (m[1] ? -1 : 1) * Math.round(minutes);
}

/** Formats minutes as MSPDI writes durations: `PT8H0M0S`. */
export function formatMspdiDuration(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(Math.round(minutes));
  return `${sign}PT${Math.floor(abs / 60)}H${abs % 60}M0S`;
}

/** Lag kinds the LagFormat codes stand for (3–12 with 35–44 estimated; 19/51 %, 20/52 e%). */
export type LagKind = 'working' | 'elapsed' | 'percent' | 'elapsedPercent';

/** Returns what a LagFormat code measures; unknown codes are refused. */
export function getLagKindOfFormat(format: number, element: string): LagKind {
  const base = format >= 35 && format <= 53 ? format - 32 : format;
  switch (base) {
    case 3:
    case 5:
    case 7:
    case 9:
    case 11:
    case 21:
      return 'working';
    case 4:
    case 6:
    case 8:
    case 10:
    case 12:
      return 'elapsed';
    case 19:
      return 'percent';
    case 20:
      return 'elapsedPercent';
    default:
      throw new MspdiParseError(element, `LagFormat ${format} is not a known duration format`);
  }
}
