import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { describeError } from '../../../api/client.ts';
import {
  type AhpResult,
  evaluateAhp,
  type StrategicObjective,
  type StrategySettings,
  saveAhp,
} from '../../../api/portfolio.ts';
import { Alert } from '../../../design/Alert.tsx';
import { Button } from '../../../design/Button.tsx';
import { Card } from '../../../design/Card.tsx';
import { EmptyState } from '../../../design/EmptyState.tsx';
import { Select } from '../../../design/Select.tsx';
import { Spinner } from '../../../design/Spinner.tsx';
import { formatPercent } from '../portfolio-format.ts';
import {
  type AhpMatrix,
  CR_LIMIT,
  describeJudgement,
  formatSaaty,
  identityMatrix,
  matrixFromSaved,
  mostInconsistentPair,
  nearestSaaty,
  objectiveLetter,
  parseSaaty,
  SAATY_MEANINGS,
  saatyOptions,
  sameMatrix,
  setPair,
} from './ahp-model.ts';
import { useStrategyChange } from './use-strategy-change.ts';

const DEBOUNCE_MS = 250;

/** The pairwise comparison of the active objectives, with live weights and consistency. */
export function AhpEditor({ strategy, canManage }: { strategy: StrategySettings; canManage: boolean }) {
  const active = useMemo(
    () => strategy.objectives.filter((o) => o.active).sort((a, b) => a.sortOrder - b.sortOrder),
    [strategy.objectives],
  );
  if (active.length < 2) {
    return (
      <Card title="Pairwise comparison (AHP)">
        <EmptyState title="Compare at least two objectives">
          The pairwise comparison needs two or more active objectives. Add or activate objectives on the
          Objectives tab.
        </EmptyState>
      </Card>
    );
  }
  // A new strategy version or another set of objectives starts the editor afresh.
  return (
    <AhpMatrixEditor
      key={`${strategy.version}:${active.map((o) => o.id).join(',')}`}
      strategy={strategy}
      objectives={active}
      canManage={canManage}
    />
  );
}

/** The matrix the server last evaluated, a short pause after the last change; older requests are aborted. */
function useLiveEvaluation(matrix: AhpMatrix) {
  const [settled, setSettled] = useState(matrix);
  useEffect(() => {
    const t = window.setTimeout(() => setSettled(matrix), DEBOUNCE_MS);
    return () => window.clearTimeout(t);
  }, [matrix]);
  const query = useQuery({
    queryKey: ['portfolio', 'ahp-evaluate', settled],
    queryFn: ({ signal }) => evaluateAhp(settled, signal),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return { ...query, updating: query.isFetching || settled !== matrix };
}

function AhpMatrixEditor({
  strategy,
  objectives,
  canManage,
}: {
  strategy: StrategySettings;
  objectives: StrategicObjective[];
  canManage: boolean;
}) {
  const { saved, failed, showToast } = useStrategyChange();
  const ids = objectives.map((o) => o.id);
  // The editor is keyed by strategy version and objectives, so the starting point is fixed for its life.
  const [start] = useState(() => matrixFromSaved(strategy.ahp, ids));
  const [matrix, setMatrix] = useState<AhpMatrix>(start.matrix);
  const evaluation = useLiveEvaluation(matrix);
  const dirty = !sameMatrix(matrix, start.matrix);
  const isInEffect = strategy.weighting === 'ahp' && start.fromSaved;

  const save = useMutation({
    mutationFn: () => saveAhp({ version: strategy.version, objectiveIds: ids, matrix }),
    onSuccess: (s) => {
      saved(s);
      showToast({
        tone: 'success',
        title: 'Pairwise comparison saved',
        text: 'The objectives are now weighted by it.',
      });
    },
    onError: failed('Could not save the pairwise comparison'),
  });

  const n = objectives.length;
  const names = objectives.map((o) => o.name);

  return (
    <div className="stack">
      <Card
        title="Pairwise comparison (AHP)"
        description={
          canManage
            ? 'For each pair, choose which objective matters more and by how much. The cells below the diagonal are the reciprocals.'
            : 'How the objectives were compared, two at a time. Cells below the diagonal are the reciprocals.'
        }
        footer={
          canManage && (
            <>
              {dirty && <span className="subtle ahp-unsaved">Unsaved changes</span>}
              <Button
                variant="ghost"
                disabled={sameMatrix(matrix, identityMatrix(n))}
                onClick={() => setMatrix(identityMatrix(n))}
              >
                Set all equal
              </Button>
              <Button disabled={!dirty} onClick={() => setMatrix(start.matrix)}>
                {start.fromSaved ? 'Undo changes' : 'Reset'}
              </Button>
              <Button
                variant="primary"
                loading={save.isPending}
                disabled={!dirty && isInEffect}
                onClick={() => save.mutate()}
              >
                {isInEffect ? 'Save comparison' : 'Save and weight by AHP'}
              </Button>
            </>
          )
        }
      >
        <div className="stack">
          {!start.fromSaved && strategy.ahp && (
            <Alert tone="info" title="The saved comparison covers other objectives">
              Objectives were added or deactivated since it was saved, so every pair starts as equal.
            </Alert>
          )}
          <div className="ahp-matrix-wrap">
            <table className="ahp-matrix">
              <caption className="visually-hidden">
                Pairwise comparisons: how much more the row objective matters than the column objective
              </caption>
              <thead>
                <tr>
                  <td />
                  {objectives.map((o, j) => (
                    <th key={o.id} scope="col">
                      <span className="ahp-letter" aria-hidden="true">
                        {objectiveLetter(j)}
                      </span>
                      <span className="ahp-matrix__name">{o.name}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {objectives.map((row, i) => (
                  <tr key={row.id}>
                    <th scope="row">
                      <span className="ahp-letter" aria-hidden="true">
                        {objectiveLetter(i)}
                      </span>
                      <span className="ahp-matrix__name">{row.name}</span>
                    </th>
                    {objectives.map((col, j) => {
                      const v = matrix[i]?.[j] ?? 1;
                      if (i === j)
                        return (
                          <td key={col.id} className="ahp-cell ahp-cell--diagonal">
                            1
                          </td>
                        );
                      if (i > j || !canManage)
                        return (
                          <td
                            key={col.id}
                            className={i > j ? 'ahp-cell ahp-cell--mirror' : 'ahp-cell'}
                            title={describeJudgement(v, row.name, col.name)}
                          >
                            {formatSaaty(v)}
                            <span className="visually-hidden">
                              : {describeJudgement(v, row.name, col.name)}
                            </span>
                          </td>
                        );
                      const a = objectiveLetter(i);
                      const b = objectiveLetter(j);
                      return (
                        <td
                          key={col.id}
                          className="ahp-cell ahp-cell--edit"
                          data-judgement={judgementSide(v)}
                        >
                          <Select
                            controlSize="sm"
                            aria-label={`${row.name} (${a}) compared with ${col.name} (${b})`}
                            value={formatSaaty(v)}
                            options={saatyOptions(a, b, v)}
                            onChange={(e) => {
                              const next = parseSaaty(e.target.value);
                              if (next !== null) setMatrix((m) => setPair(m, i, j, next));
                            }}
                          />
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="ahp-scale subtle">
            Saaty’s scale:{' '}
            {SAATY_MEANINGS.map((m, k) => (
              <span key={m.value}>
                {k > 0 && ' · '}
                <strong>{m.value}</strong> {m.meaning}
              </span>
            ))}
            {' · '}2, 4, 6, 8 lie in between; 1/3 means the other way round.
          </p>
        </div>
      </Card>
      <div className="ahp-results">
        <Card
          title="Resulting weights"
          actions={evaluation.updating && <Spinner label="Updating the weights" />}
          description={
            dirty ? 'Live, from the comparisons above (not saved yet).' : 'From the comparisons above.'
          }
        >
          {evaluation.isError ? (
            <Alert tone="error" title="Could not work out the weights">
              {describeError(evaluation.error)}
            </Alert>
          ) : evaluation.data ? (
            <WeightBars objectives={objectives} result={evaluation.data} showCurrent={dirty || !isInEffect} />
          ) : (
            <p className="subtle">Working out the weights…</p>
          )}
        </Card>
        <Card title="Consistency">
          {evaluation.data ? (
            <Consistency result={evaluation.data} matrix={matrix} names={names} />
          ) : evaluation.isError ? (
            <p className="subtle">Not available.</p>
          ) : (
            <p className="subtle">Checking…</p>
          )}
        </Card>
      </div>
    </div>
  );
}

function judgementSide(v: number): 'row' | 'equal' | 'column' {
  return Math.abs(v - 1) < 1e-9 ? 'equal' : v > 1 ? 'row' : 'column';
}

function WeightBars({
  objectives,
  result,
  showCurrent,
}: {
  objectives: StrategicObjective[];
  result: AhpResult;
  showCurrent: boolean;
}) {
  return (
    <ul className="bars ahp-bars">
      {objectives.map((o, i) => {
        const w = result.weights[i] ?? 0;
        return (
          <li key={o.id}>
            <div className="bar__head">
              <span>
                <span className="ahp-letter" aria-hidden="true">
                  {objectiveLetter(i)}
                </span>
                {o.name}
              </span>
              <span className="num">
                <strong>{formatPercent(w)}</strong>
                {showCurrent && <span className="subtle"> (in effect now {formatPercent(o.weight)})</span>}
              </span>
            </div>
            <div className="bar__track" aria-hidden="true">
              <div className="bar__fill" style={{ width: `${Math.max(0, Math.min(1, w)) * 100}%` }} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function Consistency({ result, matrix, names }: { result: AhpResult; matrix: AhpMatrix; names: string[] }) {
  const worst =
    result.cr !== null && result.cr > CR_LIMIT ? mostInconsistentPair(matrix, result.weights) : null;
  return (
    <div className="stack">
      {result.cr === null ? (
        <Alert tone="success" title="Always consistent">
          With two objectives the comparisons cannot contradict each other (CR is not defined for n ≤ 2).
        </Alert>
      ) : result.cr > CR_LIMIT ? (
        <Alert tone="warning" title="Inconsistent — revise the comparisons">
          The consistency ratio {result.cr.toFixed(3)} is above {CR_LIMIT.toFixed(2)}: some judgements
          contradict each other.
          {worst && (
            <>
              {' '}
              Look first at <strong>{names[worst.i]}</strong> compared with <strong>{names[worst.j]}</strong>:
              you chose {formatSaaty(worst.judged)}, the other judgements suggest about{' '}
              {formatSaaty(nearestSaaty(worst.implied))}.
            </>
          )}
        </Alert>
      ) : (
        <Alert tone="success" title="Consistent">
          The consistency ratio {result.cr.toFixed(3)} is within {CR_LIMIT.toFixed(2)}.
        </Alert>
      )}
      <dl className="b-dl ahp-stats">
        <div>
          <dt>λmax (principal eigenvalue)</dt>
          <dd className="num-strong">{result.lambdaMax.toFixed(3)}</dd>
        </div>
        <div>
          <dt>Consistency index CI</dt>
          <dd className="num-strong">{result.ci.toFixed(3)}</dd>
        </div>
        <div>
          <dt>Consistency ratio CR</dt>
          <dd className="num-strong">
            {result.cr === null ? '— (n ≤ 2)' : result.cr.toFixed(3)}
            {result.cr !== null && (
              <span className="subtle"> {result.cr > CR_LIMIT ? '(above 0.10)' : '(≤ 0.10)'}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Objectives compared</dt>
          <dd className="num-strong">{matrix.length}</dd>
        </div>
      </dl>
    </div>
  );
}
