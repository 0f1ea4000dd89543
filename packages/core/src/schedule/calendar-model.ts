import type { LocalMinutes } from './local-time.ts';

/** A working interval inside one day, in minutes after midnight; `to` may be 1440 (24:00). */
export type WorkingInterval = { readonly from: number; readonly to: number };

/**
 * Seven entries, Sunday first (MSPDI DayType 1..7 minus one). `null` means "as the base
 * calendar"; an empty array means non-working.
 */
export type WeekPattern = readonly (readonly WorkingInterval[] | null)[];

/** Which day of a month a positional recurrence counts (MSPDI MonthItem). */
export type MonthItem =
  | 'day'
  | 'weekday'
  | 'weekendDay'
  | 'sunday'
  | 'monday'
  | 'tuesday'
  | 'wednesday'
  | 'thursday'
  | 'friday'
  | 'saturday';

/** Which occurrence in the month (MSPDI MonthPosition 0..4). */
export type MonthPosition = 'first' | 'second' | 'third' | 'fourth' | 'last';

/** A recurrence pattern, as Microsoft Project's exception dialog and MSPDI Exception/Type define. */
export type Recurrence =
  | { readonly kind: 'daily'; readonly every: number }
  | { readonly kind: 'weekly'; readonly every: number; readonly daysOfWeek: readonly number[] }
  | { readonly kind: 'monthlyByDay'; readonly every: number; readonly monthDay: number }
  | {
      readonly kind: 'monthlyByPosition';
      readonly every: number;
      readonly position: MonthPosition;
      readonly item: MonthItem;
    }
  | { readonly kind: 'yearlyByDay'; readonly month: number; readonly monthDay: number }
  | {
      readonly kind: 'yearlyByPosition';
      readonly month: number;
      readonly position: MonthPosition;
      readonly item: MonthItem;
    };

/**
 * An exception: the days from `from` to `to` (both inclusive, any time of day) get `working`
 * (empty = holiday). With `recurrence`, only the matching days inside the range do, up to
 * `occurrences` of them when given.
 */
export type CalendarException = {
  readonly name?: string;
  readonly from: LocalMinutes;
  readonly to: LocalMinutes;
  readonly working: readonly WorkingInterval[];
  readonly recurrence?: Recurrence;
  readonly occurrences?: number;
};

/** An alternative work week (MSPDI WorkWeek) valid for the days from `from` to `to`. */
export type WorkWeek = {
  readonly name?: string;
  readonly from: LocalMinutes;
  readonly to: LocalMinutes;
  readonly week: WeekPattern;
};

/** A calendar definition: own week, alternative weeks, exceptions and an optional base calendar. */
export type CalendarDefinition = {
  readonly id: string;
  readonly name?: string;
  readonly baseId?: string;
  readonly week: WeekPattern;
  readonly workWeeks?: readonly WorkWeek[];
  readonly exceptions?: readonly CalendarException[];
};

/** Microsoft Project's default day: 08:00–12:00 and 13:00–17:00. */
export const STANDARD_DAY: readonly WorkingInterval[] = [
  { from: 8 * 60, to: 12 * 60 },
  { from: 13 * 60, to: 17 * 60 },
];

/** Creates Microsoft Project's Standard calendar (Mon–Fri 08:00–12:00, 13:00–17:00). */
export function createStandardCalendar(id = 'standard', name = 'Standard'): CalendarDefinition {
  return { id, name, week: [[], STANDARD_DAY, STANDARD_DAY, STANDARD_DAY, STANDARD_DAY, STANDARD_DAY, []] };
}

/** Creates Microsoft Project's "24 Hours" calendar. */
export function create24HourCalendar(id = '24h', name = '24 Hours'): CalendarDefinition {
  const all = [{ from: 0, to: 1440 }];
  return { id, name, week: [all, all, all, all, all, all, all] };
}

/** Creates Microsoft Project's "Night Shift" calendar (Mon 23:00 – Sat 08:00 with breaks). */
export function createNightShiftCalendar(id = 'night', name = 'Night Shift'): CalendarDefinition {
  const night = [
    { from: 0, to: 3 * 60 },
    { from: 4 * 60, to: 8 * 60 },
    { from: 23 * 60, to: 1440 },
  ];
  return {
    id,
    name,
    week: [
      [],
      [{ from: 23 * 60, to: 1440 }],
      night,
      night,
      night,
      night,
      [
        { from: 0, to: 3 * 60 },
        { from: 4 * 60, to: 8 * 60 },
      ],
    ],
  };
}
