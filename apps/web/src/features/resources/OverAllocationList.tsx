import type { OverAllocation } from '../../api/resources.ts';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { formatDate } from '../../design/format.ts';
import { formatHours } from './utilisation.ts';

/** Where demand exceeds capacity, worst first, each with the projects causing it and a way to resolve it. */
export function OverAllocationList({
  items,
  onResolve,
}: {
  items: readonly OverAllocation[];
  onResolve: (item: OverAllocation) => void;
}) {
  const sorted = [...items].sort((a, b) => b.excessHours - a.excessHours);
  return (
    <Card
      title={`Over-allocations (${items.length})`}
      description={items.length ? 'Demand above capacity in this window.' : undefined}
    >
      {sorted.length === 0 ? (
        <p className="muted">Nobody is over-allocated in this window.</p>
      ) : (
        <ul className="over-list" aria-label="Over-allocations">
          {sorted.map((o) => (
            <li key={`${o.resourceId}-${o.start}`} className="over-item">
              <div className="over-item__head">
                <strong>{o.resourceName}</strong>
                <span className="num-strong">+{formatHours(o.excessHours)} h</span>
              </div>
              <div className="muted">
                {formatDate(o.start)} – {formatDate(o.end)} · peak +{formatHours(o.peakExcessHours)} h
              </div>
              <ul
                className="over-item__projects"
                aria-label={`Projects behind ${o.resourceName}’s over-allocation`}
              >
                {o.projects.map((p) => (
                  <li key={p.id}>
                    <span className="mono">{p.code}</span> {p.name} · {formatHours(p.hours)} h
                  </li>
                ))}
              </ul>
              <Button
                size="sm"
                aria-label={`Resolve the over-allocation of ${o.resourceName}, ${formatDate(o.start)} – ${formatDate(o.end)}`}
                onClick={() => onResolve(o)}
              >
                Resolve…
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
