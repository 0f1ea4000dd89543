import { diffRecords } from '@baton/core';
import type { Database } from '@baton/db';
import type { Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';

/** Appends the journal entry for a change, inside the change's own transaction. */
export function recordChange(
  journal: JournalRepository,
  tx: Database,
  actor: Actor,
  entity: { type: string; id: string; action: string },
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Promise<void> {
  return journal.append(tx, {
    actorId: actor.userId,
    entityType: entity.type,
    entityId: entity.id,
    action: entity.action,
    changes: diffRecords(before, after),
    requestId: actor.requestId,
  });
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
