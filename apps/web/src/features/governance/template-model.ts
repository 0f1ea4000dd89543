import type {
  Approach,
  CreateTemplateBody,
  LifecycleTemplate,
  NewTemplateVersionBody,
  PhaseDefinition,
} from '../../api/governance.ts';

/** Keys of templates, phases, criteria and deliverables: the server's rule. */
export const KEY_PATTERN = /^[a-z][a-z0-9_-]{0,39}$/;
export const KEY_MAX = 40;
export const KEY_HINT = 'Lower-case letters, digits, - and _, starting with a letter.';
export const MAX_PHASES = 20;
export const MAX_ITEMS = 40;
export const NAME_MAX = 200;
export const CRITERION_MAX = 500;
export const DESCRIPTION_MAX = 10_000;

export const APPROACHES: readonly Approach[] = ['predictive', 'agile', 'hybrid'];
export const APPROACH_LABELS: Record<Approach, string> = {
  predictive: 'Predictive',
  agile: 'Agile',
  hybrid: 'Hybrid',
};
export const APPROACH_TONES: Record<Approach, 'blue' | 'green' | 'violet'> = {
  predictive: 'blue',
  agile: 'green',
  hybrid: 'violet',
};

/** What a key field says is wrong, or null. */
export function keyProblem(key: string, otherKeys: readonly string[] = []): string | null {
  if (key === '') return 'Give a key.';
  if (!KEY_PATTERN.test(key)) return `${KEY_HINT} At most ${KEY_MAX} characters.`;
  if (otherKeys.includes(key)) return `“${key}” is used twice in this list.`;
  return null;
}

/** A key proposed from a name: "Gate 1 — Charter" → "gate-1-charter"; '' when nothing is left. */
export function keyFromText(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, KEY_MAX)
    .replace(/-+$/, '');
  return slug;
}

// ---- drafts: what the editor holds, strings and client ids for React keys ----

export type CriterionDraft = { id: string; key: string; text: string; required: boolean };
export type DeliverableDraft = { id: string; key: string; name: string; required: boolean };
export type PhaseDraft = {
  id: string;
  key: string;
  name: string;
  gateName: string;
  criteria: CriterionDraft[];
  deliverables: DeliverableDraft[];
};
export type TemplateDraft = {
  key: string;
  name: string;
  approach: Approach;
  description: string;
  /** '' for the whole organisation. */
  orgUnitId: string;
  phases: PhaseDraft[];
};

let counter = 0;
/** A client-side id for a row of the editor (React keys; never sent). */
export function newDraftId(): string {
  counter += 1;
  return `d${counter}`;
}

export function emptyCriterion(): CriterionDraft {
  return { id: newDraftId(), key: '', text: '', required: true };
}
export function emptyDeliverable(): DeliverableDraft {
  return { id: newDraftId(), key: '', name: '', required: true };
}
export function emptyPhase(): PhaseDraft {
  return { id: newDraftId(), key: '', name: '', gateName: '', criteria: [], deliverables: [] };
}

export function phaseDraftOf(p: PhaseDefinition): PhaseDraft {
  return {
    id: newDraftId(),
    key: p.key,
    name: p.name,
    gateName: p.gate.name,
    criteria: p.gate.criteria.map((c) => ({
      id: newDraftId(),
      key: c.key,
      text: c.text,
      required: c.required,
    })),
    deliverables: p.gate.deliverables.map((d) => ({
      id: newDraftId(),
      key: d.key,
      name: d.name,
      required: d.required,
    })),
  };
}

/** The editor's starting point: a template to base a new version on, or a blank one with one phase. */
export function templateDraftOf(template: LifecycleTemplate | null): TemplateDraft {
  if (!template) {
    return {
      key: '',
      name: '',
      approach: 'predictive',
      description: '',
      orgUnitId: '',
      phases: [emptyPhase()],
    };
  }
  return {
    key: template.key,
    name: template.name,
    approach: template.approach,
    description: template.description ?? '',
    orgUnitId: template.orgUnitId ?? '',
    phases: template.phases.map(phaseDraftOf),
  };
}

export function phasesOf(draft: TemplateDraft): PhaseDefinition[] {
  return draft.phases.map((p) => ({
    key: p.key.trim(),
    name: p.name.trim(),
    gate: {
      name: p.gateName.trim(),
      criteria: p.criteria.map((c) => ({ key: c.key.trim(), text: c.text.trim(), required: c.required })),
      deliverables: p.deliverables.map((d) => ({
        key: d.key.trim(),
        name: d.name.trim(),
        required: d.required,
      })),
    },
  }));
}

export function createBodyOf(draft: TemplateDraft): CreateTemplateBody {
  const description = draft.description.trim();
  return {
    key: draft.key.trim(),
    name: draft.name.trim(),
    approach: draft.approach,
    description: description === '' ? null : description,
    orgUnitId: draft.orgUnitId === '' ? null : draft.orgUnitId,
    phases: phasesOf(draft),
  };
}

export function versionBodyOf(draft: TemplateDraft): NewTemplateVersionBody {
  const description = draft.description.trim();
  return {
    name: draft.name.trim(),
    description: description === '' ? null : description,
    phases: phasesOf(draft),
  };
}

// ---- validation: errors keyed by the server's field paths, so both land in the same place ----

export type DraftErrors = Record<string, string>;

function others(keys: readonly string[], i: number): string[] {
  return keys.filter((_, j) => j !== i);
}

function required(errors: DraftErrors, path: string, value: string, what: string, max: number): void {
  const v = value.trim();
  if (v === '') errors[path] = `Give ${what}.`;
  else if (v.length > max) errors[path] = `At most ${max} characters.`;
}

/** Every problem of the draft; the key of the template only matters when it is new. */
export function validateDraft(draft: TemplateDraft, mode: 'create' | 'version'): DraftErrors {
  const errors: DraftErrors = {};
  if (mode === 'create') {
    const k = keyProblem(draft.key.trim());
    if (k) errors.key = k;
  }
  required(errors, 'name', draft.name, 'a name', NAME_MAX);
  if (draft.description.length > DESCRIPTION_MAX)
    errors.description = `At most ${DESCRIPTION_MAX} characters.`;
  if (draft.phases.length === 0) errors.phases = 'Add at least one phase.';
  if (draft.phases.length > MAX_PHASES) errors.phases = `At most ${MAX_PHASES} phases.`;
  const phaseKeys = draft.phases.map((p) => p.key.trim());
  draft.phases.forEach((p, i) => {
    const at = `phases.${i}`;
    const k = keyProblem(phaseKeys[i] ?? '', others(phaseKeys, i));
    if (k) errors[`${at}.key`] = k;
    required(errors, `${at}.name`, p.name, 'the phase a name', NAME_MAX);
    required(errors, `${at}.gate.name`, p.gateName, 'the gate a name', NAME_MAX);
    if (p.criteria.length > MAX_ITEMS) errors[`${at}.gate.criteria`] = `At most ${MAX_ITEMS} criteria.`;
    if (p.deliverables.length > MAX_ITEMS)
      errors[`${at}.gate.deliverables`] = `At most ${MAX_ITEMS} deliverables.`;
    const ck = p.criteria.map((c) => c.key.trim());
    p.criteria.forEach((c, j) => {
      const kp = keyProblem(ck[j] ?? '', others(ck, j));
      if (kp) errors[`${at}.gate.criteria.${j}.key`] = kp;
      required(errors, `${at}.gate.criteria.${j}.text`, c.text, 'the criterion', CRITERION_MAX);
    });
    const dk = p.deliverables.map((d) => d.key.trim());
    p.deliverables.forEach((d, j) => {
      const kp = keyProblem(dk[j] ?? '', others(dk, j));
      if (kp) errors[`${at}.gate.deliverables.${j}.key`] = kp;
      required(errors, `${at}.gate.deliverables.${j}.name`, d.name, 'the deliverable a name', NAME_MAX);
    });
  });
  return errors;
}

/** Errors that sit under one phase (its path prefix), for a "this phase has problems" marker. */
export function phaseErrorCount(errors: DraftErrors, index: number): number {
  const prefix = `phases.${index}.`;
  return Object.keys(errors).filter((k) => k.startsWith(prefix)).length;
}

/** The paths the editor shows a message at; anything else the server names goes in a summary. */
export function isShownPath(path: string, draft: TemplateDraft): boolean {
  if (path === 'key' || path === 'name' || path === 'description' || path === 'phases') return true;
  if (path === 'orgUnitId' || path === 'approach') return true;
  const m = /^phases\.(\d+)\.(key|name|gate\.name|gate\.criteria|gate\.deliverables)$/.exec(path);
  if (m) return Number(m[1]) < draft.phases.length;
  const row = /^phases\.(\d+)\.gate\.(criteria|deliverables)\.(\d+)\.(key|text|name)$/.exec(path);
  if (!row) return false;
  const phase = draft.phases[Number(row[1])];
  if (!phase) return false;
  const list = row[2] === 'criteria' ? phase.criteria : phase.deliverables;
  return Number(row[3]) < list.length;
}

/** A sentence naming where a server error sits: "Phase 2 (“Plan”), criterion 1: …". */
export function describePath(path: string, draft: TemplateDraft): string {
  const m = /^phases\.(\d+)(?:\.(.*))?$/.exec(path);
  if (!m) return path;
  const i = Number(m[1]);
  const phase = draft.phases[i];
  const head = `Phase ${i + 1}${phase?.name.trim() ? ` (“${phase.name.trim()}”)` : ''}`;
  const rest = m[2];
  if (!rest) return head;
  const row = /^gate\.(criteria|deliverables)\.(\d+)\.(\w+)$/.exec(rest);
  if (row)
    return `${head}, ${row[1] === 'criteria' ? 'criterion' : 'deliverable'} ${Number(row[2]) + 1} ${row[3]}`;
  return `${head}, ${rest.replace('gate.name', 'gate name')}`;
}

/** Moves an item up (-1) or down (+1); unchanged at the ends. */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** Errors without the one at a path — after an edit there, the old message no longer applies. */
export function withoutPath(errors: DraftErrors, path: string): DraftErrors {
  const next: DraftErrors = {};
  for (const [k, v] of Object.entries(errors)) if (k !== path) next[k] = v;
  return next;
}

/** Counts for the library: phases, criteria and deliverables in a template. */
export function templateCounts(phases: readonly PhaseDefinition[]): {
  phases: number;
  criteria: number;
  deliverables: number;
} {
  return {
    phases: phases.length,
    criteria: phases.reduce((n, p) => n + p.gate.criteria.length, 0),
    deliverables: phases.reduce((n, p) => n + p.gate.deliverables.length, 0),
  };
}

/** "Whole organisation" or the unit a template is defined at. */
export function definedAt(t: Pick<LifecycleTemplate, 'orgUnitName' | 'orgUnitId'>): string {
  if (t.orgUnitId === null) return 'Whole organisation';
  return t.orgUnitName ?? 'An org unit';
}

/** "for the whole organisation" / "at Digital PMO", to follow "defined". */
export function definedAtPhrase(t: Pick<LifecycleTemplate, 'orgUnitName' | 'orgUnitId'>): string {
  if (t.orgUnitId === null) return 'for the whole organisation';
  return `at ${t.orgUnitName ?? 'an org unit'}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
