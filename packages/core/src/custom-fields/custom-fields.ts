/** Kinds of custom field a PMO can define on projects. */
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'choice', 'user'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export type CustomFieldDefinition = {
  key: string;
  label: string;
  type: CustomFieldType;
  required: boolean;
  options: readonly string[];
};

export type CustomFieldValue = string | number | null;
export type CustomFieldIssue = { key: string; message: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isRealDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

function checkOne(def: CustomFieldDefinition, value: unknown): string | null {
  switch (def.type) {
    case 'text':
      if (typeof value !== 'string') return 'must be text';
      return value.length > 2000 ? 'must be at most 2000 characters' : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'date':
      return typeof value === 'string' && isRealDate(value) ? null : 'must be a date (YYYY-MM-DD)';
    case 'choice':
      return typeof value === 'string' && def.options.includes(value)
        ? null
        : `must be one of: ${def.options.join(', ')}`;
    case 'user':
      return typeof value === 'string' && UUID.test(value) ? null : 'must be a user id';
  }
}

/**
 * Checks custom field values against the PMO's definitions: unknown keys, wrong types, missing required
 * values. Returns every issue found (empty when valid). `null` clears an optional value.
 */
export function validateCustomFields(
  definitions: readonly CustomFieldDefinition[],
  values: Readonly<Record<string, unknown>>,
): CustomFieldIssue[] {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const issues: CustomFieldIssue[] = [];
  for (const [key, value] of Object.entries(values)) {
    const def = byKey.get(key);
    if (!def) {
      issues.push({ key, message: 'is not a custom field defined by the PMO' });
      continue;
    }
    if (value === null) continue;
    const problem = checkOne(def, value);
    if (problem) issues.push({ key, message: `${def.label} ${problem}` });
  }
  for (const def of definitions) {
    if (
      def.required &&
      (values[def.key] === undefined || values[def.key] === null || values[def.key] === '')
    ) {
      issues.push({ key: def.key, message: `${def.label} is required` });
    }
  }
  return issues;
}
