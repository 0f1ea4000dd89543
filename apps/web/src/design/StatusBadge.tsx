import type { ProjectStatus } from '@baton/core';
import { Badge, type BadgeTone } from './Badge.tsx';
import { STATUS_LABELS } from './labels.ts';

const TONES: Record<ProjectStatus, BadgeTone> = {
  proposed: 'violet',
  approved: 'blue',
  active: 'green',
  on_hold: 'amber',
  completed: 'gray',
  cancelled: 'red',
};

export function StatusBadge({ status }: { status: ProjectStatus }) {
  return (
    <Badge tone={TONES[status]} dot>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
