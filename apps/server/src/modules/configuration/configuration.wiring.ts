import type { Database } from '@baton/db';
import type { AccessService } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';
import type { ChangesService } from '../raid/changes.service.ts';
import { ConfigurationBaselinesService } from './baselines.service.ts';
import { ConfigurationRepository } from './configuration.repository.ts';
import { ConfigurationService } from './configuration.service.ts';

/** Configuration management: items, versions, baselines, audits, wired to their repositories. */
export function createConfigurationServices(deps: {
  db: Database;
  access: AccessService;
  projectsRepo: ProjectsRepository;
  journal: JournalRepository;
  changes: ChangesService;
}) {
  const repo = new ConfigurationRepository();
  const configuration = new ConfigurationService(deps.db, repo, deps.projectsRepo, deps.access, deps.journal);
  // Approving a change records the next version of every item it names, in the approval's transaction.
  deps.changes.connect({
    onApproved: (tx, actor, change) => configuration.recordApprovedChange(tx, actor, change),
  });
  return {
    configuration,
    configurationBaselines: new ConfigurationBaselinesService(deps.db, repo, deps.access, deps.journal),
  };
}
