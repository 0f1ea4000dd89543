import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { AuditLogPage } from '../features/audit/AuditLogPage.tsx';
import { AuditDetailPage } from '../features/audits/AuditDetailPage.tsx';
import { AuditsPage } from '../features/audits/AuditsPage.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { CompliancePage } from '../features/compliance/CompliancePage.tsx';
import { ConfigurationPage } from '../features/configuration/ConfigurationPage.tsx';
import { CustomFieldsPage } from '../features/custom-fields/CustomFieldsPage.tsx';
import { EvmPage } from '../features/dashboards/EvmPage.tsx';
import { KpisPage } from '../features/dashboards/KpisPage.tsx';
import { PortfolioDashboardPage } from '../features/dashboards/PortfolioDashboardPage.tsx';
import { ScorecardPage } from '../features/dashboards/ScorecardPage.tsx';
import { ReportSchedulesPage } from '../features/delivery/ReportSchedulesPage.tsx';
import { ClearinghousePage } from '../features/documents/ClearinghousePage.tsx';
import { PortfolioForecastPage } from '../features/forecast/PortfolioForecastPage.tsx';
import { GateReviewsPage } from '../features/governance/GateReviewsPage.tsx';
import { HealthRulesPage } from '../features/governance/HealthRulesPage.tsx';
import { LifecycleTemplatesPage } from '../features/governance/LifecycleTemplatesPage.tsx';
import { PoliciesPage } from '../features/governance/PoliciesPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { NotFoundPage } from '../features/home/NotFoundPage.tsx';
import { NotificationsPage } from '../features/notifications/NotificationsPage.tsx';
import { OrganisationPage } from '../features/org/OrganisationPage.tsx';
import { ProposalCreatePage } from '../features/portfolio/proposals/ProposalCreatePage.tsx';
import { ProposalDetailPage } from '../features/portfolio/proposals/ProposalDetailPage.tsx';
import { ProposalListPage } from '../features/portfolio/proposals/ProposalListPage.tsx';
import { ReviewPage } from '../features/portfolio/review/ReviewPage.tsx';
import { ScenarioComparePage } from '../features/portfolio/scenarios/ScenarioComparePage.tsx';
import { ScenarioDetailPage } from '../features/portfolio/scenarios/ScenarioDetailPage.tsx';
import { ScenarioListPage } from '../features/portfolio/scenarios/ScenarioListPage.tsx';
import { ScoringPage } from '../features/portfolio/scoring/ScoringPage.tsx';
import { StrategyPage } from '../features/portfolio/strategy/StrategyPage.tsx';
import { ProjectCreatePage } from '../features/projects/ProjectCreatePage.tsx';
import { ProjectDetailPage } from '../features/projects/ProjectDetailPage.tsx';
import { ProjectListPage } from '../features/projects/ProjectListPage.tsx';
import { LessonsPage } from '../features/quality/LessonsPage.tsx';
import { QualityStandardsPage } from '../features/quality/QualityStandardsPage.tsx';
import { ChangeRequestsPage } from '../features/raid/ChangeRequestsPage.tsx';
import { GovernanceSettingsPage } from '../features/raid/GovernanceSettingsPage.tsx';
import { IssuesPage } from '../features/raid/IssuesPage.tsx';
import { RiskDetailPage } from '../features/raid/RiskDetailPage.tsx';
import { RiskRegisterPage } from '../features/raid/RiskRegisterPage.tsx';
import { PortfolioPackPage } from '../features/reports/PortfolioPackPage.tsx';
import { AvailabilityPage } from '../features/resources/AvailabilityPage.tsx';
import { CapacityPage } from '../features/resources/CapacityPage.tsx';
import { ResourceDetailPage } from '../features/resources/ResourceDetailPage.tsx';
import { ResourcePoolPage } from '../features/resources/ResourcePoolPage.tsx';
import { StaffingPage } from '../features/resources/StaffingPage.tsx';
import { RoadmapPage } from '../features/schedule/RoadmapPage.tsx';
import { CommunicationsPage } from '../features/stakeholders/CommunicationsPage.tsx';
import { StakeholdersPage } from '../features/stakeholders/StakeholdersPage.tsx';
import { ChecklistPage } from '../features/standards/ChecklistPage.tsx';
import { StandardPage } from '../features/standards/StandardPage.tsx';
import { StandardsPage } from '../features/standards/StandardsPage.tsx';
import { StatusOverviewPage } from '../features/status-reports/StatusOverviewPage.tsx';
import { StatusReportPage } from '../features/status-reports/StatusReportPage.tsx';
import { ApprovalsPage } from '../features/timesheets/ApprovalsPage.tsx';
import { ReconciliationPage } from '../features/timesheets/ReconciliationPage.tsx';
import { TimesheetPage } from '../features/timesheets/TimesheetPage.tsx';
import { UserDetailPage } from '../features/users/UserDetailPage.tsx';
import { UsersPage } from '../features/users/UsersPage.tsx';
import { AppLayout } from './AppLayout.tsx';
import { RequireAction, RequireAuth } from './RequireAuth.tsx';

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/sign-in', element: <SignInPage /> },
    {
      path: '/',
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      children: [
        { index: true, element: <HomePage /> },
        { path: 'projects', element: <ProjectListPage /> },
        {
          path: 'projects/new',
          element: (
            <RequireAction action="project.create">
              <ProjectCreatePage />
            </RequireAction>
          ),
        },
        { path: 'projects/:id', element: <ProjectDetailPage /> },
        { path: 'roadmap', element: <RoadmapPage /> },
        { path: 'portfolio/proposals', element: <ProposalListPage /> },
        {
          path: 'portfolio/proposals/new',
          element: (
            <RequireAction action="proposal.create">
              <ProposalCreatePage />
            </RequireAction>
          ),
        },
        { path: 'portfolio/proposals/:id', element: <ProposalDetailPage /> },
        { path: 'portfolio/scoring', element: <ScoringPage /> },
        { path: 'portfolio/strategy', element: <StrategyPage /> },
        { path: 'portfolio/scenarios', element: <ScenarioListPage /> },
        { path: 'portfolio/scenarios/compare', element: <ScenarioComparePage /> },
        { path: 'portfolio/scenarios/:id', element: <ScenarioDetailPage /> },
        { path: 'portfolio/review', element: <ReviewPage /> },
        { path: 'risks', element: <RiskRegisterPage /> },
        { path: 'risks/:id', element: <RiskDetailPage /> },
        { path: 'issues', element: <IssuesPage /> },
        { path: 'change-requests', element: <ChangeRequestsPage /> },
        { path: 'gate-reviews', element: <GateReviewsPage /> },
        { path: 'governance/templates', element: <LifecycleTemplatesPage /> },
        { path: 'governance/policies', element: <PoliciesPage /> },
        { path: 'governance/health-rules', element: <HealthRulesPage /> },
        { path: 'governance/standards', element: <StandardsPage /> },
        { path: 'governance/standards/:id', element: <StandardPage /> },
        { path: 'governance/checklist', element: <ChecklistPage /> },
        { path: 'audits', element: <AuditsPage /> },
        { path: 'quality', element: <QualityStandardsPage /> },
        { path: 'lessons', element: <LessonsPage /> },
        { path: 'audits/:id', element: <AuditDetailPage /> },
        { path: 'compliance', element: <CompliancePage /> },
        { path: 'stakeholders', element: <StakeholdersPage /> },
        { path: 'communications', element: <CommunicationsPage /> },
        { path: 'configuration', element: <ConfigurationPage /> },
        { path: 'reporting/status', element: <StatusOverviewPage /> },
        { path: 'reporting/forecast', element: <PortfolioForecastPage /> },
        { path: 'dashboards/portfolio', element: <PortfolioDashboardPage /> },
        { path: 'dashboards/scorecard', element: <ScorecardPage /> },
        { path: 'dashboards/kpis', element: <KpisPage /> },
        { path: 'dashboards/evm', element: <EvmPage /> },
        { path: 'reporting/pack', element: <PortfolioPackPage /> },
        { path: 'reporting/schedules', element: <ReportSchedulesPage /> },
        { path: 'notifications', element: <NotificationsPage /> },
        { path: 'status-reports/:id', element: <StatusReportPage /> },
        { path: 'documents', element: <ClearinghousePage /> },
        {
          path: 'governance/settings',
          element: (
            <RequireAction action="governance.manage">
              <GovernanceSettingsPage />
            </RequireAction>
          ),
        },
        {
          path: 'resources',
          element: (
            <RequireAction action="resource.read">
              <ResourcePoolPage />
            </RequireAction>
          ),
        },
        {
          path: 'resources/:id',
          element: (
            <RequireAction action="resource.read">
              <ResourceDetailPage />
            </RequireAction>
          ),
        },
        {
          path: 'capacity',
          element: (
            <RequireAction action="resource.read">
              <CapacityPage />
            </RequireAction>
          ),
        },
        {
          path: 'availability',
          element: (
            <RequireAction action="resource.read">
              <AvailabilityPage />
            </RequireAction>
          ),
        },
        {
          path: 'staffing',
          element: (
            <RequireAction action="resource.manage">
              <StaffingPage />
            </RequireAction>
          ),
        },
        {
          path: 'reconciliation',
          element: (
            <RequireAction action="resource.read">
              <ReconciliationPage />
            </RequireAction>
          ),
        },
        {
          path: 'timesheets',
          element: (
            <RequireAction action="timesheet.log">
              <TimesheetPage />
            </RequireAction>
          ),
        },
        {
          path: 'timesheets/approvals',
          element: (
            <RequireAction action="timesheet.approve">
              <ApprovalsPage />
            </RequireAction>
          ),
        },
        { path: 'organisation', element: <OrganisationPage /> },
        {
          path: 'users',
          element: (
            <RequireAction action="user.manage">
              <UsersPage />
            </RequireAction>
          ),
        },
        {
          path: 'users/:id',
          element: (
            <RequireAction action="user.manage">
              <UserDetailPage />
            </RequireAction>
          ),
        },
        {
          path: 'custom-fields',
          element: (
            <RequireAction action="customfield.manage">
              <CustomFieldsPage />
            </RequireAction>
          ),
        },
        {
          path: 'audit',
          element: (
            <RequireAction action="journal.read">
              <AuditLogPage />
            </RequireAction>
          ),
        },
        { path: 'account', element: <AccountPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
