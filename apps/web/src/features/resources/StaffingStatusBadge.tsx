import type { StaffingRequest } from '../../api/resources.ts';
import { Badge } from '../../design/Badge.tsx';

export function StaffingStatusBadge({ status }: { status: StaffingRequest['status'] }) {
  if (status === 'open')
    return (
      <Badge tone="amber" dot>
        Open
      </Badge>
    );
  if (status === 'filled')
    return (
      <Badge tone="green" dot>
        Filled
      </Badge>
    );
  return <Badge dot>Cancelled</Badge>;
}
