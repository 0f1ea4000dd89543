import type { Database } from '@baton/db';
import { AccessRepository } from './modules/access/access.repository.ts';
import { AccessService } from './modules/access/access.service.ts';
import { AuthRepository } from './modules/auth/auth.repository.ts';
import { AuthService, type SessionPolicy } from './modules/auth/auth.service.ts';
import { CustomFieldsRepository } from './modules/custom-fields/custom-fields.repository.ts';
import { CustomFieldsService } from './modules/custom-fields/custom-fields.service.ts';
import { JournalRepository } from './modules/journal/journal.repository.ts';
import { OrgRepository } from './modules/org/org.repository.ts';
import { OrgService } from './modules/org/org.service.ts';
import { ProjectsRepository } from './modules/projects/projects.repository.ts';
import { ProjectsService } from './modules/projects/projects.service.ts';
import { ScheduleRepository } from './modules/schedule/schedule.repository.ts';
import { ScheduleService } from './modules/schedule/schedule.service.ts';
import { ScheduleAnalysisService } from './modules/schedule/schedule-analysis.service.ts';
import { ScheduleIoService } from './modules/schedule/schedule-io.service.ts';
import { TasksService } from './modules/schedule/tasks.service.ts';
import { UsersRepository } from './modules/users/users.repository.ts';
import { UsersService } from './modules/users/users.service.ts';

export type Services = ReturnType<typeof createServices>;

/** Wires every service to its repository on one database. */
export function createServices(db: Database, policy: SessionPolicy) {
  const journal = new JournalRepository();
  const access = new AccessService(new AccessRepository(db));
  const schedule = new ScheduleService(db, new ScheduleRepository(), journal);
  return {
    schedule,
    tasks: new TasksService(schedule),
    scheduleAnalysis: new ScheduleAnalysisService(schedule),
    scheduleIo: new ScheduleIoService(schedule),
    db,
    journal,
    access,
    auth: new AuthService(db, new AuthRepository(db), access, journal, policy),
    users: new UsersService(db, new UsersRepository(db), access, journal),
    org: new OrgService(db, new OrgRepository(db), access, journal),
    projects: new ProjectsService(db, new ProjectsRepository(db), access, journal),
    customFields: new CustomFieldsService(db, new CustomFieldsRepository(db), journal),
  };
}
