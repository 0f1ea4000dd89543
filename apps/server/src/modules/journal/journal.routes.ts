import { JournalPage, PageQuery } from '@baton/contracts';
import { z } from 'zod';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

const JournalQuery = z.strictObject({
  ...PageQuery,
  entityType: z.string().max(40).optional(),
  entityId: z.uuid().optional(),
});

export function registerJournalRoutes(r: RouteRegistrar, s: Services): void {
  r.add({
    method: 'GET',
    url: '/api/v1/journal',
    summary: 'The organisation-wide audit trail (newest first)',
    tags: ['Audit'],
    schema: { querystring: JournalQuery, response: { 200: JournalPage } },
    handler: async (req) => {
      const { page, pageSize, entityType, entityId } = req.query;
      const { rows, total } = await s.journal.list(
        s.db,
        { ...(entityType ? { entityType } : {}), ...(entityId ? { entityId } : {}) },
        { limit: pageSize, offset: (page - 1) * pageSize },
      );
      return {
        items: rows.map((r) => ({ ...r, id: String(r.id), at: r.at.toISOString() })),
        total,
        page,
        pageSize,
      };
    },
  });
}
