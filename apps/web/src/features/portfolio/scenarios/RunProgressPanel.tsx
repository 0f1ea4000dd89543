import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { fetchRun, portfolioKeys, type Run } from '../../../api/portfolio.ts';
import { Alert } from '../../../design/Alert.tsx';
import { Button } from '../../../design/Button.tsx';
import { Card } from '../../../design/Card.tsx';
import { ErrorState } from '../../../design/ErrorState.tsx';
import { Spinner } from '../../../design/Spinner.tsx';
import { formatPercent, formatScore } from '../portfolio-format.ts';
import { isRunning, latestProgress, niceScale, project } from './scenario-model.ts';

const W = 520;
const H = 140;
const PAD = { left: 48, right: 12, top: 10, bottom: 26 };

/** Incumbent and bound over time: the heuristic answer first, then the solver closing the gap. */
function ProgressChart({ run }: { run: Run }) {
  const points = run.progress;
  const values = points.flatMap((p) => [p.objective, p.bound]).filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  const xMax = Math.max(1, ...points.map((p) => p.elapsedMs));
  const y = niceScale(Math.min(...values), Math.max(...values), 3);
  const px = (ms: number) => project(ms, { min: 0, max: xMax }, PAD.left, W - PAD.right);
  const py = (v: number) => project(v, y, H - PAD.bottom, PAD.top);
  const line = (key: 'objective' | 'bound') => {
    let last: number | null = null;
    const out: string[] = [];
    for (const p of points) {
      const v: number | null = p[key] ?? last;
      if (v === null) continue;
      if (last !== null) out.push(`L${px(p.elapsedMs).toFixed(1)},${py(last).toFixed(1)}`);
      out.push(`${out.length === 0 ? 'M' : 'L'}${px(p.elapsedMs).toFixed(1)},${py(v).toFixed(1)}`);
      last = v;
    }
    return out.join(' ');
  };
  return (
    <svg
      className="run-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`Best answer and bound over ${Math.round(xMax)} ms of solving`}
    >
      {y.ticks.map((t) => (
        <g key={t}>
          <line className="run-chart__grid" x1={PAD.left} x2={W - PAD.right} y1={py(t)} y2={py(t)} />
          <text className="run-chart__tick" x={PAD.left - 6} y={py(t) + 4} textAnchor="end">
            {formatScore(t)}
          </text>
        </g>
      ))}
      <text className="run-chart__tick" x={PAD.left} y={H - 6}>
        0 ms
      </text>
      <text className="run-chart__tick" x={W - PAD.right} y={H - 6} textAnchor="end">
        {Math.round(xMax)} ms
      </text>
      <path className="run-chart__bound" d={line('bound')} />
      <path className="run-chart__objective" d={line('objective')} />
    </svg>
  );
}

/**
 * Follows an optimisation (or frontier) run: polls it while it runs, shows the heuristic answer
 * as soon as it exists and the solver's improvements after, and refreshes the scenario when done.
 */
export function RunProgressPanel({
  runId,
  scenarioId,
  onDismiss,
}: {
  runId: string;
  scenarioId: string;
  onDismiss: () => void;
}) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: portfolioKeys.run(runId),
    queryFn: ({ signal }) => fetchRun(runId, signal),
    refetchInterval: (q) => (isRunning(q.state.data) || !q.state.data ? 400 : false),
  });
  const run = query.data;
  const finished = useRef(false);
  useEffect(() => {
    if (run && !isRunning(run) && !finished.current) {
      finished.current = true;
      void queryClient.invalidateQueries({ queryKey: portfolioKeys.scenario(scenarioId) });
      void queryClient.invalidateQueries({ queryKey: portfolioKeys.scenarios });
    }
  }, [run, queryClient, scenarioId]);

  if (query.isError) {
    return (
      <Card title="Optimisation">
        <ErrorState
          error={query.error}
          title="This run is no longer available"
          onRetry={() => query.refetch()}
        />
        <Button size="sm" onClick={onDismiss}>
          Dismiss
        </Button>
      </Card>
    );
  }
  const latest = run ? latestProgress(run) : null;
  const running = !run || isRunning(run);
  const title = run?.kind === 'frontier' ? 'Efficient frontier' : 'Optimisation';
  return (
    <Card
      title={title}
      actions={
        !running && (
          <Button size="sm" variant="ghost" onClick={onDismiss}>
            Dismiss
          </Button>
        )
      }
    >
      <div className="run-panel" aria-live="polite">
        <div className="stack-sm">
          <p className="row">
            {running && <Spinner label={null} />}
            <strong>
              {!run
                ? 'Starting…'
                : run.state === 'failed'
                  ? 'The run failed'
                  : run.state === 'done'
                    ? run.kind === 'frontier'
                      ? `Done: ${run.frontier?.length ?? 0} points`
                      : run.result?.status === 'optimal'
                        ? 'Done: proven optimal'
                        : run.result?.status === 'infeasible'
                          ? 'Done: no feasible selection'
                          : 'Done: best answer found in the time allowed'
                    : latest?.phase === 'frontier'
                      ? `Tracing the frontier… ${latest.elapsedMs > 0 ? `${Math.round(latest.elapsedMs / 1000)} s` : ''}`
                      : latest?.phase === 'heuristic'
                        ? 'Heuristic answer found; proving it optimal…'
                        : 'Improving the answer and proving it…'}
            </strong>
          </p>
          {run?.state === 'failed' && <Alert tone="error">{run.error ?? 'The solver stopped.'}</Alert>}
          {run && run.kind === 'optimise' && (
            <dl className="b-dl run-panel__figures">
              <div>
                <dt>Heuristic answer</dt>
                <dd>
                  {run.heuristic
                    ? `${formatScore(run.heuristic.objective)} in ${Math.round(run.heuristic.elapsedMs)} ms`
                    : '—'}
                </dd>
              </div>
              <div>
                <dt>Best answer so far</dt>
                <dd className="num-strong">
                  {latest?.objective !== null && latest?.objective !== undefined
                    ? formatScore(latest.objective)
                    : '—'}
                </dd>
              </div>
              <div>
                <dt>Best possible (bound)</dt>
                <dd>
                  {latest?.bound !== null && latest?.bound !== undefined ? formatScore(latest.bound) : '—'}
                </dd>
              </div>
              <div>
                <dt>Gap</dt>
                <dd>{formatPercent(run.result ? run.result.gap : latest?.gap, 2)}</dd>
              </div>
            </dl>
          )}
          {run?.kind === 'frontier' && latest && (
            <p className="subtle">
              {run.progress.at(-1)?.pointsDone ?? 0} points traced in {Math.round(latest.elapsedMs / 1000)} s.
            </p>
          )}
        </div>
        {run && run.kind === 'optimise' && run.progress.length > 0 && (
          <div className="run-panel__chart">
            <ProgressChart run={run} />
            <p className="run-chart__legend subtle">
              <span className="run-chart__key run-chart__key--objective" aria-hidden="true" /> best answer{' '}
              <span className="run-chart__key run-chart__key--bound" aria-hidden="true" /> bound
            </p>
          </div>
        )}
      </div>
    </Card>
  );
}
