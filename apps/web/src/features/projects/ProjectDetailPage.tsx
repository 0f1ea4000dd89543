import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiProblem } from '../../api/client.ts';
import { fetchProject, projectKeys } from '../../api/projects.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { ButtonLink } from '../../design/Button.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { StatusBadge } from '../../design/StatusBadge.tsx';
import { TabPanel, Tabs } from '../../design/Tabs.tsx';
import { ProjectConfigurationTab } from '../configuration/ProjectConfigurationTab.tsx';
import { ProjectEvmTab } from '../dashboards/ProjectEvmTab.tsx';
import { ProjectDocumentsTab } from '../documents/ProjectDocumentsTab.tsx';
import { ProjectForecastTab } from '../forecast/ProjectForecastTab.tsx';
import { OperatingModelBadge } from '../governance/OperatingModelBadge.tsx';
import { ProjectLifecycleTab } from '../governance/ProjectLifecycleTab.tsx';
import { ProjectQualityTab } from '../quality/ProjectQualityTab.tsx';
import { ProjectChangesTab } from '../raid/ProjectChangesTab.tsx';
import { ProjectRaidTab } from '../raid/ProjectRaidTab.tsx';
import { ProjectResourcingTab } from '../resources/ProjectResourcingTab.tsx';
import { ScheduleTab } from '../schedule/ScheduleTab.tsx';
import { ProjectCommunicationsTab } from '../stakeholders/ProjectCommunicationsTab.tsx';
import { ProjectStakeholdersTab } from '../stakeholders/ProjectStakeholdersTab.tsx';
import { ProjectComplianceTab } from '../standards/ProjectComplianceTab.tsx';
import { ProjectStatusTab } from '../status-reports/ProjectStatusTab.tsx';
import { LifecycleActions } from './LifecycleActions.tsx';
import { ProjectEditor } from './ProjectEditor.tsx';
import { ProjectHistory } from './ProjectHistory.tsx';
import { ProjectOverview } from './ProjectOverview.tsx';

type TabId =
  | 'overview'
  | 'schedule'
  | 'resourcing'
  | 'lifecycle'
  | 'documents'
  | 'quality'
  | 'compliance'
  | 'status'
  | 'evm'
  | 'forecast'
  | 'raid'
  | 'changes'
  | 'stakeholders'
  | 'communications'
  | 'configuration'
  | 'edit'
  | 'history';

export function ProjectDetailPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { can } = useSession();
  const canEdit = can('project.update');
  const requested = params.get('tab');
  const tab: TabId =
    requested === 'history'
      ? 'history'
      : requested === 'schedule'
        ? 'schedule'
        : requested === 'resourcing' && can('resource.read')
          ? 'resourcing'
          : requested === 'lifecycle' ||
              requested === 'documents' ||
              requested === 'quality' ||
              requested === 'compliance' ||
              requested === 'status' ||
              requested === 'evm' ||
              requested === 'forecast' ||
              requested === 'raid' ||
              requested === 'changes' ||
              requested === 'stakeholders' ||
              requested === 'communications' ||
              requested === 'configuration'
            ? requested
            : requested === 'edit' && canEdit
              ? 'edit'
              : 'overview';
  const setTab = (next: TabId) => {
    const p = new URLSearchParams(params);
    if (next === 'overview') p.delete('tab');
    else p.set('tab', next);
    if (next !== 'schedule') for (const key of ['zoom', 'view', 'baseline']) p.delete(key);
    if (next !== 'status') p.delete('period');
    if (next !== 'forecast') for (const key of ['iterations', 'seed']) p.delete(key);
    setParams(p, { replace: false });
  };

  const query = useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: ({ signal }) => fetchProject(id, signal),
  });

  if (query.isPending) return <LoadingState label="Loading project…" />;
  if (query.isError) {
    if (isApiProblem(query.error, 404) || isApiProblem(query.error, 400)) {
      return (
        <div className="page">
          <EmptyState
            title="Project not found"
            actions={<ButtonLink to="/projects">Back to projects</ButtonLink>}
          >
            It may have been deleted, or the link is wrong.
          </EmptyState>
        </div>
      );
    }
    return (
      <div className="page">
        <ErrorState error={query.error} title="Could not load the project" onRetry={() => query.refetch()} />
      </div>
    );
  }
  const project = query.data;
  const tabs: { id: TabId; label: string }[] = [
    { id: 'overview', label: 'Overview' },
    { id: 'schedule', label: 'Schedule' },
    ...(can('resource.read') ? [{ id: 'resourcing' as const, label: 'Resourcing' }] : []),
    { id: 'lifecycle', label: 'Lifecycle' },
    { id: 'documents', label: 'Documents' },
    { id: 'quality', label: 'Quality' },
    { id: 'compliance', label: 'Compliance' },
    { id: 'status', label: 'Status' },
    { id: 'evm', label: 'Earned value' },
    { id: 'forecast', label: 'Forecast' },
    { id: 'raid', label: 'RAID' },
    { id: 'changes', label: 'Changes' },
    { id: 'stakeholders', label: 'Stakeholders' },
    { id: 'communications', label: 'Communications' },
    { id: 'configuration', label: 'Configuration' },
    ...(canEdit ? [{ id: 'edit' as const, label: 'Edit' }] : []),
    { id: 'history', label: 'History' },
  ];

  return (
    <div className="page">
      <PageHeader
        documentTitle={`${project.code} ${project.name}`}
        eyebrow={
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link to="/projects">Projects</Link>
            <span aria-hidden="true">/</span>
            <span className="mono">{project.code}</span>
          </nav>
        }
        title={
          <span className="title-with-badge">
            {project.name}
            <StatusBadge status={project.status} />
          </span>
        }
        subtitle={
          <span className="title-with-badge">
            <span>
              {project.status === 'cancelled' && project.statusReason
                ? `Cancelled: ${project.statusReason}`
                : [project.orgUnitName, project.portfolioName, project.programName]
                    .filter(Boolean)
                    .join(' · ')}
            </span>
            <OperatingModelBadge projectId={project.id} />
          </span>
        }
        actions={<LifecycleActions project={project} />}
      />
      <Tabs idBase="project" label="Project sections" items={tabs} value={tab} onChange={setTab} />
      <TabPanel idBase="project" id={tab}>
        {tab === 'overview' && <ProjectOverview project={project} />}
        {tab === 'schedule' && <ScheduleTab key={project.id} project={project} />}
        {tab === 'resourcing' && <ProjectResourcingTab key={project.id} projectId={project.id} />}
        {tab === 'lifecycle' && (
          <ProjectLifecycleTab key={project.id} projectId={project.id} projectName={project.name} />
        )}
        {tab === 'documents' && <ProjectDocumentsTab key={project.id} project={project} />}
        {tab === 'quality' && <ProjectQualityTab key={project.id} project={project} />}
        {tab === 'compliance' && <ProjectComplianceTab key={project.id} project={project} />}
        {tab === 'status' && <ProjectStatusTab key={project.id} project={project} />}
        {tab === 'evm' && <ProjectEvmTab key={project.id} project={project} />}
        {tab === 'forecast' && <ProjectForecastTab key={project.id} project={project} />}
        {tab === 'raid' && <ProjectRaidTab key={project.id} project={project} />}
        {tab === 'changes' && <ProjectChangesTab key={project.id} project={project} />}
        {tab === 'stakeholders' && <ProjectStakeholdersTab key={project.id} project={project} />}
        {tab === 'communications' && <ProjectCommunicationsTab key={project.id} project={project} />}
        {tab === 'configuration' && <ProjectConfigurationTab key={project.id} project={project} />}
        {tab === 'edit' && (
          <ProjectEditor key={project.id} project={project} onDone={() => setTab('overview')} />
        )}
        {tab === 'history' && <ProjectHistory project={project} />}
      </TabPanel>
    </div>
  );
}
