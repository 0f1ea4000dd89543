import type { Database } from '@baton/db';
import type { AccessService } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';
import { StakeholdersRepository } from './stakeholders.repository.ts';
import { StakeholdersService } from './stakeholders.service.ts';

/** The stakeholder register, wired to its repository. */
export function createStakeholderServices(deps: {
  db: Database;
  access: AccessService;
  projectsRepo: ProjectsRepository;
  journal: JournalRepository;
}) {
  return {
    stakeholders: new StakeholdersService(
      deps.db,
      new StakeholdersRepository(),
      deps.projectsRepo,
      deps.access,
      deps.journal,
    ),
  };
}
