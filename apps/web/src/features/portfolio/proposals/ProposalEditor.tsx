import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError, isApiProblem } from '../../../api/client.ts';
import {
  deleteProposal,
  fetchProposal,
  type IntakeForm,
  type Proposal,
  portfolioKeys,
  type StrategySettings,
  transitionProposal,
  updateProposal,
} from '../../../api/portfolio.ts';
import { Alert } from '../../../design/Alert.tsx';
import { Button } from '../../../design/Button.tsx';
import { Card } from '../../../design/Card.tsx';
import { Dialog } from '../../../design/Dialog.tsx';
import { ErrorState } from '../../../design/ErrorState.tsx';
import { LoadingState } from '../../../design/Spinner.tsx';
import { useToast } from '../../../design/Toast.tsx';
import { ProposalForm, type SubmitMode } from './ProposalForm.tsx';
import {
  diffChanges,
  errorsFromProblem,
  type FormErrors,
  formStateOf,
  type ProposalFormState,
  validateForm,
} from './proposal-form-model.ts';
import { useIntakeForm } from './use-intake-form.ts';

type Props = {
  proposal: Proposal;
  strategy: StrategySettings;
  canDelete: boolean;
  onDone: () => void;
};

function Editor({ proposal, strategy, intake, canDelete, onDone }: Props & { intake: IntakeForm }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { showToast } = useToast();
  const currency = strategy.currency;
  const [base, setBase] = useState(() => ({
    state: formStateOf(proposal, currency),
    version: proposal.version,
  }));
  const [state, setState] = useState<ProposalFormState>(base.state);
  const [errors, setErrors] = useState<FormErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [theirs, setTheirs] = useState<Proposal | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Submitting from here is offered while the proposal is a draft its editor may submit.
  const canSubmit = proposal.status === 'draft' && proposal.nextStatuses.includes('submitted');

  const save = useMutation({
    mutationFn: async (mode: SubmitMode) => {
      const changes = diffChanges(base.state, state, intake.fields, currency);
      const changed = Object.keys(changes).length > 0;
      let p = changed ? await updateProposal(proposal.id, { version: base.version, ...changes }) : proposal;
      if (mode === 'submit')
        p = await transitionProposal(p.id, { version: changed ? p.version : base.version, to: 'submitted' });
      return { p, changed, mode };
    },
    onSuccess: ({ p, changed, mode }) => {
      queryClient.setQueryData(portfolioKeys.proposal(p.id), p);
      void queryClient.invalidateQueries({ queryKey: portfolioKeys.all, refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: portfolioKeys.history(p.id) });
      showToast({
        tone: 'success',
        title: mode === 'submit' ? 'Proposal submitted' : changed ? 'Changes saved' : 'Nothing to save',
        text:
          mode === 'submit' || changed
            ? `${p.code} is now at version ${p.version}.`
            : 'You have not changed any field.',
      });
      onDone();
    },
    onError: async (error) => {
      if (isApiProblem(error, 409)) {
        showToast({
          tone: 'error',
          title: 'The proposal was changed by someone else',
          text: 'Your edits are kept. Choose below whether to keep them or reload.',
        });
        try {
          const current = await fetchProposal(proposal.id);
          queryClient.setQueryData(portfolioKeys.proposal(current.id), current);
          setTheirs(current);
        } catch (e) {
          setErrors({ '(root)': describeError(e) });
        }
        return;
      }
      setErrors(
        isApiProblem(error) && error.errors.length > 0
          ? errorsFromProblem(error.errors)
          : { '(root)': describeError(error) },
      );
      setAttempt((n) => n + 1);
    },
  });

  const remove = useMutation({
    mutationFn: () => deleteProposal(proposal.id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: portfolioKeys.proposal(proposal.id) });
      void queryClient.invalidateQueries({ queryKey: portfolioKeys.all });
      showToast({ tone: 'success', title: 'Draft deleted', text: `${proposal.code} · ${proposal.title}` });
      navigate('/portfolio/proposals');
    },
    onError: (error) => {
      setConfirmDelete(false);
      showToast({ tone: 'error', title: 'Could not delete the draft', text: describeError(error) });
    },
  });

  const submit = (mode: SubmitMode) => {
    const found = validateForm(state, intake.fields, currency, {
      complete: mode === 'submit' || proposal.status !== 'draft',
    });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    save.mutate(mode);
  };

  const keepMine = () => {
    if (!theirs) return;
    setBase((b) => ({ ...b, version: theirs.version }));
    setTheirs(null);
  };
  const reloadTheirs = () => {
    if (!theirs) return;
    const fresh = formStateOf(theirs, currency);
    setBase({ state: fresh, version: theirs.version });
    setState(fresh);
    setErrors({});
    setTheirs(null);
  };

  return (
    <div className="stack">
      {theirs && (
        <Alert tone="warning" title="Someone else changed this proposal while you were editing">
          <p>
            It is now at version {theirs.version}. Keep your edits to save them over the other changes to the
            same fields, or reload the latest version and lose your edits.
          </p>
          <div className="row proposal-alert-actions">
            <Button size="sm" variant="primary" onClick={keepMine}>
              Keep my edits
            </Button>
            <Button size="sm" onClick={reloadTheirs}>
              Reload the latest version
            </Button>
          </div>
        </Alert>
      )}
      <ProposalForm
        state={state}
        onChange={setState}
        errors={errors}
        onErrorsChange={setErrors}
        attempt={attempt}
        intake={intake}
        objectives={strategy.objectives}
        currency={currency}
        selfId={proposal.id}
        pending={save.isPending ? (save.variables ?? 'save') : null}
        saveLabel="Save changes"
        submitLabel={canSubmit ? 'Save and submit' : undefined}
        onSubmit={submit}
        onCancel={onDone}
        label={`Edit ${proposal.code}`}
      />
      {canDelete && (
        <Card
          title="Delete this draft"
          description="A draft nobody needs can be deleted. Only drafts can be deleted; the deletion is recorded."
        >
          <Button variant="danger" onClick={() => setConfirmDelete(true)}>
            Delete draft
          </Button>
        </Card>
      )}
      <Dialog
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title={`Delete ${proposal.code}?`}
        description={`“${proposal.title}” will be removed from the proposals. This cannot be undone.`}
        footer={
          <>
            <Button onClick={() => setConfirmDelete(false)} disabled={remove.isPending}>
              Keep the draft
            </Button>
            <Button variant="danger" loading={remove.isPending} onClick={() => remove.mutate()}>
              Delete draft
            </Button>
          </>
        }
      />
    </div>
  );
}

/** The Edit tab: the intake form on the saved proposal; saves only what changed, with its version. */
export function ProposalEditor(props: Props) {
  const intake = useIntakeForm();
  if (intake.isPending) return <LoadingState label="Loading the intake form…" />;
  if (intake.isError)
    return (
      <ErrorState
        error={intake.error}
        title="Could not load the intake form"
        onRetry={() => intake.refetch()}
      />
    );
  return <Editor {...props} intake={intake.data} />;
}
