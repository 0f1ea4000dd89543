import { diffRecords } from '@baton/core';
import type { Database } from '@baton/db';
import type { Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';

/** A recorded change as its listener sees it; `projectId` is set by callers whose entity is already gone. */
export type RecordedEntity = { type: string; id: string; action: string; projectId?: string };
export type ChangeListener = (
  tx: Database,
  entity: RecordedEntity,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
) => Promise<void>;

// Late-bound so that shared code does not import the modules that react to changes (the dashboards'
// figures upkeep sets it at start-up). It runs inside the change's transaction.
let changeListener: ChangeListener | null = null;

/** Sets (or clears, with null) the one listener told of every change recordChange records. */
export function setChangeListener(listener: ChangeListener | null): void {
  changeListener = listener;
}

/** Appends the journal entry for a change, inside the change's own transaction. */
export async function recordChange(
  journal: JournalRepository,
  tx: Database,
  actor: Actor,
  entity: RecordedEntity,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Promise<void> {
  await journal.append(tx, {
    actorId: actor.userId,
    entityType: entity.type,
    entityId: entity.id,
    action: entity.action,
    changes: diffRecords(before, after),
    requestId: actor.requestId,
  });
  if (changeListener) await changeListener(tx, entity, before, after);
}

/** Copies the keys whose value is not undefined (a PATCH body's present fields). */
export function definedOnly<T extends Record<string, unknown>>(
  input: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined) out[k] = v;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}

/** Turns a unique-constraint violation from either driver into a predicate. */
export function isUniqueViolation(e: unknown): boolean {
  const code =
    (e as { code?: unknown; cause?: { code?: unknown } })?.code ??
    (e as { cause?: { code?: unknown } })?.cause?.code;
  return code === '23505';
}

/** id, version and the two instants every stored business record shows, as the contracts have them. */
export function auditStamp(r: { id: string; version: number; createdAt: Date; updatedAt: Date }) {
  return {
    id: r.id,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The named fields of a row, as the journal records them before and after a change. */
export const snapshotOf = <T extends Record<string, unknown>>(row: T, keys: readonly (keyof T)[]) =>
  Object.fromEntries(keys.map((k) => [k, row[k]]));
