import { resolve } from 'node:path';
import { type DatabaseOptions, databaseOptionsFromEnv } from '@baton/db';

export type Config = {
  host: string;
  port: number;
  database: DatabaseOptions;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginRateLimit: { max: number; windowMs: number };
  secureCookies: boolean;
  bodyLimitBytes: number;
  /** The largest document a user may upload to the clearinghouse (BATON_DOCUMENT_MAX_BYTES). */
  documentMaxBytes: number;
  logLevel: string;
  webDist: string | null;
  /** Serve repeated reads from memory until a change is notified (BATON_READ_CACHE=false turns it off). */
  readCache: boolean;
  /** Run background jobs in this process (BATON_JOB_WORKER=false leaves them to another server). */
  jobWorker: boolean;
  /** Outgoing mail for scheduled reports and reminders (BATON_SMTP_URL, smtp://user:pass@host:587); null = e-mail off. */
  smtpUrl: string | null;
  /** The sender of Baton's mail (BATON_MAIL_FROM). */
  mailFrom: string;
  /** Where users reach Baton, for links in mails and calendar feeds (BATON_PUBLIC_URL). */
  publicUrl: string | null;
};

function intFromEnv(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

/** A URL setting of one of these protocols, or null when unset; the value is never echoed (it may hold a password). */
function urlFromEnv(env: NodeJS.ProcessEnv, name: string, protocols: readonly string[]): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be a URL (${protocols.join(' or ')}//…)`);
  }
  if (!protocols.includes(url.protocol))
    throw new Error(`${name} must start with ${protocols.join(' or ')}//`);
  return raw;
}

/** Reads the server's settings from the environment; a bad value stops start-up with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const home = resolve(cwd, env.BATON_HOME ?? '.baton');
  return {
    host: env.HOST ?? '0.0.0.0',
    port: intFromEnv(env, 'PORT', 4000, 0, 65535),
    database: databaseOptionsFromEnv(env, resolve(home, 'data')),
    sessionIdleMinutes: intFromEnv(env, 'BATON_SESSION_IDLE_MINUTES', 120, 1, 60 * 24 * 30),
    sessionAbsoluteHours: intFromEnv(env, 'BATON_SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 90),
    loginRateLimit: {
      max: intFromEnv(env, 'BATON_LOGIN_RATE_LIMIT', 10, 1, 100_000),
      windowMs: intFromEnv(env, 'BATON_LOGIN_RATE_WINDOW_SECONDS', 60, 1, 86_400) * 1000,
    },
    secureCookies: env.BATON_SECURE_COOKIES === 'true',
    bodyLimitBytes: intFromEnv(env, 'BATON_BODY_LIMIT_BYTES', 1_048_576, 1024, 100 * 1_048_576),
    documentMaxBytes: intFromEnv(env, 'BATON_DOCUMENT_MAX_BYTES', 25 * 1_048_576, 1024, 100 * 1_048_576),
    logLevel: env.LOG_LEVEL ?? 'info',
    readCache: env.BATON_READ_CACHE !== 'false',
    jobWorker: env.BATON_JOB_WORKER !== 'false',
    smtpUrl: urlFromEnv(env, 'BATON_SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.BATON_MAIL_FROM?.trim() || 'Baton <baton@localhost>',
    publicUrl: urlFromEnv(env, 'BATON_PUBLIC_URL', ['http:', 'https:']),
    webDist: env.BATON_WEB_DIST ?? resolve(import.meta.dirname, '../../web/dist'),
  };
}
