/**
 * PMO standards and manual compliance checklist items down the org-unit hierarchy. A standard defined
 * at a unit applies to every unit and project beneath it. A unit below may add its own standards
 * (tightening), and may replace one of a unit above only where that one is marked overridable; it may
 * waive a checklist item of a unit above only where that item is overridable.
 */
export const STANDARD_KINDS = ['standard', 'policy', 'procedure', 'guideline'] as const;
export type StandardKind = (typeof STANDARD_KINDS)[number];
export const STANDARD_STATUSES = ['draft', 'published', 'superseded', 'retired'] as const;
export type StandardStatus = (typeof STANDARD_STATUSES)[number];

export type StandardRecord = {
  id: string;
  key: string;
  standardVersion: number;
  orgUnitId: string;
  status: string;
  overridable: boolean;
  replacesKey: string | null;
};

/** What may happen to a version of a standard in each status. */
export function standardAction(status: string): ('edit' | 'publish' | 'revise' | 'retire')[] {
  if (status === 'draft') return ['edit', 'publish'];
  if (status === 'published') return ['revise', 'retire'];
  return [];
}

/** The newest published version of each key among the records. */
function newestPublished<S extends StandardRecord>(all: readonly S[]): Map<string, S> {
  const out = new Map<string, S>();
  for (const s of all) {
    if (s.status !== 'published') continue;
    const had = out.get(s.key);
    if (!had || had.standardVersion < s.standardVersion) out.set(s.key, s);
  }
  return out;
}

/**
 * The standards in force at the last unit of `chain` (unit ids from the top down). Walking down, a
 * unit's standard that replaces an overridable standard of a unit above removes it; a replacement of
 * one that is not overridable is ignored (the unit's standard then simply applies as well).
 */
export function standardsInForce<S extends StandardRecord>(
  chain: readonly string[],
  all: readonly S[],
): { inForce: S[]; replaced: { standard: S; by: S }[] } {
  const depth = new Map(chain.map((u, i) => [u, i]));
  const published = [...newestPublished(all).values()].filter((s) => depth.has(s.orgUnitId));
  published.sort(
    (a, b) => (depth.get(a.orgUnitId) ?? 0) - (depth.get(b.orgUnitId) ?? 0) || a.key.localeCompare(b.key),
  );
  const inForce = new Map<string, S>();
  const replaced: { standard: S; by: S }[] = [];
  for (const s of published) {
    const target = s.replacesKey ? inForce.get(s.replacesKey) : undefined;
    if (target?.overridable && (depth.get(target.orgUnitId) ?? 0) < (depth.get(s.orgUnitId) ?? 0)) {
      inForce.delete(target.key);
      replaced.push({ standard: target, by: s });
    }
    inForce.set(s.key, s);
  }
  return { inForce: [...inForce.values()], replaced };
}

/**
 * Whether a standard defined at the last unit of `chain` may replace `replacesKey`: that standard must
 * be in force at the unit's parent and be overridable. Returns what is wrong, or null.
 */
export function checkReplacement<S extends StandardRecord & { title: string }>(
  chain: readonly string[],
  all: readonly S[],
  replacesKey: string,
): string | null {
  if (chain.length < 2) return 'the enterprise PMO has no unit above it whose standard it could replace';
  const above = standardsInForce(chain.slice(0, -1), all).inForce.find((s) => s.key === replacesKey);
  if (!above) return `no published standard ${replacesKey} is in force above this unit`;
  if (!above.overridable)
    return `${above.key} “${above.title}” is not overridable: this unit may add to it, not replace it`;
  return null;
}

export type ChecklistItemRecord = { id: string; orgUnitId: string; overridable: boolean; retired: boolean };
export type WaiverRecord = { itemId: string; orgUnitId: string; reason: string };

/**
 * The checklist items that apply at the last unit of `chain`: every item not retired from a unit on
 * the chain, each with the waiver that lifts it there (from a unit below the item's own unit, and only
 * for an overridable item) or null.
 */
export function checklistInForce<I extends ChecklistItemRecord, W extends WaiverRecord>(
  chain: readonly string[],
  items: readonly I[],
  waivers: readonly W[],
): { item: I; waiver: W | null }[] {
  const depth = new Map(chain.map((u, i) => [u, i]));
  const out: { item: I; waiver: W | null }[] = [];
  for (const item of items) {
    const d = depth.get(item.orgUnitId);
    if (d === undefined || item.retired) continue;
    const waiver = item.overridable
      ? (waivers.find((w) => w.itemId === item.id && (depth.get(w.orgUnitId) ?? -1) > d) ?? null)
      : null;
    out.push({ item, waiver });
  }
  return out.sort((a, b) => (depth.get(a.item.orgUnitId) ?? 0) - (depth.get(b.item.orgUnitId) ?? 0));
}

/** Whether the last unit of `chain` may waive the item. Returns what is wrong, or null. */
export function checkWaiver(chain: readonly string[], item: ChecklistItemRecord): string | null {
  const d = chain.indexOf(item.orgUnitId);
  if (item.retired) return 'the item is retired';
  if (d === -1) return 'the item does not apply at this unit';
  if (d === chain.length - 1) return 'a unit cannot waive its own item; retire it instead';
  if (!item.overridable) return 'the unit above fixed this item: it is not overridable';
  return null;
}
