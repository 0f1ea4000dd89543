import type { Database } from '@baton/db';
import { ProblemError } from './http/problem.ts';
import { AccessRepository } from './modules/access/access.repository.ts';
import { AccessService } from './modules/access/access.service.ts';
import { AuditsRepository } from './modules/audits/audits.repository.ts';
import { AuditsService } from './modules/audits/audits.service.ts';
import { AuthRepository } from './modules/auth/auth.repository.ts';
import { AuthService, type SessionPolicy } from './modules/auth/auth.service.ts';
import { createConfigurationServices } from './modules/configuration/configuration.wiring.ts';
import { CustomFieldsRepository } from './modules/custom-fields/custom-fields.repository.ts';
import { CustomFieldsService } from './modules/custom-fields/custom-fields.service.ts';
import { createDashboardServices } from './modules/dashboards/dashboards.wiring.ts';
import { createDeliveryServices } from './modules/delivery/delivery.wiring.ts';
import { DocumentTemplatesService } from './modules/documents/document-templates.service.ts';
import { DocumentsRepository } from './modules/documents/documents.repository.ts';
import { type DocumentLimits, DocumentsService } from './modules/documents/documents.service.ts';
import { ForecastRepository } from './modules/forecast/forecast.repository.ts';
import { ForecastService } from './modules/forecast/forecast.service.ts';
import { ComplianceService } from './modules/governance/compliance.service.ts';
import { GovernanceRepository } from './modules/governance/governance.repository.ts';
import { GovernanceService } from './modules/governance/governance.service.ts';
import { OperatingModelRepository } from './modules/governance/operating-model.repository.ts';
import { OperatingModelService } from './modules/governance/operating-model.service.ts';
import { PolicyRepository } from './modules/governance/policy.repository.ts';
import { PolicyService } from './modules/governance/policy.service.ts';
import { JobsRepository } from './modules/jobs/jobs.repository.ts';
import { JobsService } from './modules/jobs/jobs.service.ts';
import { JournalRepository } from './modules/journal/journal.repository.ts';
import { HealthRulesRepository } from './modules/metrics/health-rules.repository.ts';
import { HealthRulesService } from './modules/metrics/health-rules.service.ts';
import { MetricsRepository } from './modules/metrics/metrics.repository.ts';
import { MetricsService } from './modules/metrics/metrics.service.ts';
import { OrgRepository } from './modules/org/org.repository.ts';
import { OrgService } from './modules/org/org.service.ts';
import { PortfolioRepository } from './modules/portfolio/portfolio.repository.ts';
import { ProposalsService } from './modules/portfolio/proposals.service.ts';
import { ReviewService } from './modules/portfolio/review.service.ts';
import { ScenariosService } from './modules/portfolio/scenarios.service.ts';
import { StrategyService } from './modules/portfolio/strategy.service.ts';
import { ProjectsRepository } from './modules/projects/projects.repository.ts';
import { ProjectsService } from './modules/projects/projects.service.ts';
import { DeliverablesService } from './modules/quality/deliverables.service.ts';
import { LessonsService } from './modules/quality/lessons.service.ts';
import { NonConformancesService } from './modules/quality/non-conformances.service.ts';
import { QualityRepository } from './modules/quality/quality.repository.ts';
import { QualityStandardsService } from './modules/quality/standards.service.ts';
import { ChangesService } from './modules/raid/changes.service.ts';
import { IssuesService } from './modules/raid/issues.service.ts';
import { RaidRepository } from './modules/raid/raid.repository.ts';
import { RisksService } from './modules/raid/risks.service.ts';
import { ReportsService } from './modules/reports/portfolio-pack.service.ts';
import { ReportsRepository } from './modules/reports/reports.repository.ts';
import { AllocationsService } from './modules/resources/allocations.service.ts';
import { AssignmentsService } from './modules/resources/assignments.service.ts';
import { CapacityService } from './modules/resources/capacity.service.ts';
import { LevellingService } from './modules/resources/levelling.service.ts';
import { ResourcesRepository } from './modules/resources/resources.repository.ts';
import { ResourcesService } from './modules/resources/resources.service.ts';
import { TimesheetsRepository } from './modules/resources/timesheets.repository.ts';
import { TimesheetsService } from './modules/resources/timesheets.service.ts';
import { ScheduleRepository } from './modules/schedule/schedule.repository.ts';
import { ScheduleService } from './modules/schedule/schedule.service.ts';
import { ScheduleAnalysisService } from './modules/schedule/schedule-analysis.service.ts';
import { ScheduleIoService } from './modules/schedule/schedule-io.service.ts';
import { TasksService } from './modules/schedule/tasks.service.ts';
import { createCommunicationServices } from './modules/stakeholders/communications.wiring.ts';
import { createStakeholderServices } from './modules/stakeholders/stakeholders.wiring.ts';
import { StandardsRepository } from './modules/standards/standards.repository.ts';
import { StandardsService } from './modules/standards/standards.service.ts';
import { StatusReportsRepository } from './modules/status-reports/status-reports.repository.ts';
import { StatusReportsService } from './modules/status-reports/status-reports.service.ts';
import { UsersRepository } from './modules/users/users.repository.ts';
import { UsersService } from './modules/users/users.service.ts';

export type Services = ReturnType<typeof createServices>;

/** Wires every service to its repository on one database. */
export function createServices(
  db: Database,
  policy: SessionPolicy,
  documentLimits: DocumentLimits = { maxBytes: 25 * 1_048_576 },
) {
  const journal = new JournalRepository();
  const access = new AccessService(new AccessRepository(db));
  const schedule = new ScheduleService(db, new ScheduleRepository(), journal);
  const tasks = new TasksService(schedule);
  const scheduleAnalysis = new ScheduleAnalysisService(schedule);
  const org = new OrgService(db, new OrgRepository(db), access, journal);
  const resourcesRepo = new ResourcesRepository(db);
  const timesheetsRepo = new TimesheetsRepository();
  const capacity = new CapacityService(db, resourcesRepo, timesheetsRepo, access, schedule);
  const allocations = new AllocationsService(db, resourcesRepo, access, capacity, journal);
  const projectsRepo = new ProjectsRepository(db);
  const portfolioRepo = new PortfolioRepository();
  const strategy = new StrategyService(db, portfolioRepo, journal);
  const proposals = new ProposalsService(db, portfolioRepo, projectsRepo, strategy, access, journal);
  const raidRepo = new RaidRepository();
  const governanceRepo = new GovernanceRepository();
  const operatingModelRepo = new OperatingModelRepository();
  const operatingModels = new OperatingModelService(db, operatingModelRepo);
  const governance = new GovernanceService(
    db,
    governanceRepo,
    projectsRepo,
    raidRepo,
    access,
    journal,
    operatingModels,
    operatingModelRepo,
  );
  const policies = new PolicyService(db, new PolicyRepository(), journal);
  const risks = new RisksService(db, raidRepo, projectsRepo, access, journal);
  const qualityRepo = new QualityRepository();
  const qualityStandards = new QualityStandardsService(db, qualityRepo, raidRepo, access, journal);
  // The gate deliverables of the project's lifecycle, for documents that evidence one.
  const gateDeliverables = async (projectId: string) => {
    const lifecycle = await governance.lifecycle(projectId).catch((e: unknown) => {
      if (e instanceof ProblemError && e.status === 404) return null;
      throw e;
    });
    if (!lifecycle) return null;
    return new Map(lifecycle.phases.map((p) => [p.key, new Set(p.gate.deliverables.map((d) => d.key))]));
  };
  const documents = new DocumentsService(
    db,
    new DocumentsRepository(),
    projectsRepo,
    raidRepo,
    access,
    journal,
    gateDeliverables,
    documentLimits,
  );
  const audits = new AuditsService(db, new AuditsRepository(), raidRepo, projectsRepo, access, journal);
  const compliance = new ComplianceService(db, governanceRepo, access, policies);
  compliance.connectFindings(() => audits.openFindingsByProject());
  const standards = new StandardsService(
    db,
    new StandardsRepository(),
    raidRepo,
    projectsRepo,
    access,
    journal,
  );
  compliance.connectChecklist(() => standards.checklistCounts());
  const statusReports = new StatusReportsService(
    db,
    new StatusReportsRepository(),
    governanceRepo,
    raidRepo,
    policies,
    access,
    journal,
  );
  compliance.connectStatusReports(() => statusReports.dueReports());
  const metrics = new MetricsService(db, new MetricsRepository(), raidRepo, risks);
  const healthRules = new HealthRulesService(db, new HealthRulesRepository(), journal);
  metrics.connectRules((projectId) => healthRules.forProject(projectId));
  metrics.connectOverAllocation(async (projectId, from, to) => {
    const report = await capacity.report({
      from,
      to,
      granularity: 'week',
      groupBy: 'resource',
      projectId,
      includeTentative: 'false',
    });
    return new Set(
      report.overAllocations.filter((o) => o.projectIds.includes(projectId)).map((o) => o.resourceId),
    ).size;
  });
  statusReports.connectHealth(async (projectId, asOf) => {
    const { health, facts, evm } = await metrics.health(projectId, asOf, true);
    return { computed: health, figures: { ...facts, ...evm } };
  });
  const projects = new ProjectsService(db, projectsRepo, access, journal);
  projects.connectOperatingModel((projectId) => operatingModels.forProject(projectId));
  governance.connect({
    policy: (projectId) => policies.forProject(projectId),
    documents: (projectId) => documents.presentDeliverables(projectId),
    compliance: async (projectId) => {
      const { rules, project } = await compliance.forProject(projectId);
      const title = new Map(rules.map((r) => [r.key, r.title]));
      return (project?.results ?? []).map((r) => ({ ...r, title: title.get(r.rule) ?? r.rule }));
    },
  });
  const jobs = new JobsService(db, new JobsRepository(), access);
  const deliveryServices = createDeliveryServices({ db, access, jobs, statusReports, policies, journal });
  const dashboardServices = createDashboardServices({ db, access, jobs, metrics, capacity });
  const stakeholderServices = createStakeholderServices({ db, access, projectsRepo, journal });
  const communicationServices = createCommunicationServices({ db, access, projectsRepo, journal });
  const changes = new ChangesService(db, raidRepo, projectsRepo, schedule, scheduleAnalysis, access, journal);
  const configurationServices = createConfigurationServices({ db, access, projectsRepo, journal, changes });
  // Registers the forecast.portfolio job handler with the queue.
  const reports = new ReportsService(db, new ReportsRepository(), access, metrics, statusReports);
  // Scheduled reports can deliver the portfolio pack (a unit's projects and those beneath it).
  deliveryServices.delivery.registerReportKind('portfolio-pack', {
    title: 'Portfolio pack',
    formats: ['csv', 'xlsx', 'pdf'],
    produce: async ({ format, orgUnitId }) => {
      const file = await reports.portfolioPackFile({ format: format as 'csv' | 'xlsx' | 'pdf', orgUnitId });
      return { fileName: file.fileName, contentType: file.contentType, bytes: file.bytes };
    },
  });
  const forecast = new ForecastService(db, new ForecastRepository(), schedule, risks, access, jobs);
  return {
    schedule,
    tasks,
    scheduleAnalysis,
    scheduleIo: new ScheduleIoService(schedule),
    db,
    journal,
    access,
    auth: new AuthService(db, new AuthRepository(db), access, journal, policy),
    users: new UsersService(db, new UsersRepository(db), access, journal),
    org,
    projects,
    customFields: new CustomFieldsService(db, new CustomFieldsRepository(db), journal),
    resources: new ResourcesService(db, resourcesRepo, access, org, journal),
    capacity,
    allocations,
    assignments: new AssignmentsService(db, resourcesRepo, schedule, journal),
    levelling: new LevellingService(
      db,
      resourcesRepo,
      access,
      capacity,
      allocations,
      schedule,
      scheduleAnalysis,
      tasks,
      journal,
    ),
    timesheets: new TimesheetsService(db, timesheetsRepo, resourcesRepo, access, schedule, journal),
    strategy,
    proposals,
    scenarios: new ScenariosService(db, portfolioRepo, projectsRepo, proposals, capacity, access, journal),
    review: new ReviewService(db, portfolioRepo, projectsRepo, access, journal),
    risks,
    issues: new IssuesService(db, raidRepo, projectsRepo, access, journal),
    changes,
    governance,
    operatingModels,
    compliance,
    audits,
    standards,
    statusReports,
    metrics,
    reports,
    healthRules,
    jobs,
    forecast,
    ...deliveryServices,
    ...dashboardServices,
    ...stakeholderServices,
    ...communicationServices,
    ...configurationServices,
    qualityStandards,
    deliverables: new DeliverablesService(
      db,
      qualityRepo,
      raidRepo,
      projectsRepo,
      qualityStandards,
      governance,
      access,
      journal,
    ),
    nonConformances: new NonConformancesService(db, qualityRepo, raidRepo, projectsRepo, access, journal),
    lessons: new LessonsService(db, qualityRepo, raidRepo, projectsRepo, access, journal),
    documents,
    policies,
    documentTemplates: new DocumentTemplatesService(() => risks.settings()),
  };
}
