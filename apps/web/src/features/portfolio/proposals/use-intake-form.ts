import { useQuery } from '@tanstack/react-query';
import { fetchIntakeForm, portfolioKeys } from '../../../api/portfolio.ts';

/** The questions and categories the PMO configured for intake. */
export function useIntakeForm() {
  return useQuery({ queryKey: portfolioKeys.intakeForm, queryFn: ({ signal }) => fetchIntakeForm(signal) });
}
