import {
  CreateOrgUnitBody,
  CreatePortfolioBody,
  CreateProgramBody,
  IdParams,
  Ok,
  OrgUnit,
  OrgUnitList,
  Portfolio,
  PortfolioList,
  Program,
  ProgramList,
  ProgramListQuery,
  UpdateOrgUnitBody,
  UpdatePortfolioBody,
  UpdateProgramBody,
} from '@baton/contracts';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

export function registerOrgRoutes(r: RouteRegistrar, s: Services): void {
  const units = ['Org units'];
  r.add({
    method: 'GET',
    url: '/api/v1/org-units',
    cache: true,
    summary: 'The PMO hierarchy: every org unit with its parent',
    tags: units,
    schema: { response: { 200: OrgUnitList } },
    handler: async (_req, _reply, actor) => ({ items: await s.org.listOrgUnits(actor) }),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/org-units',
    summary: 'Create an org unit beneath a parent (the first one is the enterprise PMO)',
    tags: units,
    status: 201,
    schema: { body: CreateOrgUnitBody, response: { 201: OrgUnit } },
    handler: async (req, _reply, actor) => s.org.createOrgUnit(actor, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/org-units/:id',
    summary: 'One org unit',
    tags: units,
    schema: { params: IdParams, response: { 200: OrgUnit } },
    handler: async (req, _reply, actor) => s.org.getOrgUnit(req.params.id, actor),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/org-units/:id',
    summary: 'Rename or move an org unit',
    tags: units,
    schema: { params: IdParams, body: UpdateOrgUnitBody, response: { 200: OrgUnit } },
    handler: async (req, _reply, actor) => s.org.updateOrgUnit(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/org-units/:id',
    summary: 'Delete an empty org unit',
    tags: units,
    schema: { params: IdParams, response: { 200: Ok } },
    handler: async (req, _reply, actor) => {
      await s.org.deleteOrgUnit(actor, req.params.id);
      return { ok: true as const };
    },
  });

  const pf = ['Portfolios'];
  r.add({
    method: 'GET',
    url: '/api/v1/portfolios',
    cache: true,
    summary: 'Every portfolio',
    tags: pf,
    schema: { response: { 200: PortfolioList } },
    handler: async (_req, _reply, actor) => ({ items: await s.org.listPortfolios(actor) }),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/portfolios',
    summary: 'Create a portfolio in an org unit',
    tags: pf,
    status: 201,
    schema: { body: CreatePortfolioBody, response: { 201: Portfolio } },
    handler: async (req, _reply, actor) => s.org.createPortfolio(actor, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/portfolios/:id',
    summary: 'One portfolio',
    tags: pf,
    schema: { params: IdParams, response: { 200: Portfolio } },
    handler: async (req, _reply, actor) => s.org.getPortfolio(req.params.id, actor),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/portfolios/:id',
    summary: 'Change a portfolio',
    tags: pf,
    schema: { params: IdParams, body: UpdatePortfolioBody, response: { 200: Portfolio } },
    handler: async (req, _reply, actor) => s.org.updatePortfolio(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/portfolios/:id',
    summary: 'Delete an empty portfolio',
    tags: pf,
    schema: { params: IdParams, response: { 200: Ok } },
    handler: async (req, _reply, actor) => {
      await s.org.deletePortfolio(actor, req.params.id);
      return { ok: true as const };
    },
  });

  const pg = ['Programs'];
  r.add({
    method: 'GET',
    url: '/api/v1/programs',
    cache: true,
    summary: 'Programs, optionally of one portfolio',
    tags: pg,
    schema: { querystring: ProgramListQuery, response: { 200: ProgramList } },
    handler: async (req, _reply, actor) => ({
      items: await s.org.listPrograms(req.query.portfolioId, actor),
    }),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/programs',
    summary: 'Create a program in a portfolio',
    tags: pg,
    status: 201,
    schema: { body: CreateProgramBody, response: { 201: Program } },
    handler: async (req, _reply, actor) => s.org.createProgram(actor, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/programs/:id',
    summary: 'One program',
    tags: pg,
    schema: { params: IdParams, response: { 200: Program } },
    handler: async (req, _reply, actor) => s.org.getProgram(req.params.id, actor),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/programs/:id',
    summary: 'Change a program',
    tags: pg,
    schema: { params: IdParams, body: UpdateProgramBody, response: { 200: Program } },
    handler: async (req, _reply, actor) => s.org.updateProgram(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/programs/:id',
    summary: 'Delete an empty program',
    tags: pg,
    schema: { params: IdParams, response: { 200: Ok } },
    handler: async (req, _reply, actor) => {
      await s.org.deleteProgram(actor, req.params.id);
      return { ok: true as const };
    },
  });
}
