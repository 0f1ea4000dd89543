import { useQuery } from '@tanstack/react-query';
import { fetchOperatingModel, operatingModelKeys } from '../../api/governance.ts';
import { Badge } from '../../design/Badge.tsx';
import { PMO_MODEL_TONES } from '../org/OperatingModelDialog.tsx';

/**
 * The PMO operating model the project works under, on every project page: the rules people work
 * under, and which unit set them. Nothing shows until it is known; a failure shows a short notice.
 */
export function OperatingModelBadge({ projectId }: { projectId: string }) {
  const q = useQuery({
    queryKey: operatingModelKeys.project(projectId),
    queryFn: ({ signal }) => fetchOperatingModel(projectId, signal),
    staleTime: 60_000,
  });
  if (q.isPending) return <span className="om-badge subtle">Operating model…</span>;
  if (q.isError) return <span className="om-badge subtle">Operating model unavailable</span>;
  const m = q.data;
  return (
    <span className="om-badge" title={m.rules}>
      <Badge tone={PMO_MODEL_TONES[m.model]}>PMO model: {m.label}</Badge>
      <span>
        {m.definedAtName ? `set by ${m.definedAtName}` : 'the organisation’s default'}
        <span className="visually-hidden">. {m.rules}</span>
      </span>
    </span>
  );
}
