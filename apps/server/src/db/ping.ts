import type { Database } from '@baton/db';
import { sql } from 'drizzle-orm';

/** Throws unless the database answers a trivial query. */
export async function pingDatabase(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}
