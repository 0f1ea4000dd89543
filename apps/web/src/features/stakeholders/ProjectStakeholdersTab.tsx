import type { Project } from '@baton/contracts';

export function ProjectStakeholdersTab({ project }: { project: Project }) {
  void project;
  return null;
}
