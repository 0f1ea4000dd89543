import { AllocationsCard } from './AllocationsCard.tsx';
import { StaffingRequestsCard } from './StaffingRequestsCard.tsx';
import './resources.css';

/** The Resourcing tab of a project: who is allocated, and who is asked for. */
export function ProjectResourcingTab({ projectId }: { projectId: string }) {
  return (
    <div className="stack">
      <AllocationsCard projectId={projectId} />
      <StaffingRequestsCard projectId={projectId} />
    </div>
  );
}
