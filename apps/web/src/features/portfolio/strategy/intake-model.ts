import type { IntakeField } from '../../../api/portfolio.ts';

export type IntakeFieldType = IntakeField['type'];
export const INTAKE_FIELD_TYPES: readonly IntakeFieldType[] = [
  'text',
  'longtext',
  'number',
  'select',
  'date',
  'boolean',
];

export const INTAKE_TYPE_LABELS: Record<IntakeFieldType, string> = {
  text: 'Text',
  longtext: 'Long text',
  number: 'Number',
  select: 'Choice (list)',
  date: 'Date',
  boolean: 'Yes / no',
};

/** Lower-case letters, digits and _, starting with a letter; at most 40 characters. */
export const FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const MAX_FIELDS = 40;
export const MAX_CATEGORIES = 40;

export type FieldDraft = {
  key: string;
  label: string;
  type: IntakeFieldType;
  required: boolean;
  /** One option per line (choice fields). */
  options: string;
  help: string;
};

export type FieldErrors = Partial<Record<'key' | 'label' | 'options' | 'help', string>>;

/** A key proposed from a label: "Strategic theme" → "strategic_theme". */
export function keyFromLabel(label: string): string {
  return label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40)
    .replace(/_+$/g, '');
}

export function optionList(text: string): string[] {
  return [
    ...new Set(
      text
        .split('\n')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  ];
}

export function draftOf(field: IntakeField | null): FieldDraft {
  return {
    key: field?.key ?? '',
    label: field?.label ?? '',
    type: field?.type ?? 'text',
    required: field?.required ?? false,
    options: (field?.options ?? []).join('\n'),
    help: field?.help ?? '',
  };
}

/** The field to send: options only for choices, help only when given. */
export function fieldOf(draft: FieldDraft): IntakeField {
  const help = draft.help.trim();
  return {
    key: draft.key.trim(),
    label: draft.label.trim(),
    type: draft.type,
    required: draft.required,
    ...(draft.type === 'select' ? { options: optionList(draft.options) } : {}),
    ...(help ? { help } : {}),
  };
}

/** What is wrong with a field, given the keys the other fields use. */
export function validateField(draft: FieldDraft, otherKeys: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  const key = draft.key.trim();
  if (!key) errors.key = 'Give the field a key.';
  else if (!FIELD_KEY_PATTERN.test(key))
    errors.key = 'Lower-case letters, digits and _, starting with a letter (at most 40).';
  else if (otherKeys.includes(key)) errors.key = `Another field already uses the key “${key}”.`;
  if (!draft.label.trim()) errors.label = 'Give the field a label.';
  else if (draft.label.trim().length > 200) errors.label = 'At most 200 characters.';
  if (draft.type === 'select') {
    const options = optionList(draft.options);
    if (options.length === 0) errors.options = 'A choice needs at least one option.';
    else if (options.length > 50) errors.options = 'At most 50 options.';
    else if (options.some((o) => o.length > 100)) errors.options = 'Each option has at most 100 characters.';
  }
  if (draft.help.length > 500) errors.help = 'At most 500 characters.';
  return errors;
}

/** Problems of the whole form, one sentence each, before it is sent. */
export function validateForm(fields: readonly IntakeField[], categories: readonly string[]): string[] {
  const problems: string[] = [];
  if (fields.length > MAX_FIELDS) problems.push(`At most ${MAX_FIELDS} fields.`);
  if (categories.length > MAX_CATEGORIES) problems.push(`At most ${MAX_CATEGORIES} categories.`);
  fields.forEach((f, i) => {
    const others = fields.filter((_, k) => k !== i).map((o) => o.key);
    const errors = validateField(draftOf(f), others);
    for (const message of Object.values(errors))
      problems.push(`Field ${i + 1} (“${f.label || f.key}”): ${message}`);
  });
  for (const c of categories) if (c.length > 100) problems.push(`Category “${c.slice(0, 20)}…” is too long.`);
  return problems;
}

/** A copy of the list with the item at `index` moved by `delta` places (clamped to the ends). */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const out = [...list];
  const to = Math.min(out.length - 1, Math.max(0, index + delta));
  if (index < 0 || index >= out.length || to === index) return out;
  const [item] = out.splice(index, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}

/**
 * A server error about the form as a sentence naming the field: "fields.2.key" or "fields[2].key"
 * becomes "Field 3 (“Label”), key: …".
 */
export function describeServerFieldError(
  error: { field: string; message: string },
  fields: readonly IntakeField[],
): string {
  const m = /^fields(?:\.|\[)(\d+)\]?(?:\.(\w+))?/.exec(error.field);
  if (!m?.[1]) {
    const cat = /^categories(?:\.|\[)(\d+)/.exec(error.field);
    if (cat?.[1]) return `Category ${Number(cat[1]) + 1}: ${error.message}`;
    return error.field && error.field !== '(root)' ? `${error.field}: ${error.message}` : error.message;
  }
  const index = Number(m[1]);
  const f = fields[index];
  const name = f ? ` (“${f.label || f.key}”)` : '';
  return `Field ${index + 1}${name}${m[2] ? `, ${m[2]}` : ''}: ${error.message}`;
}
