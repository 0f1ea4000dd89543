import type { Project } from '@baton/contracts';

export function ProjectConfigurationTab({ project }: { project: Project }) {
  void project;
  return null;
}
