import type {
  PortfolioPackRow as PortfolioPackRowSchema,
  PortfolioPack as PortfolioPackSchema,
} from '@baton/contracts';
import { apiDownload, apiFetch, saveBlob } from './client.ts';

type Out<T extends { _output: unknown }> = T['_output'];

export type PortfolioPack = Out<typeof PortfolioPackSchema>;
export type PortfolioPackRow = Out<typeof PortfolioPackRowSchema>;
export type PackFileFormat = 'csv' | 'xlsx' | 'pdf';

/** The pack's filters as the screen and the URL hold them (empty means no filter). */
export type PackFilters = {
  orgUnitId?: string | null | undefined;
  portfolioId?: string | null | undefined;
  programId?: string | null | undefined;
  status?: string | null | undefined;
  statusDate?: string | null | undefined;
};

export const reportKeys = {
  all: ['portfolio-pack'] as const,
  pack: (f: PackFilters) =>
    [
      ...reportKeys.all,
      'pack',
      f.orgUnitId ?? null,
      f.portfolioId ?? null,
      f.programId ?? null,
      f.status ?? null,
      f.statusDate ?? null,
    ] as const,
};

const query = (f: PackFilters) => ({
  orgUnitId: f.orgUnitId,
  portfolioId: f.portfolioId,
  programId: f.programId,
  status: f.status,
  statusDate: f.statusDate,
});

export function fetchPortfolioPack(f: PackFilters, signal?: AbortSignal): Promise<PortfolioPack> {
  return apiFetch<PortfolioPack>('/reports/portfolio', { query: query(f), signal });
}

/** Downloads the pack as a file built by the server (the figures computed there, at the status date). */
export async function downloadPortfolioPack(format: PackFileFormat, f: PackFilters): Promise<void> {
  const { blob, fileName } = await apiDownload('/reports/portfolio', { query: { ...query(f), format } });
  saveBlob(blob, fileName);
}

/** Downloads one status report as a PDF. */
export async function downloadStatusReportPdf(id: string): Promise<void> {
  const { blob, fileName } = await apiDownload(`/status-reports/${id}/pdf`);
  saveBlob(blob, fileName);
}
