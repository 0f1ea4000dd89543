import { useQuery } from '@tanstack/react-query';
import { fetchStrategy, portfolioKeys } from '../../api/portfolio.ts';

/** The portfolio's strategy settings (objectives, weights, currency), shared by every portfolio screen. */
export function useStrategy() {
  return useQuery({ queryKey: portfolioKeys.strategy, queryFn: ({ signal }) => fetchStrategy(signal) });
}

/** The currency amounts are shown in; EUR until the strategy has loaded. */
export function useCurrency(): string {
  return useStrategy().data?.currency ?? 'EUR';
}
