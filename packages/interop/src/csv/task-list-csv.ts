import type {
  ConstraintType,
  Lag,
  LinkInput,
  LinkType,
  TaskInput,
  TaskSchedule,
} from '@baton/core/schedule/index';
import { formatLocalDateTime, parseLocalDateTime } from '@baton/core/schedule/index';
import { CsvParseError, formatCsvField, parseCsvRows } from './csv-format.ts';

/** How long a "day", "week" and "month" are when reading durations (MSPDI's defaults). */
export type DurationUnits = {
  readonly minutesPerDay: number;
  readonly minutesPerWeek: number;
  readonly daysPerMonth: number;
};

const DEFAULT_UNITS: DurationUnits = { minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 };

/** The columns of a Baton task list; ID, Name and Duration are required. */
export const TASK_LIST_COLUMNS = [
  'ID',
  'Name',
  'Parent',
  'Duration',
  'Milestone',
  'Predecessors',
  'Constraint',
  'Constraint Date',
  'Deadline',
  'Calendar',
  'Percent Complete',
  'Actual Start',
  'Actual Finish',
  'Start',
  'Finish',
] as const;

const CONSTRAINTS: readonly ConstraintType[] = ['ASAP', 'ALAP', 'SNET', 'SNLT', 'FNET', 'FNLT', 'MSO', 'MFO'];
const UNIT =
  /^(-?\d+(?:\.\d+)?)\s*(e?)(mo|mon|months?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|%)?$/i;

function unitMinutes(unit: string, units: DurationUnits): number | undefined {
  const u = unit.toLowerCase();
  if (u === '' || u.startsWith('d')) return units.minutesPerDay;
  if (u.startsWith('mo')) return units.minutesPerDay * units.daysPerMonth;
  if (u.startsWith('m')) return 1;
  if (u.startsWith('h')) return 60;
  if (u.startsWith('w')) return units.minutesPerWeek;
  return undefined;
}

const ELAPSED_UNIT: Readonly<Record<string, number>> = { m: 1, h: 60, d: 1440, w: 10080, mo: 43200 };

/** Parses a duration such as `5d`, `4h`, `30m`, `2w` (a bare number is days) into working minutes. */
export function parseTaskDuration(text: string, units: DurationUnits = DEFAULT_UNITS): number | undefined {
  const m = UNIT.exec(text.trim());
  if (!m || m[2] || m[3] === '%') return undefined;
  const per = unitMinutes(m[3] ?? '', units);
  if (per === undefined) return undefined;
  const v = Number(m[1]) * per;
  return Number.isFinite(v) && v >= 0 && v <= 50_000_000 ? Math.round(v) : undefined;
}

function parseLag(text: string, units: DurationUnits): Lag | undefined {
  const m = UNIT.exec(text.trim());
  if (!m) return undefined;
  const value = Number(m[1]);
  if (!Number.isFinite(value) || Math.abs(value) > 1e6) return undefined;
  if (m[3] === '%') return { kind: m[2] ? 'elapsedPercent' : 'percent', percent: value };
  if (m[2]) {
    const u = (m[3] ?? 'd').toLowerCase();
    const key = u.startsWith('mo') ? 'mo' : (u[0] as string);
    const per = ELAPSED_UNIT[key];
    return per === undefined ? undefined : { kind: 'elapsed', minutes: Math.round(value * per) };
  }
  const per = unitMinutes(m[3] ?? '', units);
  return per === undefined ? undefined : { kind: 'working', minutes: Math.round(value * per) };
}

const PREDECESSOR = /^(.+?)(?:\s*([+-][^+-]*))?$/;

/** Formats minutes back as the shortest exact unit (days, hours, minutes). */
function formatMinutes(minutes: number, units: DurationUnits, elapsed: boolean): string {
  const day = elapsed ? 1440 : units.minutesPerDay;
  const e = elapsed ? 'e' : '';
  if (minutes % day === 0) return `${minutes / day}${e}d`;
  if (minutes % 60 === 0) return `${minutes / 60}${e}h`;
  return `${minutes}${e}m`;
}

function formatLag(lag: Lag | undefined, units: DurationUnits): string {
  if (!lag) return '';
  if ('percent' in lag) {
    if (lag.percent === 0) return '';
    return `${lag.percent >= 0 ? '+' : ''}${lag.percent}${lag.kind === 'elapsedPercent' ? 'e' : ''}%`;
  }
  if (lag.minutes === 0) return '';
  return `${lag.minutes >= 0 ? '+' : ''}${formatMinutes(lag.minutes, units, lag.kind === 'elapsed')}`;
}

/** A task list read from CSV: engine tasks and links. */
export type TaskListCsv = { readonly tasks: TaskInput[]; readonly links: LinkInput[] };

/** Reads a task-list CSV; a bad cell throws CsvParseError with its row and column. */
export function parseTaskListCsv(text: string, units: DurationUnits = DEFAULT_UNITS): TaskListCsv {
  const rows = parseCsvRows(text).filter((r) => r.some((f) => f.trim() !== ''));
  const header = rows[0];
  if (!header) throw new CsvParseError(1, 'ID', 'the file is empty; expected a header row');
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const name = h.trim();
    const known = TASK_LIST_COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase());
    if (!known)
      throw new CsvParseError(
        1,
        name || `${i + 1}`,
        `unknown column; expected one of ${TASK_LIST_COLUMNS.join(', ')}`,
      );
    if (index.has(known)) throw new CsvParseError(1, known, 'the column appears twice');
    index.set(known, i);
  });
  for (const required of ['ID', 'Name', 'Duration'] as const) {
    if (!index.has(required)) throw new CsvParseError(1, required, 'this column is required');
  }
  const tasks: TaskInput[] = [];
  const links: LinkInput[] = [];
  const ids = new Set<string>();
  const pendingLinks: { row: number; to: string; text: string }[] = [];
  const pendingParents: { row: number; id: string; parent: string }[] = [];
  rows.slice(1).forEach((r, k) => {
    const rowNo = k + 2;
    if (r.length > header.length)
      throw new CsvParseError(
        rowNo,
        `${r.length}`,
        `the row has ${r.length} fields, the header ${header.length}`,
      );
    const cell = (c: (typeof TASK_LIST_COLUMNS)[number]): string => {
      const i = index.get(c);
      return i === undefined ? '' : (r[i] ?? '').trim();
    };
    const date = (c: (typeof TASK_LIST_COLUMNS)[number]): number | undefined => {
      const v = cell(c);
      if (v === '') return undefined;
      const t = parseLocalDateTime(v);
      if (t === undefined || t < -1e9 || t > 1e9)
        throw new CsvParseError(rowNo, c, `"${v}" is not a date such as 2026-01-05T08:00`);
      return t;
    };
    const id = cell('ID');
    if (id === '') throw new CsvParseError(rowNo, 'ID', 'is empty');
    if (ids.has(id)) throw new CsvParseError(rowNo, 'ID', `"${id}" is used twice`);
    ids.add(id);
    const durationText = cell('Duration');
    const duration = parseTaskDuration(durationText === '' ? '0' : durationText, units);
    if (duration === undefined)
      throw new CsvParseError(rowNo, 'Duration', `"${durationText}" is not a duration such as 5d, 4h or 30m`);
    const constraintText = cell('Constraint').toUpperCase();
    const constraint = CONSTRAINTS.find((c) => c === constraintText);
    if (constraintText !== '' && !constraint) {
      throw new CsvParseError(
        rowNo,
        'Constraint',
        `"${cell('Constraint')}" is not one of ${CONSTRAINTS.join(', ')}`,
      );
    }
    const constraintDate = date('Constraint Date');
    if (constraint && constraint !== 'ASAP' && constraint !== 'ALAP' && constraintDate === undefined) {
      throw new CsvParseError(rowNo, 'Constraint Date', `is required with ${constraint}`);
    }
    const percentText = cell('Percent Complete').replace(/%$/, '');
    const percent = percentText === '' ? undefined : Number(percentText);
    if (percent !== undefined && !(percent >= 0 && percent <= 100)) {
      throw new CsvParseError(
        rowNo,
        'Percent Complete',
        `"${cell('Percent Complete')}" is not between 0 and 100`,
      );
    }
    const milestoneText = cell('Milestone').toLowerCase();
    if (!['', 'yes', 'no', 'true', 'false', '1', '0'].includes(milestoneText)) {
      throw new CsvParseError(rowNo, 'Milestone', `"${cell('Milestone')}" is not yes or no`);
    }
    const deadline = date('Deadline');
    const actualStart = date('Actual Start');
    const actualFinish = date('Actual Finish');
    date('Start');
    date('Finish');
    const calendar = cell('Calendar');
    const parent = cell('Parent');
    if (parent !== '') pendingParents.push({ row: rowNo, id, parent });
    tasks.push({
      id,
      name: cell('Name'),
      ...(parent !== '' ? { parentId: parent } : {}),
      durationMinutes: duration,
      ...(milestoneText !== '' ? { milestone: ['yes', 'true', '1'].includes(milestoneText) } : {}),
      ...(constraint
        ? {
            constraint:
              constraintDate !== undefined
                ? { type: constraint, date: constraintDate }
                : { type: constraint },
          }
        : {}),
      ...(deadline !== undefined ? { deadline } : {}),
      ...(calendar !== '' ? { calendarId: calendar } : {}),
      ...(percent !== undefined ? { percentComplete: percent } : {}),
      ...(actualStart !== undefined ? { actualStart } : {}),
      ...(actualFinish !== undefined ? { actualFinish } : {}),
    });
    const preds = cell('Predecessors');
    if (preds !== '') pendingLinks.push({ row: rowNo, to: id, text: preds });
  });
  for (const p of pendingParents) {
    if (!ids.has(p.parent)) throw new CsvParseError(p.row, 'Parent', `no task has ID "${p.parent}"`);
  }
  for (const p of pendingLinks) {
    for (const part of p.text.split(/[;,]/)) {
      const item = part.trim();
      if (item === '') continue;
      const m = PREDECESSOR.exec(item);
      if (!m) throw new CsvParseError(p.row, 'Predecessors', `"${item}" is not a link such as 3FS+2d`);
      // "3", "3SS" or "3SS+2d": an exact ID wins, else a trailing link type is split off.
      const head = (m[1] as string).trim();
      const typed = /^(.*?)(FS|SS|FF|SF)$/i.exec(head);
      let from = head;
      let type: LinkType = 'FS';
      if (!ids.has(head) && typed && typed[1] !== '') {
        from = typed[1] as string;
        type = (typed[2] as string).toUpperCase() as LinkType;
      }
      if (!ids.has(from)) throw new CsvParseError(p.row, 'Predecessors', `no task has ID "${from}"`);
      const lagText = m[2];
      const lag = lagText === undefined ? undefined : parseLag(lagText.replace(/^\+/, ''), units);
      if (lagText !== undefined && !lag) {
        throw new CsvParseError(
          p.row,
          'Predecessors',
          `"${lagText}" is not a lag such as +2d, -4h, +1ed or +50%`,
        );
      }
      links.push({ from, to: p.to, type, ...(lag ? { lag } : {}) });
    }
  }
  return { tasks, links };
}

/** Writes a task list as CSV (with scheduled Start/Finish when given), readable by parseTaskListCsv. */
export function writeTaskListCsv(
  list: TaskListCsv,
  schedule?: ReadonlyMap<string, TaskSchedule>,
  units: DurationUnits = DEFAULT_UNITS,
): string {
  const linksTo = new Map<string, LinkInput[]>();
  for (const l of list.links) linksTo.set(l.to, [...(linksTo.get(l.to) ?? []), l]);
  const date = (t: number | undefined): string => (t === undefined ? '' : formatLocalDateTime(t));
  const lines = [TASK_LIST_COLUMNS.join(',')];
  for (const t of list.tasks) {
    const s = schedule?.get(t.id);
    const preds = (linksTo.get(t.id) ?? [])
      .map((l) => `${l.from}${l.type}${formatLag(l.lag, units)}`)
      .join(';');
    const values = [
      t.id,
      t.name ?? '',
      t.parentId ?? '',
      formatMinutes(t.durationMinutes, units, false),
      t.milestone === undefined ? '' : t.milestone ? 'yes' : 'no',
      preds,
      t.constraint?.type ?? '',
      date(t.constraint?.date),
      date(t.deadline),
      t.calendarId ?? '',
      t.percentComplete === undefined ? '' : String(t.percentComplete),
      date(t.actualStart),
      date(t.actualFinish),
      date(s?.start),
      date(s?.finish),
    ];
    lines.push(values.map(formatCsvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
