import type { ApiToken, SessionInfo } from '@baton/contracts';
import { ACTIONS, type Grant, roleAllows } from '@baton/core';
import type { Database } from '@baton/db';
import { ProblemError } from '../../http/problem.ts';
import type { AccessService, Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { AuthRepository, TokenRow } from './auth.repository.ts';
import { DUMMY_PASSWORD_HASH, digestToken, hashPassword, newToken, verifyPassword } from './secrets.ts';

export type Authenticated = {
  userId: string;
  email: string;
  name: string;
  grants: Grant[];
  via: 'session' | 'token';
  sessionTokenHash: string | null;
  csrfToken: string | null;
  expiresAt: Date | null;
};

export type SessionPolicy = { idleMinutes: number; absoluteHours: number };

const TOUCH_EVERY_MS = 60_000;

/** Login, sessions, personal API tokens, password changes. */
export class AuthService {
  constructor(
    private readonly db: Database,
    private readonly repo: AuthRepository,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
    private readonly policy: SessionPolicy,
  ) {}

  /** Checks the password and opens a session; the same error for unknown e-mail and wrong password. */
  async login(
    email: string,
    password: string,
    meta: { userAgent: string | null; ip: string | null },
  ): Promise<{ token: string; auth: Authenticated }> {
    const user = await this.repo.findUserByEmail(email);
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_PASSWORD_HASH, password);
    if (!user || !ok || !user.active) {
      throw new ProblemError(401, 'invalid-credentials', 'The e-mail or password is not right.');
    }
    const token = newToken('bs_');
    const csrfToken = newToken('');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.policy.absoluteHours * 3_600_000);
    const tokenHash = digestToken(token);
    await this.repo.insertSession({ tokenHash, userId: user.id, csrfToken, expiresAt, ...meta });
    await this.repo.deleteExpiredSessions(now);
    return {
      token,
      auth: {
        userId: user.id,
        email: user.email,
        name: user.name,
        grants: await this.access.grantsOf(user.id),
        via: 'session',
        sessionTokenHash: tokenHash,
        csrfToken,
        expiresAt,
      },
    };
  }

  /** Resolves a session cookie; expired (idle or absolute) and revoked sessions give null. */
  async fromSession(token: string): Promise<Authenticated | null> {
    const tokenHash = digestToken(token);
    const s = await this.repo.findSession(tokenHash);
    if (!s?.active) return null;
    const now = Date.now();
    const idleDeadline = s.lastSeenAt.getTime() + this.policy.idleMinutes * 60_000;
    if (now > s.expiresAt.getTime() || now > idleDeadline) {
      await this.repo.deleteSession(tokenHash);
      return null;
    }
    if (now - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) await this.repo.touchSession(tokenHash, new Date(now));
    return {
      userId: s.userId,
      email: s.email,
      name: s.name,
      grants: s.grants,
      via: 'session',
      sessionTokenHash: tokenHash,
      csrfToken: s.csrfToken,
      expiresAt: new Date(Math.min(s.expiresAt.getTime(), now + this.policy.idleMinutes * 60_000)),
    };
  }

  /** Resolves a personal API token from `Authorization: Bearer`. */
  async fromBearer(token: string): Promise<Authenticated | null> {
    const now = new Date();
    const row = await this.repo.findActiveToken(digestToken(token), now);
    if (!row?.active) return null;
    if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
      await this.repo.touchToken(row.token.id, now);
    }
    return {
      userId: row.token.userId,
      email: row.email,
      name: row.name,
      grants: row.grants,
      via: 'token',
      sessionTokenHash: null,
      csrfToken: null,
      expiresAt: row.token.expiresAt,
    };
  }

  async logout(token: string): Promise<void> {
    await this.repo.deleteSession(digestToken(token));
  }

  async describe(auth: Authenticated): Promise<SessionInfo> {
    const grants = await this.access.grantDetails(auth.userId);
    return {
      user: { id: auth.userId, email: auth.email, name: auth.name },
      grants,
      actions: ACTIONS.filter((a) => auth.grants.some((g) => roleAllows(g.role, a))),
      csrfToken: auth.csrfToken,
      expiresAt: auth.expiresAt?.toISOString() ?? null,
    };
  }

  /** Changes one's own password and revokes every other session of the user. */
  async changePassword(actor: Actor, auth: Authenticated, current: string, next: string): Promise<void> {
    const user = await this.repo.findUserById(auth.userId);
    if (!user || !(await verifyPassword(user.passwordHash, current))) {
      throw new ProblemError(422, 'validation', 'currentPassword: is not right', [
        { field: 'currentPassword', rule: 'matches', message: 'is not right' },
      ]);
    }
    const passwordHash = await hashPassword(next);
    await this.db.transaction(async (tx) => {
      const now = new Date();
      await this.repo.setPassword(tx, auth.userId, passwordHash, now);
      await this.repo.deleteSessionsOf(tx, auth.userId, auth.sessionTokenHash);
      await this.journal.append(tx, {
        actorId: actor.userId,
        entityType: 'user',
        entityId: auth.userId,
        action: 'password_changed',
        changes: [],
        requestId: actor.requestId,
      });
    });
  }

  async listTokens(userId: string): Promise<ApiToken[]> {
    return (await this.repo.listTokens(userId)).map(toTokenDto);
  }

  async createToken(
    actor: Actor,
    userId: string,
    name: string,
    expiresInDays: number | null,
  ): Promise<ApiToken & { token: string }> {
    const token = newToken('bt_');
    const expiresAt = expiresInDays === null ? null : new Date(Date.now() + expiresInDays * 86_400_000);
    const row = await this.db.transaction(async (tx) => {
      const created = await this.repo.insertToken(tx, {
        userId,
        name,
        tokenHash: digestToken(token),
        prefix: token.slice(0, 10),
        expiresAt,
      });
      await this.journal.append(tx, {
        actorId: actor.userId,
        entityType: 'api_token',
        entityId: created.id,
        action: 'create',
        changes: [{ field: 'name', from: null, to: name }],
        requestId: actor.requestId,
      });
      return created;
    });
    return { ...toTokenDto(row), token };
  }

  async revokeToken(actor: Actor, userId: string, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const ok = await this.repo.revokeToken(tx, userId, id, new Date());
      if (ok) {
        await this.journal.append(tx, {
          actorId: actor.userId,
          entityType: 'api_token',
          entityId: id,
          action: 'revoke',
          changes: [],
          requestId: actor.requestId,
        });
      }
      return ok;
    });
  }
}

function toTokenDto(t: TokenRow): ApiToken {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
  };
}
