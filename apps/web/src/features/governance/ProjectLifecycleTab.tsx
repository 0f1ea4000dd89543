import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiProblem } from '../../api/client.ts';
import { fetchLifecycle, governanceKeys, type ProjectLifecycle } from '../../api/governance.ts';
import { Badge } from '../../design/Badge.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { ApplyLifecycle } from './ApplyLifecycle.tsx';
import { ActiveGateCard, PhaseGateCard } from './GateCard.tsx';
import { GateHistory } from './GateHistory.tsx';
import { activePhase, progressLine, stepsOf } from './lifecycle-model.ts';
import { MigrateNotice } from './MigrateNotice.tsx';
import { PhaseStepper } from './PhaseStepper.tsx';
import { APPROACH_LABELS, APPROACH_TONES, definedAtPhrase } from './template-model.ts';
import './governance.css';

function LifecycleView({ lifecycle, projectName }: { lifecycle: ProjectLifecycle; projectName: string }) {
  const active = activePhase(lifecycle);
  const [chosen, setChosen] = useState<string | null>(null);
  // The phase in progress unless another step was chosen (and still exists after a migration).
  const shown =
    lifecycle.phases.find((p) => p.key === chosen) ?? active ?? lifecycle.phases[lifecycle.phases.length - 1];
  const t = lifecycle.template;
  return (
    <div className="stack">
      <Card
        title={
          <span className="title-with-badge">
            {t.name}
            <Badge tone={APPROACH_TONES[t.approach]}>{APPROACH_LABELS[t.approach]}</Badge>
            <Badge>v{t.templateVersion}</Badge>
          </span>
        }
        description={`${progressLine(lifecycle)} · defined ${definedAtPhrase(t)}`}
      >
        <div className="stack">
          <MigrateNotice lifecycle={lifecycle} />
          <PhaseStepper
            steps={stepsOf(lifecycle.phases)}
            selected={shown?.key ?? null}
            onSelect={(key) => setChosen(key === active?.key ? null : key)}
          />
        </div>
      </Card>
      {!active && lifecycle.phases.every((p) => p.status === 'done') && (
        <Card>
          <EmptyState title="Every phase is done" icon="✓">
            All the gates of {t.name} were passed.
          </EmptyState>
        </Card>
      )}
      {shown &&
        (active && shown.key === active.key ? (
          <ActiveGateCard lifecycle={lifecycle} phase={active} projectName={projectName} />
        ) : (
          <PhaseGateCard phase={shown} />
        ))}
      <GateHistory reviews={lifecycle.reviews} />
    </div>
  );
}

/** A project's lifecycle: its phases, the gate in progress with its checklist and review, and the history. */
export function ProjectLifecycleTab({ projectId, projectName }: { projectId: string; projectName: string }) {
  const query = useQuery({
    queryKey: governanceKeys.lifecycle(projectId),
    queryFn: ({ signal }) => fetchLifecycle(projectId, signal),
  });
  if (query.isPending)
    return (
      <Card>
        <LoadingState label="Loading the lifecycle…" />
      </Card>
    );
  if (query.isError) {
    if (isApiProblem(query.error, 404))
      return <ApplyLifecycle projectId={projectId} projectName={projectName} />;
    return (
      <Card>
        <ErrorState
          error={query.error}
          title="Could not load the lifecycle"
          onRetry={() => query.refetch()}
        />
      </Card>
    );
  }
  return <LifecycleView lifecycle={query.data} projectName={projectName} />;
}
