/**
 * Quality standards: a checklist per deliverable type, defined at an org unit (and so for every unit
 * beneath it) or for the whole organisation. A unit below adds its own standard — tightening what
 * applies — and can never take away an item of a standard above it.
 */
export type ChecklistItem = { key: string; text: string; required: boolean };

export type QualityStandardRule = {
  id: string;
  name: string;
  deliverableType: string;
  /** null: the whole organisation. */
  orgUnitId: string | null;
  checklist: readonly ChecklistItem[];
  retired: boolean;
};

/** One item of a deliverable's effective checklist, keyed by its standard and its own key. */
export type EffectiveItem = {
  /** `${standardId}:${itemKey}`: unique across the standards that apply. */
  key: string;
  standardId: string;
  standardName: string;
  itemKey: string;
  text: string;
  required: boolean;
};

/** The key a review's result for a standard's item is filed under. */
export function effectiveKey(standardId: string, itemKey: string): string {
  return `${standardId}:${itemKey}`;
}

/**
 * The live standards for a deliverable type that apply to a project whose org unit chain is given
 * (its own unit first, then each parent up to the root): the organisation's first, then from the
 * root down to the project's own unit.
 */
export function applicableStandards<S extends QualityStandardRule>(
  standards: readonly S[],
  deliverableType: string,
  orgUnitChain: readonly string[],
): S[] {
  const depth = (s: S) =>
    s.orgUnitId === null ? -1 : orgUnitChain.length - orgUnitChain.indexOf(s.orgUnitId);
  return standards
    .filter(
      (s) =>
        !s.retired &&
        s.deliverableType === deliverableType &&
        (s.orgUnitId === null || orgUnitChain.includes(s.orgUnitId)),
    )
    .sort((a, b) => depth(a) - depth(b) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** The union of the checklists of the standards that apply, in their order: nothing of a parent is lost. */
export function effectiveChecklist(standards: readonly QualityStandardRule[]): EffectiveItem[] {
  const out: EffectiveItem[] = [];
  const seen = new Set<string>();
  for (const s of standards)
    for (const item of s.checklist) {
      const key = effectiveKey(s.id, item.key);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        key,
        standardId: s.id,
        standardName: s.name,
        itemKey: item.key,
        text: item.text,
        required: item.required,
      });
    }
  return out;
}

/** The most specific standard that applies (the project's own unit's, else the nearest above), or null. */
export function mostSpecificStandard<S>(applicable: readonly S[]): S | null {
  return applicable[applicable.length - 1] ?? null;
}

/** What is wrong with a checklist (a duplicate key), naming where, or null. */
export function checkChecklist(items: readonly ChecklistItem[]): string | null {
  const keys = new Set<string>();
  for (const [i, item] of items.entries()) {
    if (keys.has(item.key)) return `checklist.${i}.key: “${item.key}” appears twice`;
    keys.add(item.key);
  }
  return null;
}
