import type { Database } from '@baton/db';
import type { AccessService } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';

/** Configuration management: items, versions, baselines, audits, wired to their repositories. */
export function createConfigurationServices(deps: {
  db: Database;
  access: AccessService;
  projectsRepo: ProjectsRepository;
  journal: JournalRepository;
}) {
  void deps;
  return {};
}
