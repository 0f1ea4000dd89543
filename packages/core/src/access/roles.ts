/** Roles a user can be granted; each grant is held at a scope. */
export const ROLES = [
  'admin',
  'pmo_director',
  'pmo_analyst',
  'portfolio_manager',
  'resource_manager',
  'project_manager',
  'team_member',
  'sponsor',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: 'Administrator',
  pmo_director: 'PMO director',
  pmo_analyst: 'PMO analyst',
  portfolio_manager: 'Portfolio manager',
  resource_manager: 'Resource manager',
  project_manager: 'Project manager',
  team_member: 'Team member',
  sponsor: 'Sponsor',
  viewer: 'Viewer',
};

/** Where a grant applies: the whole organisation, or one org unit (and everything beneath it), portfolio or project. */
export const SCOPE_TYPES = ['organisation', 'org_unit', 'portfolio', 'project'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

/** Everything a role may be allowed to do. Routes name one of these in the permission table. */
export const ACTIONS = [
  'org.manage',
  'portfolio.manage',
  'project.read',
  'project.create',
  'project.update',
  'project.approve',
  'project.delete',
  'user.read',
  'user.manage',
  'customfield.manage',
  'journal.read',
  'resource.read',
  'resource.manage',
  'allocation.manage',
  'timesheet.log',
  'timesheet.approve',
  'proposal.create',
  'strategy.manage',
  'change.approve',
  'governance.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

const READ: readonly Action[] = ['project.read', 'user.read', 'resource.read'];
const EDIT: readonly Action[] = [...READ, 'project.create', 'project.update'];

/** The role → actions table. Every route's permission resolves through it. */
export const ROLE_ACTIONS: Readonly<Record<Role, readonly Action[]>> = {
  admin: ACTIONS,
  pmo_director: [
    ...EDIT,
    'project.approve',
    'project.delete',
    'org.manage',
    'portfolio.manage',
    'customfield.manage',
    'journal.read',
    'resource.manage',
    'allocation.manage',
    'timesheet.log',
    'timesheet.approve',
    'proposal.create',
    'strategy.manage',
    'change.approve',
    'governance.manage',
  ],
  pmo_analyst: [...EDIT, 'customfield.manage', 'timesheet.log', 'proposal.create'],
  portfolio_manager: [
    ...EDIT,
    'project.approve',
    'portfolio.manage',
    'allocation.manage',
    'timesheet.log',
    'proposal.create',
    'change.approve',
  ],
  // Resource managers own the pool and who works where; they change no plan but their people's.
  resource_manager: [...READ, 'resource.manage', 'allocation.manage', 'timesheet.log'],
  project_manager: [...EDIT, 'allocation.manage', 'timesheet.log', 'timesheet.approve', 'proposal.create'],
  team_member: [...READ, 'timesheet.log'],
  // Sponsors sit on the change board.
  sponsor: [...READ, 'project.approve', 'proposal.create', 'change.approve'],
  viewer: READ,
};

/** True when the role carries the action, wherever it is granted. */
export function roleAllows(role: Role, action: Action): boolean {
  return ROLE_ACTIONS[role].includes(action);
}
