import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { listStakeholders, stakeholderKeys, updateStakeholder } from '../../api/stakeholders.ts';
import type { Project } from '../../api/types.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { useToast } from '../../design/Toast.tsx';
import { problemText } from '../raid/raid-problems.ts';
import { QUADRANT_LABELS, withProject } from './stakeholder-model.ts';

/** Puts a stakeholder already in the register on this project too. */
export function StakeholderLinkDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const all = useQuery({
    queryKey: stakeholderKeys.list({}),
    queryFn: ({ signal }) => listStakeholders({}, signal),
  });
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const candidates = (all.data?.items ?? []).filter((s) => !s.projectIds.includes(project.id));
  const link = useMutation({
    mutationFn: () => {
      const s = candidates.find((c) => c.id === chosen);
      if (!s) throw new Error('Choose a stakeholder.');
      return updateStakeholder(s.id, withProject(s, project.id));
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: stakeholderKeys.all });
      showToast({
        tone: 'success',
        title: 'Stakeholder added',
        text: `${saved.name} is now on ${project.code}.`,
      });
      onClose();
    },
    onError: (e) => setError(problemText(e)),
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Add a stakeholder to ${project.code}`}
      description="Someone already in the register — a sponsor or regulator shared with other projects."
      onSubmit={() => {
        if (!chosen) setError('Choose a stakeholder.');
        else link.mutate();
      }}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={link.isPending} disabled={candidates.length === 0}>
            Add to project
          </Button>
        </>
      }
    >
      {all.isPending ? (
        <LoadingState label="Loading the register…" />
      ) : all.isError ? (
        <Alert tone="error" title="Could not load the register">
          {problemText(all.error)}
        </Alert>
      ) : candidates.length === 0 ? (
        <p className="subtle">Everyone in the register you can see is on this project already.</p>
      ) : (
        <Field label="Stakeholder" required error={error}>
          <Select
            value={chosen}
            placeholder="Choose a stakeholder"
            options={candidates.map((s) => ({
              value: s.id,
              label: `${s.name}${s.organisation ? ` (${s.organisation})` : ''} — ${QUADRANT_LABELS[s.quadrant]}, ${s.projectCount} project${s.projectCount === 1 ? '' : 's'}`,
            }))}
            onChange={(e) => {
              setChosen(e.target.value);
              setError(null);
            }}
          />
        </Field>
      )}
    </Dialog>
  );
}
