import type { Action } from '@baton/core';
import { NavLink } from 'react-router';
import { HierarchyTree } from './HierarchyTree.tsx';
import { useSession } from './session-context.ts';

type Item = { to: string; label: string; icon: string; action?: Action; end?: boolean };

const MAIN: readonly Item[] = [
  { to: '/', label: 'Home', icon: '⌂', end: true },
  { to: '/projects', label: 'Projects', icon: '▦', end: true },
  { to: '/roadmap', label: 'Roadmap', icon: '☷' },
  { to: '/timesheets', label: 'My timesheet', icon: '◷', action: 'timesheet.log', end: true },
  { to: '/timesheets/approvals', label: 'Approvals', icon: '✓', action: 'timesheet.approve' },
];

const PORTFOLIO: readonly Item[] = [
  { to: '/portfolio/proposals', label: 'Proposals', icon: '✎' },
  { to: '/portfolio/scoring', label: 'Scoring', icon: '◔' },
  { to: '/portfolio/scenarios', label: 'Scenarios', icon: '⚗' },
  { to: '/portfolio/review', label: 'Portfolio review', icon: '⚑' },
  { to: '/portfolio/strategy', label: 'Strategy', icon: '◎' },
];

const REPORTING: readonly Item[] = [
  { to: '/dashboards/portfolio', label: 'Portfolio dashboard', icon: '◧' },
  { to: '/dashboards/scorecard', label: 'Scorecard', icon: '★' },
  { to: '/dashboards/kpis', label: 'KPIs', icon: '↗' },
  { to: '/dashboards/evm', label: 'Earned value', icon: '∿' },
];

const GOVERNANCE: readonly Item[] = [
  { to: '/risks', label: 'Risk register', icon: '⚠' },
  { to: '/issues', label: 'Issues', icon: '✱' },
  { to: '/change-requests', label: 'Change requests', icon: '⇆' },
  { to: '/gate-reviews', label: 'Gate reviews', icon: '⚐' },
  { to: '/governance/templates', label: 'Lifecycle templates', icon: '☰' },
  { to: '/governance/policies', label: 'PMO policies', icon: '⚑' },
  { to: '/governance/health-rules', label: 'Health rules', icon: '♥' },
  { to: '/governance/standards', label: 'PMO standards', icon: '§' },
  { to: '/governance/checklist', label: 'Compliance checklist', icon: '☑' },
  { to: '/audits', label: 'Audits and reviews', icon: '⌕' },
  { to: '/quality', label: 'Quality standards', icon: '◈' },
  { to: '/lessons', label: 'Lessons learned', icon: '✎' },
  { to: '/documents', label: 'Clearinghouse', icon: '❐' },
  { to: '/compliance', label: 'Compliance', icon: '✔' },
  { to: '/stakeholders', label: 'Stakeholders', icon: '☺' },
  { to: '/communications', label: 'Communications', icon: '✉' },
  { to: '/configuration', label: 'Configuration', icon: '⚙' },
  { to: '/reporting/status', label: 'Status reports', icon: '◑' },
  { to: '/reporting/forecast', label: 'Forecasts', icon: '◔' },
  { to: '/reporting/pack', label: 'Portfolio pack', icon: '▤' },
  { to: '/reporting/schedules', label: 'Scheduled reports', icon: '◷', action: 'governance.manage' },
  { to: '/governance/settings', label: 'Governance settings', icon: '⊙', action: 'governance.manage' },
];

const RESOURCES: readonly Item[] = [
  { to: '/resources', label: 'Resource pool', icon: '☻', action: 'resource.read' },
  { to: '/capacity', label: 'Capacity', icon: '▤', action: 'resource.read' },
  { to: '/availability', label: 'Availability', icon: '⌕', action: 'resource.read' },
  { to: '/staffing', label: 'Staffing', icon: '⇄', action: 'resource.manage' },
  { to: '/reconciliation', label: 'Reconciliation', icon: '⚖', action: 'resource.read' },
];

const ADMIN: readonly Item[] = [
  { to: '/organisation', label: 'Organisation', icon: '⌬' },
  { to: '/users', label: 'Users & roles', icon: '☺', action: 'user.manage' },
  { to: '/custom-fields', label: 'Custom fields', icon: '⊞', action: 'customfield.manage' },
  { to: '/audit', label: 'Audit log', icon: '☰', action: 'journal.read' },
  { to: '/account', label: 'My account', icon: '⚙' },
];

function NavItem({ item }: { item: Item }) {
  return (
    <li>
      <NavLink className="navlink" to={item.to} end={item.end ?? false}>
        <span className="navlink__icon" aria-hidden="true">
          {item.icon}
        </span>
        {item.label}
      </NavLink>
    </li>
  );
}

export function SideNav({ open }: { open: boolean }) {
  const { can } = useSession();
  return (
    <nav className={open ? 'sidenav is-open' : 'sidenav'} aria-label="Main" id="main-nav">
      <div className="sidenav__section">
        <ul>
          {MAIN.filter((item) => !item.action || can(item.action)).map((item) => (
            <NavItem key={item.to} item={item} />
          ))}
        </ul>
      </div>
      <div className="sidenav__section">
        <h2 className="sidenav__heading" id="nav-reporting">
          Reporting
        </h2>
        <ul aria-labelledby="nav-reporting">
          {REPORTING.map((item) => (
            <NavItem key={item.to} item={item} />
          ))}
        </ul>
      </div>
      <div className="sidenav__section">
        <h2 className="sidenav__heading" id="nav-portfolio">
          Portfolio management
        </h2>
        <ul aria-labelledby="nav-portfolio">
          {PORTFOLIO.map((item) => (
            <NavItem key={item.to} item={item} />
          ))}
        </ul>
      </div>
      <div className="sidenav__section">
        <h2 className="sidenav__heading" id="nav-governance">
          Governance
        </h2>
        <ul aria-labelledby="nav-governance">
          {GOVERNANCE.filter((item) => !item.action || can(item.action)).map((item) => (
            <NavItem key={item.to} item={item} />
          ))}
        </ul>
      </div>
      {RESOURCES.some((item) => !item.action || can(item.action)) && (
        <div className="sidenav__section">
          <h2 className="sidenav__heading" id="nav-resources">
            Resources
          </h2>
          <ul aria-labelledby="nav-resources">
            {RESOURCES.filter((item) => !item.action || can(item.action)).map((item) => (
              <NavItem key={item.to} item={item} />
            ))}
          </ul>
        </div>
      )}
      <HierarchyTree />
      <div className="sidenav__section">
        <h2 className="sidenav__heading" id="nav-admin">
          Workspace
        </h2>
        <ul aria-labelledby="nav-admin">
          {ADMIN.filter((item) => !item.action || can(item.action)).map((item) => (
            <NavItem key={item.to} item={item} />
          ))}
        </ul>
      </div>
    </nav>
  );
}
