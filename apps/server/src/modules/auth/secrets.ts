import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// Password hashing is argon2id from @node-rs/argon2 with its defaults (OWASP's recommended minimum:
// m=19 MiB, t=2, p=1). Session and API tokens are 256-bit random values; only their SHA-256 is stored.

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash that costs as much to check as a real one, so unknown e-mails take as long as wrong passwords. */
export const DUMMY_PASSWORD_HASH = await hash('not-a-real-password-used-for-timing');

export function newToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function digestToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function tokensEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
