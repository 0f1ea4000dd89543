import type { Priority } from '@baton/contracts';
import { joinClassNames } from './class-names.ts';
import { PRIORITY_LABELS } from './labels.ts';

const LEVEL: Record<Priority, number> = { critical: 3, high: 3, medium: 2, low: 1 };

export function PriorityIndicator({ priority }: { priority: Priority }) {
  const level = LEVEL[priority];
  return (
    <span className={joinClassNames('b-priority', priority === 'critical' && 'b-priority--critical')}>
      <span className="b-priority__bars" aria-hidden="true">
        {[1, 2, 3].map((n) => (
          <span key={n} className={n <= level ? 'is-on' : undefined} />
        ))}
      </span>
      {PRIORITY_LABELS[priority]}
    </span>
  );
}
