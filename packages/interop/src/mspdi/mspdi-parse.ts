import { formatLocalDateTime, parseLocalDateTime } from '@baton/core/schedule/index';
import { parseMspdiDuration } from './mspdi-duration.ts';
import type {
  MspdiAssignment,
  MspdiBaseline,
  MspdiCalendar,
  MspdiDocument,
  MspdiException,
  MspdiLink,
  MspdiProjectInfo,
  MspdiResource,
  MspdiTask,
  MspdiWeekDay,
  MspdiWorkingTime,
  MspdiWorkWeek,
} from './mspdi-model.ts';
import { MspdiParseError } from './mspdi-model.ts';
import { scanXml, XmlScanError } from './xml-scan.ts';

type XmlNode = { readonly [key: string]: unknown };

const REPEATED = new Set([
  'Calendar',
  'WeekDay',
  'WorkingTime',
  'Exception',
  'WorkWeek',
  'Task',
  'PredecessorLink',
  'Baseline',
  'Resource',
  'Assignment',
  'ExtendedAttribute',
  'TimephasedData',
  'OutlineCode',
]);

function isNode(v: unknown): v is XmlNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function child(node: XmlNode, key: string, path: string): XmlNode | undefined {
  const v = node[key];
  if (v === undefined || v === '') return undefined;
  if (Array.isArray(v)) {
    if (v.length !== 1 || !isNode(v[0]))
      throw new MspdiParseError(`${path}/${key}`, 'appears more than once');
    return v[0];
  }
  if (!isNode(v)) throw new MspdiParseError(`${path}/${key}`, 'must contain elements, not text');
  return v;
}

function list(node: XmlNode | undefined, key: string, path: string): XmlNode[] {
  if (!node) return [];
  const v = node[key];
  if (v === undefined) return [];
  const items = Array.isArray(v) ? v : [v];
  return items.map((item, i) => {
    if (item === '') return {};
    if (!isNode(item))
      throw new MspdiParseError(`${path}/${key}[${i + 1}]`, 'must contain elements, not text');
    return item;
  });
}

function text(node: XmlNode, key: string, path: string): string | undefined {
  const v = node[key];
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isNode(v) && Object.keys(v).length === 0) return '';
  throw new MspdiParseError(`${path}/${key}`, Array.isArray(v) ? 'appears more than once' : 'must be text');
}

function int(node: XmlNode, key: string, path: string): number | undefined {
  const t = text(node, key, path);
  if (t === undefined || t === '') return undefined;
  if (!/^-?\d+$/.test(t) || !Number.isSafeInteger(Number(t))) {
    throw new MspdiParseError(`${path}/${key}`, `"${t}" is not an integer`);
  }
  return Number(t);
}

function num(node: XmlNode, key: string, path: string): number | undefined {
  const t = text(node, key, path);
  if (t === undefined || t === '') return undefined;
  const n = Number(t);
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) || !Number.isFinite(n)) {
    throw new MspdiParseError(`${path}/${key}`, `"${t}" is not a number`);
  }
  return n;
}

function bool(node: XmlNode, key: string, path: string): boolean | undefined {
  const t = text(node, key, path);
  if (t === undefined || t === '') return undefined;
  if (t === '1' || t === 'true') return true;
  if (t === '0' || t === 'false') return false;
  throw new MspdiParseError(`${path}/${key}`, `"${t}" is not a boolean (0/1)`);
}

function date(node: XmlNode, key: string, path: string): string | undefined {
  const t = text(node, key, path);
  if (t === undefined || t === '') return undefined;
  const parsed = parseLocalDateTime(t);
  if (parsed !== undefined && (parsed < MIN_DATE || parsed > MAX_DATE)) {
    throw new MspdiParseError(`${path}/${key}`, `"${t}" is outside the years 1900–2999`);
  }
  if (parsed === undefined) {
    throw new MspdiParseError(
      `${path}/${key}`,
      `"${t}" is not a local date-time such as 2026-01-05T08:00:00`,
    );
  }
  return formatLocalDateTime(parsed);
}

function duration(node: XmlNode, key: string, path: string): number | undefined {
  const t = text(node, key, path);
  if (t === undefined || t === '') return undefined;
  return parseMspdiDuration(t, `${path}/${key}`);
}

const MIN_DATE = parseLocalDateTime('1900-01-01') as number;
const MAX_DATE = parseLocalDateTime('2999-12-31T23:59') as number;

const TIME = /^([01]\d|2[0-4]):([0-5]\d)(:[0-5]\d)?$/;

function time(node: XmlNode, key: string, path: string): string {
  const t = text(node, key, path);
  if (t === undefined || !TIME.test(t))
    throw new MspdiParseError(`${path}/${key}`, `"${t ?? ''}" is not a time such as 08:00:00`);
  return t.length === 5 ? `${t}:00` : t;
}

/** Spreads optional fields so absent values stay absent (exactOptionalPropertyTypes). */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function readTimes(node: XmlNode, path: string): MspdiWorkingTime[] {
  const holder = child(node, 'WorkingTimes', path);
  return list(holder, 'WorkingTime', `${path}/WorkingTimes`).map((wt, i) => {
    const p = `${path}/WorkingTimes/WorkingTime[${i + 1}]`;
    return { from: time(wt, 'FromTime', p), to: time(wt, 'ToTime', p) };
  });
}

function readTimePeriod(node: XmlNode, path: string): { from: string; to: string } {
  const tp = child(node, 'TimePeriod', path);
  if (!tp) throw new MspdiParseError(`${path}/TimePeriod`, 'is required');
  const from = date(tp, 'FromDate', `${path}/TimePeriod`);
  const to = date(tp, 'ToDate', `${path}/TimePeriod`);
  if (!from || !to) throw new MspdiParseError(`${path}/TimePeriod`, 'needs FromDate and ToDate');
  return { from, to };
}

function readWeekDays(
  holder: XmlNode | undefined,
  path: string,
): { days: MspdiWeekDay[]; legacy: MspdiException[] } {
  const days: MspdiWeekDay[] = [];
  const legacy: MspdiException[] = [];
  list(holder, 'WeekDay', `${path}/WeekDays`).forEach((wd, i) => {
    const p = `${path}/WeekDays/WeekDay[${i + 1}]`;
    const dayType = int(wd, 'DayType', p);
    if (dayType === undefined || dayType < 0 || dayType > 7)
      throw new MspdiParseError(`${p}/DayType`, 'must be 0 to 7');
    const working = bool(wd, 'DayWorking', p) ?? false;
    const times = working ? readTimes(wd, p) : [];
    if (dayType === 0) {
      // Project 2003 kept exceptions as DayType 0 week days with a TimePeriod.
      const period = readTimePeriod(wd, p);
      legacy.push({ from: period.from, to: period.to, working, times });
    } else days.push({ dayType, working, times });
  });
  return { days, legacy };
}

function readException(ex: XmlNode, p: string): MspdiException {
  const period = readTimePeriod(ex, p);
  const working = bool(ex, 'DayWorking', p) ?? false;
  return {
    from: period.from,
    to: period.to,
    working,
    times: working ? readTimes(ex, p) : [],
    ...opt('name', text(ex, 'Name', p)),
    ...opt('enteredByOccurrences', bool(ex, 'EnteredByOccurrences', p)),
    ...opt('occurrences', int(ex, 'Occurrences', p)),
    ...opt('type', int(ex, 'Type', p)),
    ...opt('period', int(ex, 'Period', p)),
    ...opt('daysOfWeek', int(ex, 'DaysOfWeek', p)),
    ...opt('monthItem', int(ex, 'MonthItem', p)),
    ...opt('monthPosition', int(ex, 'MonthPosition', p)),
    ...opt('month', int(ex, 'Month', p)),
    ...opt('monthDay', int(ex, 'MonthDay', p)),
  };
}

function readCalendar(cal: XmlNode, i: number): MspdiCalendar {
  const uid = int(cal, 'UID', `Project/Calendars/Calendar[${i + 1}]`);
  if (uid === undefined) throw new MspdiParseError(`Project/Calendars/Calendar[${i + 1}]/UID`, 'is required');
  const p = `Project/Calendars/Calendar[UID=${uid}]`;
  const { days, legacy } = readWeekDays(child(cal, 'WeekDays', p), p);
  const exceptions = list(child(cal, 'Exceptions', p), 'Exception', `${p}/Exceptions`).map((ex, j) =>
    readException(ex, `${p}/Exceptions/Exception[${j + 1}]`),
  );
  const workWeeks: MspdiWorkWeek[] = list(child(cal, 'WorkWeeks', p), 'WorkWeek', `${p}/WorkWeeks`).map(
    (ww, j) => {
      const wp = `${p}/WorkWeeks/WorkWeek[${j + 1}]`;
      const period = readTimePeriod(ww, wp);
      return {
        from: period.from,
        to: period.to,
        weekDays: readWeekDays(child(ww, 'WeekDays', wp), wp).days,
        ...opt('name', text(ww, 'Name', wp)),
      };
    },
  );
  const base = int(cal, 'BaseCalendarUID', p);
  return {
    uid,
    isBaseCalendar: bool(cal, 'IsBaseCalendar', p) ?? false,
    weekDays: days,
    exceptions: [...legacy, ...exceptions],
    workWeeks,
    ...opt('name', text(cal, 'Name', p)),
    ...opt('baseCalendarUid', base !== undefined && base >= 0 ? base : undefined),
  };
}

function readBaselines(node: XmlNode, p: string): MspdiBaseline[] {
  return list(node, 'Baseline', p).map((b, i) => {
    const bp = `${p}/Baseline[${i + 1}]`;
    const number = int(b, 'Number', bp);
    if (number === undefined) throw new MspdiParseError(`${bp}/Number`, 'is required');
    return {
      number,
      ...opt('start', date(b, 'Start', bp)),
      ...opt('finish', date(b, 'Finish', bp)),
      ...opt('duration', duration(b, 'Duration', bp)),
      ...opt('work', duration(b, 'Work', bp)),
      ...opt('cost', num(b, 'Cost', bp)),
    };
  });
}

function readLink(link: XmlNode, p: string): MspdiLink {
  const predecessorUid = int(link, 'PredecessorUID', p);
  if (predecessorUid === undefined) throw new MspdiParseError(`${p}/PredecessorUID`, 'is required');
  const type = int(link, 'Type', p) ?? 1;
  if (type < 0 || type > 3)
    throw new MspdiParseError(`${p}/Type`, `${type} is not a link type (0 FF, 1 FS, 2 SF, 3 SS)`);
  return {
    predecessorUid,
    type,
    linkLag: int(link, 'LinkLag', p) ?? 0,
    lagFormat: int(link, 'LagFormat', p) ?? 7,
    ...opt('crossProject', bool(link, 'CrossProject', p)),
    ...opt('crossProjectName', text(link, 'CrossProjectName', p)),
  };
}

function readTask(task: XmlNode, i: number): MspdiTask {
  const uid = int(task, 'UID', `Project/Tasks/Task[${i + 1}]`);
  if (uid === undefined) throw new MspdiParseError(`Project/Tasks/Task[${i + 1}]/UID`, 'is required');
  const p = `Project/Tasks/Task[UID=${uid}]`;
  const constraintType = int(task, 'ConstraintType', p);
  if (constraintType !== undefined && (constraintType < 0 || constraintType > 7)) {
    throw new MspdiParseError(`${p}/ConstraintType`, `${constraintType} is not a constraint type (0–7)`);
  }
  const percent = int(task, 'PercentComplete', p);
  if (percent !== undefined && (percent < 0 || percent > 100)) {
    throw new MspdiParseError(`${p}/PercentComplete`, `${percent} is not between 0 and 100`);
  }
  const calendarUid = int(task, 'CalendarUID', p);
  return {
    uid,
    predecessors: list(task, 'PredecessorLink', p).map((l, j) =>
      readLink(l, `${p}/PredecessorLink[${j + 1}]`),
    ),
    baselines: readBaselines(task, p),
    ...opt('id', int(task, 'ID', p)),
    ...opt('name', text(task, 'Name', p)),
    ...opt('isNull', bool(task, 'IsNull', p)),
    ...opt('manual', bool(task, 'Manual', p)),
    ...opt('active', bool(task, 'Active', p)),
    ...opt('type', int(task, 'Type', p)),
    ...opt('wbs', text(task, 'WBS', p)),
    ...opt('outlineNumber', text(task, 'OutlineNumber', p)),
    ...opt('outlineLevel', int(task, 'OutlineLevel', p)),
    ...opt('priority', int(task, 'Priority', p)),
    ...opt('start', date(task, 'Start', p)),
    ...opt('finish', date(task, 'Finish', p)),
    ...opt('duration', duration(task, 'Duration', p)),
    ...opt('durationFormat', int(task, 'DurationFormat', p)),
    ...opt('work', duration(task, 'Work', p)),
    ...opt('estimated', bool(task, 'Estimated', p)),
    ...opt('milestone', bool(task, 'Milestone', p)),
    ...opt('summary', bool(task, 'Summary', p)),
    ...opt('percentComplete', percent),
    ...opt('actualStart', date(task, 'ActualStart', p)),
    ...opt('actualFinish', date(task, 'ActualFinish', p)),
    ...opt('actualDuration', duration(task, 'ActualDuration', p)),
    ...opt('remainingDuration', duration(task, 'RemainingDuration', p)),
    ...opt('constraintType', constraintType),
    ...opt('constraintDate', date(task, 'ConstraintDate', p)),
    ...opt('calendarUid', calendarUid !== undefined && calendarUid >= 0 ? calendarUid : undefined),
    ...opt('deadline', date(task, 'Deadline', p)),
    ...opt('ignoreResourceCalendar', bool(task, 'IgnoreResourceCalendar', p)),
    ...opt('notes', text(task, 'Notes', p)),
  };
}

function readResource(res: XmlNode, i: number): MspdiResource {
  const uid = int(res, 'UID', `Project/Resources/Resource[${i + 1}]`);
  if (uid === undefined) throw new MspdiParseError(`Project/Resources/Resource[${i + 1}]/UID`, 'is required');
  const p = `Project/Resources/Resource[UID=${uid}]`;
  const calendarUid = int(res, 'CalendarUID', p);
  return {
    uid,
    baselines: readBaselines(res, p),
    ...opt('id', int(res, 'ID', p)),
    ...opt('name', text(res, 'Name', p)),
    ...opt('type', int(res, 'Type', p)),
    ...opt('isNull', bool(res, 'IsNull', p)),
    ...opt('initials', text(res, 'Initials', p)),
    ...opt('maxUnits', num(res, 'MaxUnits', p)),
    ...opt('calendarUid', calendarUid !== undefined && calendarUid >= 0 ? calendarUid : undefined),
  };
}

function readAssignment(a: XmlNode, i: number): MspdiAssignment {
  const uid = int(a, 'UID', `Project/Assignments/Assignment[${i + 1}]`);
  if (uid === undefined)
    throw new MspdiParseError(`Project/Assignments/Assignment[${i + 1}]/UID`, 'is required');
  const p = `Project/Assignments/Assignment[UID=${uid}]`;
  const taskUid = int(a, 'TaskUID', p);
  const resourceUid = int(a, 'ResourceUID', p);
  if (taskUid === undefined) throw new MspdiParseError(`${p}/TaskUID`, 'is required');
  if (resourceUid === undefined) throw new MspdiParseError(`${p}/ResourceUID`, 'is required');
  return {
    uid,
    taskUid,
    resourceUid,
    baselines: readBaselines(a, p),
    ...opt('units', num(a, 'Units', p)),
    ...opt('work', duration(a, 'Work', p)),
    ...opt('start', date(a, 'Start', p)),
    ...opt('finish', date(a, 'Finish', p)),
  };
}

function readProjectInfo(root: XmlNode): MspdiProjectInfo {
  const p = 'Project';
  const minutesPerDay = int(root, 'MinutesPerDay', p) ?? 480;
  const minutesPerWeek = int(root, 'MinutesPerWeek', p) ?? 2400;
  const daysPerMonth = int(root, 'DaysPerMonth', p) ?? 20;
  if (minutesPerDay <= 0 || minutesPerDay > 1440)
    throw new MspdiParseError('Project/MinutesPerDay', 'must be 1 to 1440');
  if (minutesPerWeek <= 0 || minutesPerWeek > 10080)
    throw new MspdiParseError('Project/MinutesPerWeek', 'must be 1 to 10080');
  const calendarUid = int(root, 'CalendarUID', p);
  return {
    scheduleFromStart: bool(root, 'ScheduleFromStart', p) ?? true,
    minutesPerDay,
    minutesPerWeek,
    daysPerMonth,
    ...opt('name', text(root, 'Name', p)),
    ...opt('title', text(root, 'Title', p)),
    ...opt('saveVersion', int(root, 'SaveVersion', p)),
    ...opt('startDate', date(root, 'StartDate', p)),
    ...opt('finishDate', date(root, 'FinishDate', p)),
    ...opt('statusDate', date(root, 'StatusDate', p)),
    ...opt('currentDate', date(root, 'CurrentDate', p)),
    ...opt('calendarUid', calendarUid !== undefined && calendarUid >= 0 ? calendarUid : undefined),
    ...opt('defaultStartTime', text(root, 'DefaultStartTime', p)),
    ...opt('defaultFinishTime', text(root, 'DefaultFinishTime', p)),
    ...opt('honorConstraints', bool(root, 'HonorConstraints', p)),
    ...opt('criticalSlackLimit', int(root, 'CriticalSlackLimit', p)),
    ...opt('splitsInProgressTasks', bool(root, 'SplitsInProgressTasks', p)),
  };
}

function checkReferences(doc: MspdiDocument): void {
  const calendars = new Set<number>();
  for (const c of doc.calendars) {
    if (calendars.has(c.uid))
      throw new MspdiParseError(`Project/Calendars/Calendar[UID=${c.uid}]`, 'UID is used twice');
    calendars.add(c.uid);
  }
  for (const c of doc.calendars) {
    if (c.baseCalendarUid !== undefined && !calendars.has(c.baseCalendarUid)) {
      throw new MspdiParseError(
        `Project/Calendars/Calendar[UID=${c.uid}]/BaseCalendarUID`,
        `no calendar has UID ${c.baseCalendarUid}`,
      );
    }
  }
  if (doc.project.calendarUid !== undefined && !calendars.has(doc.project.calendarUid)) {
    throw new MspdiParseError('Project/CalendarUID', `no calendar has UID ${doc.project.calendarUid}`);
  }
  const tasks = new Set<number>();
  for (const t of doc.tasks) {
    if (tasks.has(t.uid)) throw new MspdiParseError(`Project/Tasks/Task[UID=${t.uid}]`, 'UID is used twice');
    tasks.add(t.uid);
  }
  for (const t of doc.tasks) {
    if (t.calendarUid !== undefined && !calendars.has(t.calendarUid)) {
      throw new MspdiParseError(
        `Project/Tasks/Task[UID=${t.uid}]/CalendarUID`,
        `no calendar has UID ${t.calendarUid}`,
      );
    }
    t.predecessors.forEach((l, j) => {
      if (!l.crossProject && !tasks.has(l.predecessorUid)) {
        throw new MspdiParseError(
          `Project/Tasks/Task[UID=${t.uid}]/PredecessorLink[${j + 1}]/PredecessorUID`,
          `no task has UID ${l.predecessorUid}`,
        );
      }
    });
  }
  const resources = new Set<number>();
  for (const r of doc.resources) {
    if (resources.has(r.uid))
      throw new MspdiParseError(`Project/Resources/Resource[UID=${r.uid}]`, 'UID is used twice');
    resources.add(r.uid);
    if (r.calendarUid !== undefined && !calendars.has(r.calendarUid)) {
      throw new MspdiParseError(
        `Project/Resources/Resource[UID=${r.uid}]/CalendarUID`,
        `no calendar has UID ${r.calendarUid}`,
      );
    }
  }
  for (const a of doc.assignments) {
    const p = `Project/Assignments/Assignment[UID=${a.uid}]`;
    if (!tasks.has(a.taskUid)) throw new MspdiParseError(`${p}/TaskUID`, `no task has UID ${a.taskUid}`);
    // Project writes ResourceUID -65535 for assignments without a resource.
    if (a.resourceUid >= 0 && !resources.has(a.resourceUid)) {
      throw new MspdiParseError(`${p}/ResourceUID`, `no resource has UID ${a.resourceUid}`);
    }
  }
}

/** Parses MSPDI XML into a typed document; a bad file throws MspdiParseError naming the element and the reason. */
export function parseMspdi(xml: string): MspdiDocument {
  let parsed: unknown;
  try {
    parsed = scanXml(xml, REPEATED);
  } catch (e) {
    if (e instanceof XmlScanError)
      throw new MspdiParseError(`xml (line ${e.line}, column ${e.column})`, e.reason);
    throw e;
  }
  if (!isNode(parsed)) throw new MspdiParseError('xml', 'is empty');
  const root = parsed.Project;
  if (!isNode(root)) {
    throw new MspdiParseError('Project', 'the root element must be <Project> (Microsoft Project XML)');
  }
  const doc: MspdiDocument = {
    project: readProjectInfo(root),
    calendars: list(child(root, 'Calendars', 'Project'), 'Calendar', 'Project/Calendars').map(readCalendar),
    tasks: list(child(root, 'Tasks', 'Project'), 'Task', 'Project/Tasks').map(readTask),
    resources: list(child(root, 'Resources', 'Project'), 'Resource', 'Project/Resources').map(readResource),
    assignments: list(child(root, 'Assignments', 'Project'), 'Assignment', 'Project/Assignments').map(
      readAssignment,
    ),
  };
  checkReferences(doc);
  return doc;
}
