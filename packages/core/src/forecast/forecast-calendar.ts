import type { CalendarDefinition } from '../schedule/calendar-model.ts';
import { buildDayResolvers } from '../schedule/calendar-resolve.ts';
import type { LocalMinutes } from '../schedule/local-time.ts';
import { getDayNumber } from '../schedule/local-time.ts';
import type { WorkCalendar } from '../schedule/work-calendar.ts';
import { compileWorkCalendar } from '../schedule/work-calendar.ts';
import { ForecastInputError } from './forecast-model.ts';

/** Compiles one calendar (with its base calendars) for the forecast's offset ↔ date conversions. */
export function compileForecastCalendar(
  definitions: readonly CalendarDefinition[],
  calendarId: string,
  near: LocalMinutes,
): WorkCalendar {
  const { resolvers, issues } = buildDayResolvers(definitions);
  const resolve = resolvers.get(calendarId);
  if (!resolve)
    throw new ForecastInputError('calendarId', issues[0]?.message ?? `calendar ${calendarId} is not defined`);
  return compileWorkCalendar(calendarId, resolve, getDayNumber(near));
}
