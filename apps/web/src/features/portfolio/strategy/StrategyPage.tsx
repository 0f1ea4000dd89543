import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../app/PageHeader.tsx';
import { useSession } from '../../../app/session-context.ts';
import { Alert } from '../../../design/Alert.tsx';
import { ErrorState } from '../../../design/ErrorState.tsx';
import { LoadingState } from '../../../design/Spinner.tsx';
import { TabPanel, Tabs } from '../../../design/Tabs.tsx';
import { useStrategy } from '../use-strategy.ts';
import { AhpEditor } from './AhpEditor.tsx';
import { CriteriaCard } from './CriteriaCard.tsx';
import { IntakeFormEditor } from './IntakeFormEditor.tsx';
import { ObjectivesCard } from './ObjectivesCard.tsx';
import './strategy.css';

type TabId = 'objectives' | 'ahp' | 'criteria' | 'intake';
const TABS: { id: TabId; label: string }[] = [
  { id: 'objectives', label: 'Objectives' },
  { id: 'ahp', label: 'Pairwise comparison (AHP)' },
  { id: 'criteria', label: 'Scoring criteria' },
  { id: 'intake', label: 'Intake form' },
];

function tabOf(value: string | null): TabId {
  return TABS.find((t) => t.id === value)?.id ?? 'objectives';
}

/** The strategy the portfolio is scored against: objectives and their weights, criteria, the intake form. */
export function StrategyPage() {
  const [params, setParams] = useSearchParams();
  const { can } = useSession();
  const canManage = can('strategy.manage');
  const tab = tabOf(params.get('tab'));
  const setTab = (next: TabId) => {
    const p = new URLSearchParams(params);
    if (next === 'objectives') p.delete('tab');
    else p.set('tab', next);
    setParams(p);
  };
  const strategy = useStrategy();

  return (
    <div className="page">
      <PageHeader
        title="Strategy"
        subtitle="What the portfolio is scored against: strategic objectives, how they are weighted, the scoring criteria and the intake form."
      />
      {!canManage && (
        <Alert title="Read-only">
          You can see the strategy; only people who manage the strategy can change it.
        </Alert>
      )}
      <Tabs idBase="strategy" label="Strategy sections" items={TABS} value={tab} onChange={setTab} />
      <TabPanel idBase="strategy" id={tab}>
        {tab === 'intake' ? (
          <IntakeFormEditor canManage={canManage} />
        ) : strategy.isPending ? (
          <LoadingState label="Loading the strategy…" />
        ) : strategy.isError ? (
          <ErrorState
            error={strategy.error}
            title="Could not load the strategy"
            onRetry={() => strategy.refetch()}
          />
        ) : tab === 'objectives' ? (
          <ObjectivesCard strategy={strategy.data} canManage={canManage} onCompare={() => setTab('ahp')} />
        ) : tab === 'ahp' ? (
          <AhpEditor strategy={strategy.data} canManage={canManage} />
        ) : (
          <CriteriaCard key={strategy.data.version} strategy={strategy.data} canManage={canManage} />
        )}
      </TabPanel>
    </div>
  );
}
