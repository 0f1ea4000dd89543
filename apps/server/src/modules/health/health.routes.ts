import { z } from 'zod';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

const Health = z.object({ status: z.literal('ok') });
const Ready = z.object({ status: z.enum(['ready', 'unavailable']), database: z.string() });

export function registerHealthRoutes(
  r: RouteRegistrar,
  s: Services,
  ping: () => Promise<void>,
  dbKind: string,
): void {
  void s;
  r.add({
    method: 'GET',
    url: '/healthz',
    summary: 'Liveness: the process answers',
    tags: ['Operations'],
    schema: { response: { 200: Health } },
    handler: async () => ({ status: 'ok' as const }),
  });
  r.add({
    method: 'GET',
    url: '/readyz',
    summary: 'Readiness: the database answers',
    tags: ['Operations'],
    schema: { response: { 200: Ready, 503: Ready } },
    handler: async (_req, reply) => {
      try {
        await ping();
        return { status: 'ready' as const, database: dbKind };
      } catch {
        reply.code(503);
        return { status: 'unavailable' as const, database: dbKind };
      }
    },
  });
}
