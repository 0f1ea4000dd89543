import type {
  ApiToken as ApiTokenSchema,
  ChangePasswordBody as ChangePasswordBodySchema,
  CreateApiTokenBody as CreateApiTokenBodySchema,
  CreateCustomFieldBody as CreateCustomFieldBodySchema,
  CreatedApiToken as CreatedApiTokenSchema,
  CreateOrgUnitBody as CreateOrgUnitBodySchema,
  CreatePortfolioBody as CreatePortfolioBodySchema,
  CreateProgramBody as CreateProgramBodySchema,
  CreateProjectBody as CreateProjectBodySchema,
  CreateUserBody as CreateUserBodySchema,
  CustomField as CustomFieldSchema,
  GrantInput as GrantInputSchema,
  JournalEntry as JournalEntrySchema,
  OrgUnit as OrgUnitSchema,
  Portfolio as PortfolioSchema,
  Program as ProgramSchema,
  Project as ProjectSchema,
  ProjectSummary as ProjectSummarySchema,
  SessionInfo as SessionInfoSchema,
  TransitionBody as TransitionBodySchema,
  UpdateCustomFieldBody as UpdateCustomFieldBodySchema,
  UpdateOrgUnitBody as UpdateOrgUnitBodySchema,
  UpdatePortfolioBody as UpdatePortfolioBodySchema,
  UpdateProgramBody as UpdateProgramBodySchema,
  UpdateProjectBody as UpdateProjectBodySchema,
  UpdateUserBody as UpdateUserBodySchema,
  User as UserSchema,
} from '@baton/contracts';

/** What a contract schema parses into (responses). */
type Out<T extends { _output: unknown }> = T['_output'];
/** What a contract schema accepts (request bodies, before defaults). */
type In<T extends { _input: unknown }> = T['_input'];

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type SessionInfo = Out<typeof SessionInfoSchema>;
export type Grant = SessionInfo['grants'][number];
export type ApiToken = Out<typeof ApiTokenSchema>;
export type CreatedApiToken = Out<typeof CreatedApiTokenSchema>;
export type CreateApiTokenBody = In<typeof CreateApiTokenBodySchema>;
export type ChangePasswordBody = In<typeof ChangePasswordBodySchema>;

export type Project = Out<typeof ProjectSchema>;
export type ProjectSummary = Out<typeof ProjectSummarySchema>;
export type CreateProjectBody = In<typeof CreateProjectBodySchema>;
export type UpdateProjectBody = In<typeof UpdateProjectBodySchema>;
export type TransitionBody = In<typeof TransitionBodySchema>;
export type JournalEntry = Out<typeof JournalEntrySchema>;

export type OrgUnit = Out<typeof OrgUnitSchema>;
export type Portfolio = Out<typeof PortfolioSchema>;
export type Program = Out<typeof ProgramSchema>;
export type CreateOrgUnitBody = In<typeof CreateOrgUnitBodySchema>;
export type UpdateOrgUnitBody = In<typeof UpdateOrgUnitBodySchema>;
export type CreatePortfolioBody = In<typeof CreatePortfolioBodySchema>;
export type UpdatePortfolioBody = In<typeof UpdatePortfolioBodySchema>;
export type CreateProgramBody = In<typeof CreateProgramBodySchema>;
export type UpdateProgramBody = In<typeof UpdateProgramBodySchema>;

export type CustomField = Out<typeof CustomFieldSchema>;
export type CreateCustomFieldBody = In<typeof CreateCustomFieldBodySchema>;
export type UpdateCustomFieldBody = In<typeof UpdateCustomFieldBodySchema>;

export type User = Out<typeof UserSchema>;
export type CreateUserBody = In<typeof CreateUserBodySchema>;
export type UpdateUserBody = In<typeof UpdateUserBodySchema>;
export type GrantInput = In<typeof GrantInputSchema>;

/** Filters of the project list and summary, as the URL carries them. */
export type ProjectFilters = {
  q?: string;
  status?: string[];
  priority?: string[];
  orgUnitId?: string;
  portfolioId?: string;
  programId?: string;
  managerId?: string;
  tag?: string;
};
