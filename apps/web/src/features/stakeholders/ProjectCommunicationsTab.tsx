import type { Project } from '@baton/contracts';

export function ProjectCommunicationsTab({ project }: { project: Project }) {
  void project;
  return null;
}
