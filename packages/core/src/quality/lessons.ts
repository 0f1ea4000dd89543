/** Lessons learned: what to keep doing and what to improve, from any project or the whole organisation. */
export const LESSON_KINDS = ['keep', 'improve'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];

export const LESSON_CATEGORIES = [
  'planning',
  'requirements',
  'schedule',
  'cost',
  'quality',
  'risk',
  'stakeholders',
  'communication',
  'procurement',
  'resourcing',
  'technical',
  'governance',
] as const;
export type LessonCategory = (typeof LESSON_CATEGORIES)[number];

/** Tags as stored: trimmed, lower-case, without blanks or repeats, in the order given. */
export function normaliseTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const v = t.trim().toLowerCase();
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}
