import { createHash, randomBytes } from 'node:crypto';
import type { CalendarFeedCreated, CalendarFeedState } from '@baton/contracts';
import type { Database } from '@baton/db';
import ical from 'ical-generator';
import { notFound } from '../../http/problem.ts';
import { type AccessService, type Actor, coversProject } from '../access/access.service.ts';
import type { Mailer } from '../delivery/mailer.ts';
import type { CalendarRepository } from './calendar.repository.ts';

/** Only this digest of a feed token is stored: a leaked database does not leak working feed URLs. */
export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

const addMonths = (day: string, months: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};
const nextDate = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Milestones as an iCalendar feed behind a per-user secret URL. The token (32 random bytes) is shown
 * once; the feed shows what its owner may read today, so a changed grant changes the feed.
 */
export class CalendarService {
  constructor(
    private readonly db: Database,
    private readonly repo: CalendarRepository,
    private readonly access: AccessService,
    private readonly mailer: Mailer,
  ) {}

  async state(actor: Actor): Promise<CalendarFeedState> {
    const row = actor.userId ? await this.repo.get(this.db, actor.userId) : null;
    return { exists: row !== null, createdAt: row?.createdAt.toISOString() ?? null };
  }

  /** Creates the caller's feed, or rotates it: the previous URL stops working. */
  async create(actor: Actor): Promise<CalendarFeedCreated> {
    if (!actor.userId) throw notFound('User');
    const token = randomBytes(32).toString('base64url');
    const row = await this.repo.put(this.db, actor.userId, hashToken(token));
    const path = `/api/v1/calendar/${token}.ics`;
    return { url: this.mailer.link(path), path, createdAt: row.createdAt.toISOString() };
  }

  async revoke(actor: Actor): Promise<{ ok: true }> {
    if (!actor.userId || !(await this.repo.remove(this.db, actor.userId))) throw notFound('Calendar feed');
    return { ok: true };
  }

  /** The iCalendar text of a feed; an unknown (rotated, revoked) token is not found. */
  async feed(token: string, day = new Date().toISOString().slice(0, 10)): Promise<string> {
    const userId = await this.repo.ownerOf(this.db, hashToken(token));
    if (!userId) throw notFound('Calendar feed');
    const actor: Actor = { userId, grants: await this.access.grantsOf(userId), requestId: null };
    const v = await this.access.visibility(actor, 'project.read');
    const projects = new Map(
      (await this.repo.projects(this.db)).filter((p) => coversProject(v, p)).map((p) => [p.id, p]),
    );
    const milestones = await this.repo.milestones(
      this.db,
      [...projects.keys()],
      addMonths(day, -3),
      addMonths(day, 12),
    );
    const cal = ical({
      name: 'Baton milestones',
      prodId: { company: 'Baton', product: 'milestones', language: 'EN' },
      ttl: 3600,
    });
    const host = this.mailer.publicUrl ? new URL(this.mailer.publicUrl).host : 'baton';
    for (const m of milestones) {
      const p = projects.get(m.projectId);
      const date = (m.finish ?? m.start)?.slice(0, 10);
      if (!p || !date) continue;
      const baseline = m.baselineFinish?.slice(0, 10) ?? null;
      const link = this.mailer.link(`/projects/${p.id}?tab=schedule`);
      cal.createEvent({
        // Stable: the task's id, so calendar apps update the event when the milestone moves.
        id: `milestone-${m.id}@${host}`,
        start: date,
        end: nextDate(date),
        allDay: true,
        summary: `${p.code} ${p.name}: ${m.name}`,
        description: [
          `Milestone of ${p.code} ${p.name}.`,
          `Planned: ${date}.`,
          `Baseline: ${baseline ?? 'none'}.`,
          m.actualFinish ? `Achieved: ${m.actualFinish.slice(0, 10)}.` : `${m.percentComplete}% complete.`,
          link,
        ].join('\n'),
        ...(link.startsWith('http') ? { url: link } : {}),
      });
    }
    return cal.toString();
  }
}
