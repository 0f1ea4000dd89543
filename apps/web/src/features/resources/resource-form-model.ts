import type { CreateResourceBody, ResourceDetail, UpdateResourceBody } from '../../api/resources.ts';
import { parseMajorToMinor } from '../../design/format.ts';
import { isIsoDate } from './week-dates.ts';

/** What the resource form holds: text as typed. */
export type ResourceFormState = {
  name: string;
  kind: 'person' | 'role';
  email: string;
  role: string;
  orgUnitId: string;
  capacity: string;
  employmentStart: string;
  employmentEnd: string;
};

export type ResourceFormErrors = Partial<Record<keyof ResourceFormState | 'rate' | 'form', string>>;

export const EMPTY_RESOURCE_FORM: ResourceFormState = {
  name: '',
  kind: 'person',
  email: '',
  role: '',
  orgUnitId: '',
  capacity: '40',
  employmentStart: '',
  employmentEnd: '',
};

export function formStateOf(r: ResourceDetail): ResourceFormState {
  return {
    name: r.name,
    kind: r.kind === 'role' ? 'role' : 'person',
    email: r.email ?? '',
    role: r.role ?? '',
    orgUnitId: r.orgUnitId ?? '',
    capacity: String(r.capacityHoursPerWeek),
    employmentStart: r.employmentStart ?? '',
    employmentEnd: r.employmentEnd ?? '',
  };
}

/** The problems a person can fix before sending, keyed by field. */
export function validateResourceForm(s: ResourceFormState): ResourceFormErrors {
  const e: ResourceFormErrors = {};
  if (!s.name.trim()) e.name = 'Enter a name.';
  const capacity = Number(s.capacity.replace(',', '.'));
  if (s.capacity.trim() === '' || !Number.isFinite(capacity) || capacity < 0 || capacity > 168)
    e.capacity = 'Enter the hours a week, 0 to 168.';
  if (s.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.email.trim()))
    e.email = 'Enter a valid e-mail address.';
  if (s.employmentStart && !isIsoDate(s.employmentStart)) e.employmentStart = 'Enter a date.';
  if (s.employmentEnd && !isIsoDate(s.employmentEnd)) e.employmentEnd = 'Enter a date.';
  if (isIsoDate(s.employmentStart) && isIsoDate(s.employmentEnd) && s.employmentEnd < s.employmentStart)
    e.employmentEnd = 'The end must not be before the start.';
  return e;
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

function fieldsOf(s: ResourceFormState) {
  return {
    name: s.name.trim(),
    kind: s.kind,
    capacityHoursPerWeek: Number(s.capacity.replace(',', '.')),
    email: orNull(s.email),
    role: orNull(s.role),
    orgUnitId: orNull(s.orgUnitId),
    employmentStart: orNull(s.employmentStart),
    employmentEnd: orNull(s.employmentEnd),
  };
}

export type RateDraft = { amount: string; currency: string; effectiveFrom: string };

/** The create body; a first rate is sent when an amount was typed. Returns an error text for a bad rate. */
export function toCreateBody(
  s: ResourceFormState,
  skills: readonly { skillId: string; level: number }[],
  rate: RateDraft,
): CreateResourceBody | { rateError: string } {
  const body: CreateResourceBody = { ...fieldsOf(s) };
  if (skills.length > 0) body.skills = skills.map((k) => ({ skillId: k.skillId, level: k.level }));
  if (rate.amount.trim()) {
    const currency = rate.currency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) return { rateError: 'Use a three-letter currency code such as EUR.' };
    const minor = parseMajorToMinor(rate.amount, currency);
    if (minor === null || Number.isNaN(minor))
      return { rateError: 'Enter the rate as a number, e.g. 85.50.' };
    if (!isIsoDate(rate.effectiveFrom)) return { rateError: 'Enter the date the rate applies from.' };
    body.rate = { rateMinor: minor, currency, effectiveFrom: rate.effectiveFrom };
  }
  return body;
}

/** The update body: only the fields that changed, with the version edited. */
export function toUpdateBody(
  base: ResourceFormState,
  next: ResourceFormState,
  version: number,
): UpdateResourceBody {
  const before = fieldsOf(base);
  const after = fieldsOf(next);
  const body: UpdateResourceBody = { version };
  for (const key of Object.keys(after) as (keyof typeof after)[]) {
    if (before[key] !== after[key]) Object.assign(body, { [key]: after[key] });
  }
  return body;
}

/** Server field problems mapped onto the form's fields. */
export function errorsFromProblem(errors: readonly { field: string; message: string }[]): ResourceFormErrors {
  const map: Record<string, keyof ResourceFormErrors> = {
    name: 'name',
    kind: 'kind',
    email: 'email',
    role: 'role',
    orgUnitId: 'orgUnitId',
    capacityHoursPerWeek: 'capacity',
    employmentStart: 'employmentStart',
    employmentEnd: 'employmentEnd',
  };
  const out: ResourceFormErrors = {};
  for (const e of errors) {
    const key = map[e.field.split('.')[0] ?? ''] ?? (e.field.startsWith('rate') ? 'rate' : 'form');
    out[key] = out[key] ? `${out[key]} ${e.message}` : e.message;
  }
  return out;
}
