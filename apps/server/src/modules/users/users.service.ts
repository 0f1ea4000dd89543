import type { User } from '@baton/contracts';
import { diffRecords, type Role, type ScopeType } from '@baton/core';
import type { Database } from '@baton/db';
import { conflict, invalid, notFound, ProblemError, staleVersion } from '../../http/problem.ts';
import type { AccessService, Actor } from '../access/access.service.ts';
import { hashPassword } from '../auth/secrets.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { UserRow, UsersRepository } from './users.repository.ts';

type GrantInput = { role: Role; scopeType: ScopeType; scopeId: string | null };

function snapshot(u: UserRow) {
  return { email: u.email, name: u.name, active: u.active };
}

/** People who sign in to Baton, and the roles they hold where. */
export class UsersService {
  constructor(
    private readonly db: Database,
    private readonly repo: UsersRepository,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
  ) {}

  private async toDtos(rows: UserRow[]): Promise<User[]> {
    const grants = await this.access.grantDetailsOf(rows.map((r) => r.id));
    return rows.map((u) => ({
      id: u.id,
      version: u.version,
      createdAt: u.createdAt.toISOString(),
      updatedAt: u.updatedAt.toISOString(),
      email: u.email,
      name: u.name,
      active: u.active,
      grants: grants.filter((g) => g.userId === u.id).map(({ userId: _u, ...g }) => g),
    }));
  }

  async list(q: {
    q?: string | undefined;
    active?: 'true' | 'false' | undefined;
    role?: Role | undefined;
    page: number;
    pageSize: number;
  }) {
    const { rows, total } = await this.repo.list(
      { q: q.q, active: q.active === undefined ? undefined : q.active === 'true', role: q.role },
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    return { items: await this.toDtos(rows), total, page: q.page, pageSize: q.pageSize };
  }

  async get(id: string): Promise<User> {
    const row = await this.repo.get(this.db, id);
    if (!row) throw notFound('User');
    const [dto] = await this.toDtos([row]);
    if (!dto) throw notFound('User');
    return dto;
  }

  private async checkGrantScope(g: GrantInput, field: string): Promise<void> {
    if (g.scopeType === 'organisation' || g.scopeId === null) return;
    try {
      if (g.scopeType === 'org_unit') await this.access.orgUnitPath(g.scopeId);
      else if (g.scopeType === 'portfolio') await this.access.portfolioPath(g.scopeId);
      else await this.access.projectPath(g.scopeId);
    } catch (e) {
      if (e instanceof ProblemError && e.status === 404)
        throw invalid(field, 'exists', `no such ${g.scopeType.replace('_', ' ')}`);
      throw e;
    }
  }

  async create(
    actor: Actor,
    input: { email: string; name: string; password: string; grants: GrantInput[] },
  ): Promise<User> {
    for (const [i, g] of input.grants.entries()) await this.checkGrantScope(g, `grants.${i}.scopeId`);
    if (await this.repo.emailTaken(this.db, input.email)) {
      throw conflict('A user with this e-mail already exists.', [
        { field: 'email', rule: 'unique', message: 'is already in use' },
      ]);
    }
    const passwordHash = await hashPassword(input.password);
    const id = await this.db.transaction(async (tx) => {
      const row = await this.repo.insert(tx, {
        email: input.email,
        name: input.name,
        passwordHash,
        createdBy: actor.userId,
      });
      await this.journal.append(tx, {
        actorId: actor.userId,
        entityType: 'user',
        entityId: row.id,
        action: 'create',
        changes: diffRecords(null, snapshot(row)),
        requestId: actor.requestId,
      });
      for (const g of input.grants) await this.addGrantIn(tx, actor, row.id, g);
      return row.id;
    });
    return this.get(id);
  }

  async update(
    actor: Actor,
    id: string,
    input: {
      version: number;
      name?: string | undefined;
      active?: boolean | undefined;
      password?: string | undefined;
    },
  ): Promise<User> {
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    await this.db.transaction(async (tx) => {
      const before = await this.repo.get(tx, id);
      if (!before) throw notFound('User');
      if (before.version !== input.version) throw staleVersion(before.version, input.version);
      if (input.active === false && id === actor.userId) {
        throw invalid('active', 'not_self', 'you cannot deactivate yourself');
      }
      const values: Parameters<UsersRepository['update']>[3] = {};
      if (input.name !== undefined) values.name = input.name;
      if (input.active !== undefined) values.active = input.active;
      if (passwordHash) {
        values.passwordHash = passwordHash;
        values.passwordChangedAt = new Date();
      }
      const after = await this.repo.update(tx, id, input.version, values, actor.userId);
      if (!after)
        throw staleVersion((await this.repo.get(tx, id))?.version ?? before.version + 1, input.version);
      if (passwordHash || input.active === false) await this.repo.revokeSessions(tx, id);
      const changes = diffRecords(snapshot(before), snapshot(after));
      if (passwordHash) changes.push({ field: 'password', from: '(hidden)', to: '(changed)' });
      await this.journal.append(tx, {
        actorId: actor.userId,
        entityType: 'user',
        entityId: id,
        action: 'update',
        changes,
        requestId: actor.requestId,
      });
    });
    return this.get(id);
  }

  private async addGrantIn(tx: Database, actor: Actor, userId: string, g: GrantInput): Promise<void> {
    const row = await this.repo.insertGrant(tx, { userId, ...g, createdBy: actor.userId });
    if (!row)
      throw conflict('The user already holds this role there.', [
        { field: 'role', rule: 'unique', message: 'already granted at this scope' },
      ]);
    await this.journal.append(tx, {
      actorId: actor.userId,
      entityType: 'user',
      entityId: userId,
      action: 'grant',
      changes: [{ field: 'grant', from: null, to: g }],
      requestId: actor.requestId,
    });
  }

  async addGrant(actor: Actor, userId: string, g: GrantInput): Promise<User> {
    if (!(await this.repo.get(this.db, userId))) throw notFound('User');
    await this.checkGrantScope(g, 'scopeId');
    await this.db.transaction((tx) => this.addGrantIn(tx, actor, userId, g));
    return this.get(userId);
  }

  async removeGrant(actor: Actor, userId: string, grantId: string): Promise<User> {
    await this.db.transaction(async (tx) => {
      const removed = await this.repo.deleteGrant(tx, userId, grantId);
      if (!removed) throw notFound('Grant');
      if (userId === actor.userId && removed.role === 'admin' && removed.scopeType === 'organisation') {
        throw new ProblemError(422, 'validation', 'You cannot remove your own administrator role.', [
          { field: 'grantId', rule: 'not_self_admin', message: 'is your own administrator role' },
        ]);
      }
      await this.journal.append(tx, {
        actorId: actor.userId,
        entityType: 'user',
        entityId: userId,
        action: 'revoke_grant',
        changes: [
          {
            field: 'grant',
            from: { role: removed.role, scopeType: removed.scopeType, scopeId: removed.scopeId },
            to: null,
          },
        ],
        requestId: actor.requestId,
      });
    });
    return this.get(userId);
  }

  countUsers(): Promise<number> {
    return this.repo.countUsers();
  }
}
