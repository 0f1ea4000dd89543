import { formatMspdiDuration } from './mspdi-duration.ts';
import type {
  MspdiBaseline,
  MspdiCalendar,
  MspdiDocument,
  MspdiException,
  MspdiTask,
  MspdiWeekDay,
  MspdiWorkingTime,
} from './mspdi-model.ts';

function escapeXml(s: string): string {
  return s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );
}

/** Collects elements in schema order, skipping absent values. */
class XmlOut {
  private readonly parts: string[] = [];
  private depth = 0;
  open(name: string): void {
    this.parts.push(`${'  '.repeat(this.depth)}<${name}>`);
    this.depth++;
  }
  close(name: string): void {
    this.depth--;
    this.parts.push(`${'  '.repeat(this.depth)}</${name}>`);
  }
  leaf(name: string, value: string | number | boolean | undefined): void {
    if (value === undefined) return;
    const v =
      typeof value === 'boolean'
        ? value
          ? '1'
          : '0'
        : typeof value === 'number'
          ? String(value)
          : escapeXml(value);
    this.parts.push(`${'  '.repeat(this.depth)}<${name}>${v}</${name}>`);
  }
  duration(name: string, minutes: number | undefined): void {
    if (minutes !== undefined) this.leaf(name, formatMspdiDuration(minutes));
  }
  toString(): string {
    return `${this.parts.join('\n')}\n`;
  }
}

function writeTimes(out: XmlOut, times: readonly MspdiWorkingTime[]): void {
  if (times.length === 0) return;
  out.open('WorkingTimes');
  for (const t of times) {
    out.open('WorkingTime');
    out.leaf('FromTime', t.from);
    out.leaf('ToTime', t.to);
    out.close('WorkingTime');
  }
  out.close('WorkingTimes');
}

function writeWeekDays(out: XmlOut, days: readonly MspdiWeekDay[]): void {
  if (days.length === 0) return;
  out.open('WeekDays');
  for (const d of days) {
    out.open('WeekDay');
    out.leaf('DayType', d.dayType);
    out.leaf('DayWorking', d.working);
    writeTimes(out, d.times);
    out.close('WeekDay');
  }
  out.close('WeekDays');
}

function writeException(out: XmlOut, e: MspdiException): void {
  out.open('Exception');
  out.leaf('EnteredByOccurrences', e.enteredByOccurrences);
  out.open('TimePeriod');
  out.leaf('FromDate', e.from);
  out.leaf('ToDate', e.to);
  out.close('TimePeriod');
  out.leaf('Occurrences', e.occurrences);
  out.leaf('Name', e.name);
  out.leaf('Type', e.type);
  out.leaf('Period', e.period);
  out.leaf('DaysOfWeek', e.daysOfWeek);
  out.leaf('MonthItem', e.monthItem);
  out.leaf('MonthPosition', e.monthPosition);
  out.leaf('Month', e.month);
  out.leaf('MonthDay', e.monthDay);
  out.leaf('DayWorking', e.working);
  writeTimes(out, e.times);
  out.close('Exception');
}

function writeCalendar(out: XmlOut, c: MspdiCalendar): void {
  out.open('Calendar');
  out.leaf('UID', c.uid);
  out.leaf('Name', c.name);
  out.leaf('IsBaseCalendar', c.isBaseCalendar);
  out.leaf('BaseCalendarUID', c.baseCalendarUid ?? -1);
  writeWeekDays(out, c.weekDays);
  if (c.exceptions.length > 0) {
    out.open('Exceptions');
    for (const e of c.exceptions) writeException(out, e);
    out.close('Exceptions');
  }
  if (c.workWeeks.length > 0) {
    out.open('WorkWeeks');
    for (const w of c.workWeeks) {
      out.open('WorkWeek');
      out.open('TimePeriod');
      out.leaf('FromDate', w.from);
      out.leaf('ToDate', w.to);
      out.close('TimePeriod');
      out.leaf('Name', w.name);
      writeWeekDays(out, w.weekDays);
      out.close('WorkWeek');
    }
    out.close('WorkWeeks');
  }
  out.close('Calendar');
}

function writeBaselines(out: XmlOut, baselines: readonly MspdiBaseline[], withDuration: boolean): void {
  for (const b of baselines) {
    out.open('Baseline');
    out.leaf('Number', b.number);
    out.leaf('Start', b.start);
    out.leaf('Finish', b.finish);
    if (withDuration) out.duration('Duration', b.duration);
    out.duration('Work', b.work);
    out.leaf('Cost', b.cost);
    out.close('Baseline');
  }
}

function writeTask(out: XmlOut, t: MspdiTask): void {
  out.open('Task');
  out.leaf('UID', t.uid);
  out.leaf('ID', t.id);
  out.leaf('Name', t.name);
  out.leaf('Active', t.active);
  out.leaf('Manual', t.manual);
  out.leaf('Type', t.type);
  out.leaf('IsNull', t.isNull);
  out.leaf('WBS', t.wbs);
  out.leaf('OutlineNumber', t.outlineNumber);
  out.leaf('OutlineLevel', t.outlineLevel);
  out.leaf('Priority', t.priority);
  out.leaf('Start', t.start);
  out.leaf('Finish', t.finish);
  out.duration('Duration', t.duration);
  out.leaf('DurationFormat', t.durationFormat);
  out.duration('Work', t.work);
  out.leaf('Estimated', t.estimated);
  out.leaf('Milestone', t.milestone);
  out.leaf('Summary', t.summary);
  out.leaf('PercentComplete', t.percentComplete);
  out.leaf('ActualStart', t.actualStart);
  out.leaf('ActualFinish', t.actualFinish);
  out.duration('ActualDuration', t.actualDuration);
  out.duration('RemainingDuration', t.remainingDuration);
  out.leaf('ConstraintType', t.constraintType);
  out.leaf('CalendarUID', t.calendarUid ?? -1);
  out.leaf('ConstraintDate', t.constraintDate);
  out.leaf('Deadline', t.deadline);
  out.leaf('IgnoreResourceCalendar', t.ignoreResourceCalendar);
  out.leaf('Notes', t.notes);
  for (const l of t.predecessors) {
    out.open('PredecessorLink');
    out.leaf('PredecessorUID', l.predecessorUid);
    out.leaf('Type', l.type);
    out.leaf('CrossProject', l.crossProject);
    out.leaf('CrossProjectName', l.crossProjectName);
    out.leaf('LinkLag', l.linkLag);
    out.leaf('LagFormat', l.lagFormat);
    out.close('PredecessorLink');
  }
  writeBaselines(out, t.baselines, true);
  out.close('Task');
}

/** Serialises a document as MSPDI XML, elements in the schema's order. */
export function writeMspdi(doc: MspdiDocument): string {
  const out = new XmlOut();
  const p = doc.project;
  out.open('Project xmlns="http://schemas.microsoft.com/project"');
  out.leaf('SaveVersion', p.saveVersion);
  out.leaf('Name', p.name);
  out.leaf('Title', p.title);
  out.leaf('ScheduleFromStart', p.scheduleFromStart);
  out.leaf('StartDate', p.startDate);
  out.leaf('FinishDate', p.finishDate);
  out.leaf('CriticalSlackLimit', p.criticalSlackLimit);
  out.leaf('CalendarUID', p.calendarUid);
  out.leaf('DefaultStartTime', p.defaultStartTime);
  out.leaf('DefaultFinishTime', p.defaultFinishTime);
  out.leaf('MinutesPerDay', p.minutesPerDay);
  out.leaf('MinutesPerWeek', p.minutesPerWeek);
  out.leaf('DaysPerMonth', p.daysPerMonth);
  out.leaf('HonorConstraints', p.honorConstraints);
  out.leaf('SplitsInProgressTasks', p.splitsInProgressTasks);
  out.leaf('StatusDate', p.statusDate);
  out.leaf('CurrentDate', p.currentDate);
  out.open('Calendars');
  for (const c of doc.calendars) writeCalendar(out, c);
  out.close('Calendars');
  out.open('Tasks');
  for (const t of doc.tasks) writeTask(out, t);
  out.close('Tasks');
  out.open('Resources');
  for (const r of doc.resources) {
    out.open('Resource');
    out.leaf('UID', r.uid);
    out.leaf('ID', r.id);
    out.leaf('Name', r.name);
    out.leaf('Type', r.type);
    out.leaf('IsNull', r.isNull);
    out.leaf('Initials', r.initials);
    out.leaf('MaxUnits', r.maxUnits);
    out.leaf('CalendarUID', r.calendarUid);
    writeBaselines(out, r.baselines, false);
    out.close('Resource');
  }
  out.close('Resources');
  out.open('Assignments');
  for (const a of doc.assignments) {
    out.open('Assignment');
    out.leaf('UID', a.uid);
    out.leaf('TaskUID', a.taskUid);
    out.leaf('ResourceUID', a.resourceUid);
    out.leaf('Finish', a.finish);
    out.leaf('Start', a.start);
    out.leaf('Units', a.units);
    out.duration('Work', a.work);
    writeBaselines(out, a.baselines, false);
    out.close('Assignment');
  }
  out.close('Assignments');
  out.close('Project');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${out.toString()}`;
}
