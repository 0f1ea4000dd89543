import type { Timesheet } from '../../api/resources.ts';
import { Badge, type BadgeTone } from '../../design/Badge.tsx';

const LOOK: Record<Timesheet['status'], { label: string; tone: BadgeTone }> = {
  draft: { label: 'Draft', tone: 'gray' },
  submitted: { label: 'Submitted', tone: 'blue' },
  approved: { label: 'Approved', tone: 'green' },
  rejected: { label: 'Rejected', tone: 'red' },
};

export function TimesheetStatusBadge({ status }: { status: Timesheet['status'] }) {
  return (
    <Badge tone={LOOK[status].tone} dot>
      {LOOK[status].label}
    </Badge>
  );
}
