import type { ProposalStatus } from '../../api/portfolio.ts';
import { Badge } from '../../design/Badge.tsx';
import { PROPOSAL_STATUS_LABELS, PROPOSAL_STATUS_TONES } from './portfolio-format.ts';

export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  return (
    <Badge tone={PROPOSAL_STATUS_TONES[status]} dot>
      {PROPOSAL_STATUS_LABELS[status]}
    </Badge>
  );
}
