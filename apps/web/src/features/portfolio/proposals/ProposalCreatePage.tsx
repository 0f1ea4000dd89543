import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeError, isApiProblem } from '../../../api/client.ts';
import {
  createProposal,
  type IntakeForm,
  portfolioKeys,
  type StrategySettings,
  transitionProposal,
} from '../../../api/portfolio.ts';
import { PageHeader } from '../../../app/PageHeader.tsx';
import { ErrorState } from '../../../design/ErrorState.tsx';
import { LoadingState } from '../../../design/Spinner.tsx';
import { useToast } from '../../../design/Toast.tsx';
import { useStrategy } from '../use-strategy.ts';
import { ProposalForm, type SubmitMode } from './ProposalForm.tsx';
import {
  emptyFormState,
  errorsFromProblem,
  type FormErrors,
  type ProposalFormState,
  toCreateBody,
  validateForm,
} from './proposal-form-model.ts';
import './proposals.css';
import { useIntakeForm } from './use-intake-form.ts';

function CreateForm({ intake, strategy }: { intake: IntakeForm; strategy: StrategySettings }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const currency = strategy.currency;
  const [state, setState] = useState<ProposalFormState>(() => emptyFormState());
  const [errors, setErrors] = useState<FormErrors>({});
  const [attempt, setAttempt] = useState(0);

  const mutation = useMutation({
    mutationFn: async (mode: SubmitMode) => {
      const created = await createProposal(toCreateBody(state, intake.fields, currency));
      if (mode === 'save') return { proposal: created, submitError: null };
      try {
        const submitted = await transitionProposal(created.id, { version: created.version, to: 'submitted' });
        return { proposal: submitted, submitError: null };
      } catch (error) {
        return { proposal: created, submitError: error };
      }
    },
    onSuccess: ({ proposal, submitError }) => {
      queryClient.setQueryData(portfolioKeys.proposal(proposal.id), proposal);
      void queryClient.invalidateQueries({ queryKey: portfolioKeys.all, refetchType: 'none' });
      if (submitError) {
        showToast({
          tone: 'error',
          title: `${proposal.code} saved as a draft, but not submitted`,
          text: describeError(submitError),
        });
      } else {
        showToast({
          tone: 'success',
          title: proposal.status === 'submitted' ? 'Proposal submitted' : 'Draft saved',
          text: `${proposal.code} · ${proposal.title}`,
        });
      }
      navigate(`/portfolio/proposals/${proposal.id}`);
    },
    onError: (error) => {
      setErrors(
        isApiProblem(error) && error.errors.length > 0
          ? errorsFromProblem(error.errors)
          : { '(root)': describeError(error) },
      );
      setAttempt((n) => n + 1);
    },
  });

  const submit = (mode: SubmitMode) => {
    const found = validateForm(state, intake.fields, currency, { complete: mode === 'submit' });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    mutation.mutate(mode);
  };

  return (
    <ProposalForm
      state={state}
      onChange={setState}
      errors={errors}
      onErrorsChange={setErrors}
      attempt={attempt}
      intake={intake}
      objectives={strategy.objectives}
      currency={currency}
      selfId={null}
      pending={mutation.isPending ? (mutation.variables ?? 'save') : null}
      saveLabel="Save draft"
      submitLabel="Save and submit"
      onSubmit={submit}
      onCancel={() => navigate('/portfolio/proposals')}
      label="New proposal"
    />
  );
}

export function ProposalCreatePage() {
  const intake = useIntakeForm();
  const strategy = useStrategy();
  return (
    <div className="page proposal-form-page">
      <PageHeader
        eyebrow={
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link to="/portfolio/proposals">Proposals</Link>
            <span aria-hidden="true">/</span>
            <span>New</span>
          </nav>
        }
        title="New proposal"
        subtitle="Propose a project with its business case. Save it as a draft to finish later, or submit it to the portfolio board."
      />
      {intake.isError || strategy.isError ? (
        <ErrorState
          error={intake.error ?? strategy.error}
          title="Could not load the intake form"
          onRetry={() => {
            void intake.refetch();
            void strategy.refetch();
          }}
        />
      ) : intake.data && strategy.data ? (
        <CreateForm intake={intake.data} strategy={strategy.data} />
      ) : (
        <LoadingState label="Loading the intake form…" />
      )}
    </div>
  );
}
