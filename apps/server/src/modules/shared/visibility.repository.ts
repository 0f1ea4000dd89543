import { projects } from '@baton/db/schema';
import { inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Visible } from '../access/access.service.ts';

/** The SQL condition "the caller may see this project" (undefined when they see every project). */
export function visibleProjects(v: Visible): SQL | undefined {
  if (v.all) return undefined;
  const parts: SQL[] = [];
  if (v.orgUnitIds.length) parts.push(inArray(projects.orgUnitId, v.orgUnitIds));
  if (v.portfolioIds.length) parts.push(inArray(projects.portfolioId, v.portfolioIds));
  if (v.projectIds.length) parts.push(inArray(projects.id, v.projectIds));
  return parts.length ? or(...parts) : sql`false`;
}
