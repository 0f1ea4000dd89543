import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { describeError, isApiProblem } from '../../../api/client.ts';
import {
  commitScenario,
  deleteScenario,
  fetchScenario,
  portfolioKeys,
  type Scenario,
  type ScenarioOverride,
  startRun,
  updateScenario,
} from '../../../api/portfolio.ts';
import { PageHeader } from '../../../app/PageHeader.tsx';
import { useSession } from '../../../app/session-context.ts';
import { Alert } from '../../../design/Alert.tsx';
import { Badge } from '../../../design/Badge.tsx';
import { Button } from '../../../design/Button.tsx';
import { Card } from '../../../design/Card.tsx';
import { Dialog } from '../../../design/Dialog.tsx';
import { EmptyState } from '../../../design/EmptyState.tsx';
import { ErrorState } from '../../../design/ErrorState.tsx';
import { formatRelative } from '../../../design/format.ts';
import { LoadingState } from '../../../design/Spinner.tsx';
import { Table } from '../../../design/Table.tsx';
import { TabPanel, Tabs } from '../../../design/Tabs.tsx';
import { useToast } from '../../../design/Toast.tsx';
import {
  addMonths,
  formatMajorCompact,
  formatMonth,
  formatPercent,
  formatScore,
} from '../portfolio-format.ts';
import { useCurrency } from '../use-strategy.ts';
import { FrontierChart } from './FrontierChart.tsx';
import { OverridesTable } from './OverridesTable.tsx';
import { RunProgressPanel } from './RunProgressPanel.tsx';
import { ScenarioFields } from './ScenarioFields.tsx';
import { ScenarioResultView } from './ScenarioResultView.tsx';
import {
  draftErrorsFromProblem,
  draftOf,
  parseDraft,
  type ScenarioDraft,
  type ScenarioDraftErrors,
  sameDraft,
  totalBudget,
} from './scenario-model.ts';
import './scenarios.css';

type Tab = 'result' | 'inputs' | 'frontier';
const TABS: { id: Tab; label: string }[] = [
  { id: 'result', label: 'Answer' },
  { id: 'inputs', label: 'Inputs' },
  { id: 'frontier', label: 'Efficient frontier' },
];

function InputsTab({ scenario, editable }: { scenario: Scenario; editable: boolean }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const currency = useCurrency();
  const [draft, setDraft] = useState<ScenarioDraft>(() => draftOf(scenario));
  const [overrides, setOverrides] = useState<ScenarioOverride[]>(() => [...scenario.overrides]);
  const [errors, setErrors] = useState<ScenarioDraftErrors>({});
  const [baseVersion, setBaseVersion] = useState(scenario.version);
  // Another save (or a run) moved the scenario on: take its values when nothing is being edited.
  const dirty =
    !sameDraft(draft, draftOf(scenario)) || JSON.stringify(overrides) !== JSON.stringify(scenario.overrides);
  useEffect(() => {
    if (scenario.version !== baseVersion && !dirty) setBaseVersion(scenario.version);
  }, [scenario.version, baseVersion, dirty]);

  const save = useMutation({
    mutationFn: (body: Parameters<typeof updateScenario>[1]) => updateScenario(scenario.id, body),
    onSuccess: (s) => {
      queryClient.setQueryData(portfolioKeys.scenario(s.id), s);
      void queryClient.invalidateQueries({ queryKey: portfolioKeys.scenarios });
      setDraft(draftOf(s));
      setOverrides([...s.overrides]);
      setBaseVersion(s.version);
      setErrors({});
      showToast({ tone: 'success', title: 'Inputs saved', text: 'Optimise again to see their effect.' });
    },
    onError: (error) => {
      if (isApiProblem(error, 409)) {
        showToast({
          tone: 'error',
          title: 'Changed by someone else',
          text: 'The scenario was saved elsewhere meanwhile; its latest inputs are loaded.',
        });
        void queryClient.invalidateQueries({ queryKey: portfolioKeys.scenario(scenario.id) }).then(() => {
          const fresh = queryClient.getQueryData<Scenario>(portfolioKeys.scenario(scenario.id));
          if (fresh) {
            setDraft(draftOf(fresh));
            setOverrides([...fresh.overrides]);
            setBaseVersion(fresh.version);
          }
        });
        return;
      }
      setErrors(
        isApiProblem(error) && error.errors.length > 0
          ? { ...draftErrorsFromProblem(error.errors), form: error.detail ?? error.title }
          : { form: describeError(error) },
      );
    },
  });
  const submit = () => {
    const parsed = parseDraft(draft);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    save.mutate({ version: baseVersion, ...parsed.value, overrides });
  };
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {!editable && (
        <Alert>
          {scenario.status === 'committed'
            ? 'This scenario is committed: its inputs are kept as they were.'
            : 'You can read these inputs; changing them needs the portfolio manager role.'}
        </Alert>
      )}
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <Card title="Horizon, budget and capacity">
        <ScenarioFields
          draft={draft}
          onChange={setDraft}
          errors={errors}
          currency={currency}
          disabled={!editable}
        />
      </Card>
      <Card
        flush
        title="Candidates"
        description="Force a proposal in or out, change its value, or widen its start window in this scenario only."
      >
        <OverridesTable
          statuses={draft.statuses}
          overrides={overrides}
          onChange={setOverrides}
          disabled={!editable}
        />
      </Card>
      {editable && (
        <div className="form-actions">
          <Button
            disabled={!dirty}
            onClick={() => {
              setDraft(draftOf(scenario));
              setOverrides([...scenario.overrides]);
              setErrors({});
            }}
          >
            Discard changes
          </Button>
          <Button type="submit" variant="primary" loading={save.isPending} disabled={!dirty}>
            Save inputs
          </Button>
        </div>
      )}
    </form>
  );
}

function FrontierTab({
  scenario,
  onRun,
  running,
  canRun,
}: {
  scenario: Scenario;
  onRun: () => void;
  running: boolean;
  canRun: boolean;
}) {
  const currency = useCurrency();
  const valueLabel = scenario.objective === 'npv' ? 'Total NPV' : 'Total score';
  const frontier = scenario.frontier ?? [];
  const action = canRun && (
    <Button onClick={onRun} loading={running} variant={frontier.length ? 'secondary' : 'primary'}>
      {frontier.length ? 'Trace again' : 'Trace the frontier (20 budgets)'}
    </Button>
  );
  if (frontier.length === 0) {
    return (
      <Card>
        <EmptyState title="No frontier yet" actions={action}>
          The frontier solves the scenario for 20 budgets below and above this one, and shows how much value
          each extra euro buys.
        </EmptyState>
      </Card>
    );
  }
  const budget = totalBudget(scenario);
  return (
    <div className="stack">
      <Card
        title="Value against budget"
        description="Each point is the best selection for that total budget, with the same capacity and rules."
        actions={action}
      >
        <FrontierChart
          frontier={frontier}
          scenarioBudget={budget}
          currency={currency}
          valueLabel={valueLabel}
        />
      </Card>
      <Card flush title="Points">
        <Table>
          <caption className="visually-hidden">Efficient frontier points</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Budget factor
              </th>
              <th scope="col" className="num">
                Total budget
              </th>
              <th scope="col" className="num">
                {valueLabel}
              </th>
              <th scope="col" className="num">
                Projects
              </th>
              <th scope="col" className="num">
                Gap
              </th>
            </tr>
          </thead>
          <tbody>
            {[...frontier]
              .sort((a, b) => a.totalBudget - b.totalBudget)
              .map((p) => (
                <tr key={p.budgetFactor}>
                  <td className="num">×{p.budgetFactor.toFixed(2)}</td>
                  <td className="num">{formatMajorCompact(p.totalBudget, currency)}</td>
                  <td className="num">{formatScore(p.value)}</td>
                  <td className="num">{p.selectedCount}</td>
                  <td className="num">{formatPercent(p.gap, 2)}</td>
                </tr>
              ))}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}

/** One scenario: optimise it (heuristic first, then proven), read the answer, edit inputs, commit. */
export function ScenarioDetailPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const { can } = useSession();
  const currency = useCurrency();
  const tab = (TABS.some((t) => t.id === params.get('tab')) ? params.get('tab') : 'result') as Tab;
  const runId = params.get('run');
  const [confirmCommit, setConfirmCommit] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const setParam = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: key === 'run' },
    );

  const query = useQuery({
    queryKey: portfolioKeys.scenario(id),
    queryFn: ({ signal }) => fetchScenario(id, signal),
  });
  const run = useMutation({
    mutationFn: (kind: 'optimise' | 'frontier') =>
      startRun(
        id,
        kind === 'optimise' ? { kind, timeLimitSeconds: 20 } : { kind, points: 20, timeLimitSeconds: 60 },
      ),
    onSuccess: (r) => {
      queryClient.setQueryData(portfolioKeys.run(r.id), r);
      setParam('run', r.id);
    },
    onError: (e) => showToast({ tone: 'error', title: 'Could not start', text: describeError(e) }),
  });
  const commit = useMutation({
    mutationFn: (s: Scenario) => commitScenario(s.id, s.version),
    onSuccess: (s) => {
      queryClient.setQueryData(portfolioKeys.scenario(s.id), s);
      void queryClient.invalidateQueries({ queryKey: portfolioKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
      setConfirmCommit(false);
      showToast({
        tone: 'success',
        title: 'Scenario committed',
        text: `${s.result?.selected.length ?? 0} proposals approved, with their planned starts and projects.`,
      });
    },
    onError: (e) => {
      setConfirmCommit(false);
      void queryClient.invalidateQueries({ queryKey: portfolioKeys.scenario(id) });
      showToast({ tone: 'error', title: 'Not committed', text: describeError(e) });
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteScenario(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: portfolioKeys.scenarios });
      showToast({ tone: 'success', title: 'Scenario deleted' });
      navigate('/portfolio/scenarios');
    },
    onError: (e) => {
      setConfirmDelete(false);
      showToast({ tone: 'error', title: 'Not deleted', text: describeError(e) });
    },
  });

  if (query.isPending) {
    return (
      <div className="page">
        <LoadingState label="Loading the scenario…" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="page">
        <ErrorState error={query.error} title="Could not load the scenario" onRetry={() => query.refetch()} />
      </div>
    );
  }
  const s = query.data;
  const manage = can('portfolio.manage');
  const draft = s.status === 'draft';
  const result = s.result;
  const runRunning =
    run.isPending ||
    (runId !== null &&
      queryClient.getQueryData<{ state: string }>(portfolioKeys.run(runId))?.state === 'running');
  const canCommit = manage && draft && result !== null && result.status !== 'infeasible' && !s.resultStale;
  const horizon = `${formatMonth(s.startMonth)} – ${formatMonth(addMonths(s.startMonth, s.periods - 1))}`;

  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to="/portfolio/scenarios">Scenarios</Link>
      </nav>
      <PageHeader
        title={
          <span className="title-with-badge">
            {s.name}
            {s.status === 'committed' ? (
              <Badge tone="green" dot>
                Committed
              </Badge>
            ) : (
              <Badge dot>Draft</Badge>
            )}
          </span>
        }
        documentTitle={s.name}
        subtitle={`${horizon} · ${formatMajorCompact(totalBudget(s), currency)} budget · maximises ${s.objective === 'npv' ? 'NPV' : 'the weighted score'}${s.committedAt ? ` · committed ${formatRelative(s.committedAt)}${s.committedByName ? ` by ${s.committedByName}` : ''}` : ''}`}
        actions={
          <>
            {manage && draft && (
              <Button variant="ghost" onClick={() => setConfirmDelete(true)}>
                Delete
              </Button>
            )}
            {manage && draft && (
              <Button
                onClick={() => setConfirmCommit(true)}
                disabled={!canCommit}
                title={
                  canCommit
                    ? undefined
                    : !result
                      ? 'Optimise first'
                      : s.resultStale
                        ? 'Optimise again: the inputs changed'
                        : 'There is no feasible selection to commit'
                }
              >
                Commit…
              </Button>
            )}
            {manage && draft && (
              <Button
                variant="primary"
                loading={run.isPending}
                disabled={runRunning}
                onClick={() => run.mutate('optimise')}
              >
                {result ? 'Optimise again' : 'Optimise'}
              </Button>
            )}
          </>
        }
      />
      <div className="stack">
        {runId && (
          <RunProgressPanel
            key={runId}
            runId={runId}
            scenarioId={s.id}
            onDismiss={() => setParam('run', null)}
          />
        )}
        <Tabs
          idBase="scenario"
          label="Scenario"
          items={TABS}
          value={tab}
          onChange={(t) => setParam('tab', t === 'result' ? null : t)}
        />
        <TabPanel idBase="scenario" id={tab}>
          {tab === 'result' &&
            (result ? (
              <ScenarioResultView scenario={s} result={result} currency={currency} />
            ) : (
              <Card>
                <EmptyState
                  title="Not optimised yet"
                  actions={
                    manage && draft ? (
                      <Button
                        variant="primary"
                        loading={run.isPending}
                        onClick={() => run.mutate('optimise')}
                      >
                        Optimise
                      </Button>
                    ) : undefined
                  }
                >
                  Optimising finds the selection and start months worth the most within the budget and
                  capacity, and proves it is the best.
                </EmptyState>
              </Card>
            ))}
          {tab === 'inputs' && <InputsTab key={s.id} scenario={s} editable={manage && draft} />}
          {tab === 'frontier' && (
            <FrontierTab
              scenario={s}
              running={runRunning}
              canRun={manage && draft}
              onRun={() => run.mutate('frontier')}
            />
          )}
        </TabPanel>
      </div>
      <Dialog
        open={confirmCommit}
        onClose={() => setConfirmCommit(false)}
        title={`Commit “${s.name}”?`}
        description="The selected proposals are approved, their planned starts set and their projects opened, in one journalled change."
        footer={
          <>
            <Button onClick={() => setConfirmCommit(false)}>Cancel</Button>
            <Button variant="primary" loading={commit.isPending} onClick={() => commit.mutate(s)}>
              Commit scenario
            </Button>
          </>
        }
      >
        <ul className="commit-list">
          {result?.selected.map((p) => (
            <li key={p.proposalId}>
              <span className="mono subtle">{p.code}</span> {p.title} — starts {formatMonth(p.start)}
            </li>
          ))}
        </ul>
      </Dialog>
      <Dialog
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title={`Delete “${s.name}”?`}
        description="The scenario and its answers are removed. Proposals are not changed."
        footer={
          <>
            <Button onClick={() => setConfirmDelete(false)}>Cancel</Button>
            <Button variant="danger" loading={remove.isPending} onClick={() => remove.mutate()}>
              Delete scenario
            </Button>
          </>
        }
      />
    </div>
  );
}
