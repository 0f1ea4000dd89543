import { IdParams, PortfolioPack, PortfolioPackQuery } from '@baton/contracts';
import type { FastifyReply } from 'fastify';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';
import type { ReportFile } from './portfolio-pack.service.ts';

function sendFile(reply: FastifyReply, file: ReportFile): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(Buffer.from(file.bytes));
}

export function registerReportRoutes(r: RouteRegistrar, s: Services): void {
  const tags = ['Reporting'];
  r.add({
    method: 'GET',
    url: '/api/v1/reports/portfolio',
    summary:
      'The portfolio pack: per project its computed health, SPI, CPI, EAC, budget, actual and forecast finish — as JSON, CSV, XLSX or PDF',
    tags,
    schema: { querystring: PortfolioPackQuery, response: { 200: PortfolioPack } },
    // JSON is sent as text; the files go out as bytes with their own content type.
    jsonBody: true,
    handler: async (req, reply, actor) => {
      const { format = 'json', ...filters } = req.query;
      if (format === 'json') return JSON.stringify(await s.reports.portfolioPack(actor, filters));
      return sendFile(reply, await s.reports.portfolioPackFile({ format, ...filters }, actor));
    },
  });
  r.add({
    method: 'GET',
    url: '/api/v1/status-reports/:id/pdf',
    summary: 'A status report as a PDF: narrative, reported against computed RAG, key figures, PMO review',
    tags: ['Status reports'],
    schema: { params: IdParams },
    handler: async (req, reply) => sendFile(reply, await s.reports.statusReportPdf(req.params.id)),
  });
}
