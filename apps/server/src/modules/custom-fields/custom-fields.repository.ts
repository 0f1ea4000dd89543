import type { Database } from '@baton/db';
import { customFieldDefinitions } from '@baton/db/schema';
import { and, asc, eq, sql } from 'drizzle-orm';

export type CustomFieldRow = typeof customFieldDefinitions.$inferSelect;

export class CustomFieldsRepository {
  constructor(private readonly db: Database) {}

  list(): Promise<CustomFieldRow[]> {
    return this.db.select().from(customFieldDefinitions).orderBy(asc(customFieldDefinitions.label));
  }

  async get(db: Database, id: string): Promise<CustomFieldRow | null> {
    const [row] = await db.select().from(customFieldDefinitions).where(eq(customFieldDefinitions.id, id));
    return row ?? null;
  }

  async keyTaken(db: Database, key: string): Promise<boolean> {
    const [row] = await db
      .select({ id: customFieldDefinitions.id })
      .from(customFieldDefinitions)
      .where(eq(customFieldDefinitions.key, key));
    return row !== undefined;
  }

  async insert(tx: Database, values: typeof customFieldDefinitions.$inferInsert): Promise<CustomFieldRow> {
    const [row] = await tx.insert(customFieldDefinitions).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async update(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof customFieldDefinitions.$inferInsert>,
    actorId: string | null,
  ): Promise<CustomFieldRow | null> {
    const [row] = await tx
      .update(customFieldDefinitions)
      .set({
        ...values,
        version: sql`${customFieldDefinitions.version} + 1`,
        updatedAt: new Date(),
        updatedBy: actorId,
      })
      .where(and(eq(customFieldDefinitions.id, id), eq(customFieldDefinitions.version, version)))
      .returning();
    return row ?? null;
  }

  async delete(tx: Database, id: string): Promise<void> {
    await tx.delete(customFieldDefinitions).where(eq(customFieldDefinitions.id, id));
  }
}
