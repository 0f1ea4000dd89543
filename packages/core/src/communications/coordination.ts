import { isoWeekOf } from './plan.ts';

/** How many communications one stakeholder may receive in one ISO week before the PMO is warned. */
export const COORDINATION_THRESHOLD = 3;

/** One due communication as the coordination check sees it: when, to which stakeholders, from where. */
export type AddressedCommunication = {
  dueDate: string;
  stakeholderIds: readonly string[];
  /** The project it belongs to; null for the PMO's own communications. */
  projectId: string | null;
};

/** A stakeholder who receives too many communications in one ISO week, with those communications. */
export type CoordinationWarning<T extends AddressedCommunication> = {
  stakeholderId: string;
  /** ISO week key, e.g. "2026-W49". */
  week: string;
  /** The Monday of that week. */
  weekStart: string;
  count: number;
  /** Distinct sources among them (each project, and the PMO's own as one). */
  sourceCount: number;
  communications: T[];
};

/**
 * The stakeholders who receive at least `threshold` communications in one ISO week, counted across
 * every project (and the PMO's own), by week then by the most burdened first. A stakeholder named twice
 * on one communication counts once.
 */
export function findCoordinationWarnings<T extends AddressedCommunication>(
  communications: readonly T[],
  threshold: number = COORDINATION_THRESHOLD,
): CoordinationWarning<T>[] {
  const buckets = new Map<string, { stakeholderId: string; week: string; monday: string; items: T[] }>();
  for (const c of communications) {
    const w = isoWeekOf(c.dueDate);
    for (const stakeholderId of new Set(c.stakeholderIds)) {
      const key = `${stakeholderId}|${w.key}`;
      let b = buckets.get(key);
      if (!b) {
        b = { stakeholderId, week: w.key, monday: w.monday, items: [] };
        buckets.set(key, b);
      }
      b.items.push(c);
    }
  }
  const out: CoordinationWarning<T>[] = [];
  for (const b of buckets.values()) {
    if (b.items.length < threshold) continue;
    const items = [...b.items].sort((x, y) => (x.dueDate < y.dueDate ? -1 : x.dueDate > y.dueDate ? 1 : 0));
    out.push({
      stakeholderId: b.stakeholderId,
      week: b.week,
      weekStart: b.monday,
      count: items.length,
      sourceCount: new Set(items.map((i) => i.projectId ?? '')).size,
      communications: items,
    });
  }
  return out.sort(
    (a, b) =>
      (a.weekStart < b.weekStart ? -1 : a.weekStart > b.weekStart ? 1 : 0) ||
      b.count - a.count ||
      (a.stakeholderId < b.stakeholderId ? -1 : a.stakeholderId > b.stakeholderId ? 1 : 0),
  );
}
