import type { Database } from '@baton/db';
import type { AccessService } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';

/** The stakeholder register and the communication plans, wired to their repositories. */
export function createStakeholderServices(deps: {
  db: Database;
  access: AccessService;
  projectsRepo: ProjectsRepository;
  journal: JournalRepository;
}) {
  void deps;
  return {};
}
