import type { Database } from '@baton/db';
import { orgUnits, users } from '@baton/db/schema';
import { inArray } from 'drizzle-orm';

const present = (ids: readonly (string | null)[]) => [...new Set(ids.filter((x): x is string => !!x))];

/** The names of the users named (absent ids and nulls skipped), by id, in one query. */
export async function userNames(db: Database, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const list = present(ids);
  if (list.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The names of the org units named, by id, in one query. */
export async function orgUnitNames(
  db: Database,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const list = present(ids);
  if (list.length === 0) return new Map();
  const rows = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(inArray(orgUnits.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}
