import type { Database } from '@baton/db';
import type { AccessService } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';
import { CommunicationsRepository } from './communications.repository.ts';
import { CommunicationsService } from './communications.service.ts';

/** Communication plans, their calendar and the record of what was sent, wired to their repositories. */
export function createCommunicationServices(deps: {
  db: Database;
  access: AccessService;
  projectsRepo: ProjectsRepository;
  journal: JournalRepository;
}) {
  const { db, access, journal } = deps;
  return { communications: new CommunicationsService(db, new CommunicationsRepository(), access, journal) };
}
