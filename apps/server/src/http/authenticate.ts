import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../modules/auth/auth.routes.ts';
import type { Authenticated } from '../modules/auth/auth.service.ts';
import { digestToken, tokensEqual } from '../modules/auth/secrets.ts';
import type { Services } from '../services.ts';
import { ProblemError } from './problem.ts';
import type { ReadCache } from './read-cache.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * A request a browser made carries Origin, Sec-Fetch-Site or Referer. Cross-site forgery can only come
 * from a browser, so a cookie-authenticated write from one must carry the session's CSRF token; a
 * non-browser client (curl, scripts) holding the cookie needs none. A token that is sent is always checked.
 */
function madeByBrowser(req: FastifyRequest): boolean {
  return Boolean(req.headers.origin || req.headers['sec-fetch-site'] || req.headers.referer);
}

/** Resolves the bearer token or session cookie into `request.auth`, and guards cookie writes against CSRF. */
export function registerAuthentication(
  app: FastifyInstance,
  services: Services,
  cache: ReadCache<Authenticated> | null = null,
): void {
  /** A sign-in resolved within the last few seconds, with nothing written since. */
  const resolve = async (kind: 'bearer' | 'session', token: string): Promise<Authenticated | null> => {
    const key = `${kind}|${digestToken(token)}`;
    const hit = cache?.get(key);
    if (hit && (!hit.expiresAt || hit.expiresAt.getTime() > Date.now())) return hit;
    const generation = cache?.current ?? 0;
    const auth =
      kind === 'bearer' ? await services.auth.fromBearer(token) : await services.auth.fromSession(token);
    if (auth) cache?.set(key, generation, auth);
    return auth;
  };
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const header = req.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
      const auth = m?.[1] ? await resolve('bearer', m[1]) : null;
      if (!auth)
        throw new ProblemError(401, 'invalid-token', 'The bearer token is unknown, expired or revoked.');
      req.auth = auth;
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const auth = await resolve('session', cookie);
    if (!auth) return; // an expired session is the same as none: public routes still answer
    req.auth = auth;
    if (!UNSAFE.has(req.method) || req.url === '/api/v1/auth/login') return;
    const sent = req.headers[CSRF_HEADER];
    if (sent === undefined) {
      if (madeByBrowser(req)) {
        throw new ProblemError(
          403,
          'csrf',
          `Missing ${CSRF_HEADER} header: writes from the browser must carry the session's CSRF token.`,
        );
      }
      return;
    }
    if (typeof sent !== 'string' || !auth.csrfToken || !tokensEqual(sent, auth.csrfToken)) {
      throw new ProblemError(403, 'csrf', `The ${CSRF_HEADER} header does not match this session.`);
    }
  });
}
