import type { Priority } from '@baton/contracts';
import type { CreateProjectBody, CustomField, Project, UpdateProjectBody } from '../../api/types.ts';
import { formatMajorInput, parseMajorToMinor } from '../../design/format.ts';

/** What the form holds: text as typed, so nothing is lost while someone is mid-edit. */
export type ProjectFormState = {
  code: string;
  name: string;
  description: string;
  objectives: string;
  orgUnitId: string;
  portfolioId: string;
  programId: string;
  sponsorId: string;
  managerId: string;
  plannedStart: string;
  plannedFinish: string;
  budget: string;
  currency: string;
  priority: Priority;
  tags: string[];
  custom: Record<string, string>;
};

export type FormErrors = Partial<Record<string, string>>;

/** The editable values in the API's shape. */
export type ProjectValues = {
  name: string;
  description: string | null;
  objectives: string | null;
  orgUnitId: string | null;
  portfolioId: string | null;
  programId: string | null;
  sponsorId: string | null;
  managerId: string | null;
  plannedStart: string | null;
  plannedFinish: string | null;
  budgetMinor: number | null;
  currency: string;
  priority: Priority;
  tags: string[];
  customFields: Record<string, string | number | null>;
};

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function emptyFormState(defaults: Partial<ProjectFormState> = {}): ProjectFormState {
  return {
    code: '',
    name: '',
    description: '',
    objectives: '',
    orgUnitId: '',
    portfolioId: '',
    programId: '',
    sponsorId: '',
    managerId: '',
    plannedStart: '',
    plannedFinish: '',
    budget: '',
    currency: 'EUR',
    priority: 'medium',
    tags: [],
    custom: {},
    ...defaults,
  };
}

export function formStateOf(p: Project): ProjectFormState {
  const custom: Record<string, string> = {};
  for (const [k, v] of Object.entries(p.customFields)) custom[k] = v === null ? '' : String(v);
  return {
    code: p.code,
    name: p.name,
    description: p.description ?? '',
    objectives: p.objectives ?? '',
    orgUnitId: p.orgUnitId,
    portfolioId: p.portfolioId ?? '',
    programId: p.programId ?? '',
    sponsorId: p.sponsorId ?? '',
    managerId: p.managerId ?? '',
    plannedStart: p.plannedStart ?? '',
    plannedFinish: p.plannedFinish ?? '',
    budget: formatMajorInput(p.budgetMinor, p.currency),
    currency: p.currency,
    priority: p.priority,
    tags: [...p.tags],
    custom,
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function customValue(def: CustomField, text: string | undefined): string | number | null {
  const t = (text ?? '').trim();
  if (t === '') return null;
  return def.type === 'number' ? Number(t) : t;
}

export function valuesOf(s: ProjectFormState, defs: readonly CustomField[]): ProjectValues {
  const customFields: Record<string, string | number | null> = {};
  for (const def of defs) customFields[def.key] = customValue(def, s.custom[def.key]);
  return {
    name: s.name.trim(),
    description: orNull(s.description),
    objectives: orNull(s.objectives),
    orgUnitId: orNull(s.orgUnitId),
    portfolioId: orNull(s.portfolioId),
    programId: orNull(s.programId),
    sponsorId: orNull(s.sponsorId),
    managerId: orNull(s.managerId),
    plannedStart: orNull(s.plannedStart),
    plannedFinish: orNull(s.plannedFinish),
    budgetMinor: parseMajorToMinor(s.budget, s.currency.trim().toUpperCase() || 'EUR'),
    currency: s.currency.trim().toUpperCase(),
    priority: s.priority,
    tags: s.tags,
    customFields,
  };
}

/** Client-side checks for the obvious rules; the server has the last word. */
export function validateForm(
  s: ProjectFormState,
  defs: readonly CustomField[],
  creating: boolean,
): FormErrors {
  const e: FormErrors = {};
  const code = s.code.trim();
  if (code && (code.length > 32 || !CODE_PATTERN.test(code))) {
    e.code = 'Use up to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit.';
  } else if (!creating && !code) e.code = 'A project needs a code.';
  if (!s.name.trim()) e.name = 'Give the project a name.';
  else if (s.name.trim().length > 200) e.name = 'Keep the name under 200 characters.';
  if (!creating && !s.orgUnitId) e.orgUnitId = 'Choose the org unit that owns the project.';
  if (s.plannedStart && s.plannedFinish && s.plannedFinish < s.plannedStart) {
    e.plannedFinish = 'The finish date cannot be before the start date.';
  }
  if (!/^[A-Za-z]{3}$/.test(s.currency.trim())) e.currency = 'Use a three-letter ISO code such as EUR.';
  const minor = parseMajorToMinor(
    s.budget,
    /^[A-Za-z]{3}$/.test(s.currency.trim()) ? s.currency.trim().toUpperCase() : 'EUR',
  );
  if (minor !== null && (Number.isNaN(minor) || minor < 0)) {
    e.budgetMinor = 'Enter an amount such as 250000 or 1250.50 (no currency symbol).';
  }
  for (const def of defs) {
    const text = (s.custom[def.key] ?? '').trim();
    const key = `customFields.${def.key}`;
    if (def.required && text === '') e[key] = `${def.label} is required.`;
    else if (def.type === 'number' && text !== '' && !Number.isFinite(Number(text)))
      e[key] = 'Enter a number.';
  }
  return e;
}

export function toCreateBody(s: ProjectFormState, defs: readonly CustomField[]): CreateProjectBody {
  const v = valuesOf(s, defs);
  const customFields = Object.fromEntries(Object.entries(v.customFields).filter(([, x]) => x !== null));
  return {
    name: v.name,
    ...(s.code.trim() ? { code: s.code.trim() } : {}),
    ...(v.description !== null ? { description: v.description } : {}),
    ...(v.objectives !== null ? { objectives: v.objectives } : {}),
    ...(v.orgUnitId !== null ? { orgUnitId: v.orgUnitId } : {}),
    ...(v.portfolioId !== null ? { portfolioId: v.portfolioId } : {}),
    ...(v.programId !== null ? { programId: v.programId } : {}),
    ...(v.sponsorId !== null ? { sponsorId: v.sponsorId } : {}),
    ...(v.managerId !== null ? { managerId: v.managerId } : {}),
    ...(v.plannedStart !== null ? { plannedStart: v.plannedStart } : {}),
    ...(v.plannedFinish !== null ? { plannedFinish: v.plannedFinish } : {}),
    ...(v.budgetMinor !== null ? { budgetMinor: v.budgetMinor } : {}),
    currency: v.currency,
    priority: v.priority,
    tags: v.tags,
    ...(Object.keys(customFields).length > 0 ? { customFields } : {}),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what the person changed, so saving does not overwrite fields they never touched. */
export type ProjectChanges = Omit<UpdateProjectBody, 'version'>;

export function diffChanges(
  original: ProjectFormState,
  edited: ProjectFormState,
  defs: readonly CustomField[],
): ProjectChanges {
  const before = valuesOf(original, defs);
  const after = valuesOf(edited, defs);
  const changes: Record<string, unknown> = {};
  if (original.code.trim() !== edited.code.trim()) changes.code = edited.code.trim();
  for (const key of Object.keys(after) as (keyof ProjectValues)[]) {
    if (key === 'customFields') continue;
    if (!same(before[key], after[key])) changes[key] = after[key];
  }
  const custom: Record<string, string | number | null> = {};
  for (const [k, v] of Object.entries(after.customFields)) {
    if (!same(before.customFields[k] ?? null, v)) custom[k] = v;
  }
  if (Object.keys(custom).length > 0) changes.customFields = custom;
  return changes as ProjectChanges;
}

/** Server field paths onto form error keys (budgetMinor stays, customFields.x stays). */
export function errorsFromProblem(errors: readonly { field: string; message: string }[]): FormErrors {
  const out: FormErrors = {};
  for (const { field, message } of errors) {
    const key = field === 'statusReason' || field === 'status' ? '(root)' : field;
    const text = message.charAt(0).toUpperCase() + message.slice(1);
    out[key] = out[key] ? `${out[key]} ${text}` : text;
  }
  return out;
}
