import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteStakeholder, type Stakeholder, stakeholderKeys } from '../../api/stakeholders.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { useToast } from '../../design/Toast.tsx';
import { problemText } from '../raid/raid-problems.ts';

/** Asks before a stakeholder leaves the register and every project it is on. */
export function StakeholderDeleteDialog({
  stakeholder,
  onClose,
}: {
  stakeholder: Stakeholder;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const remove = useMutation({
    mutationFn: () => deleteStakeholder(stakeholder.id, stakeholder.version),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: stakeholderKeys.all });
      showToast({ tone: 'success', title: 'Stakeholder deleted', text: stakeholder.name });
      onClose();
    },
  });
  const projects = stakeholder.projectCount;
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Delete “${stakeholder.name}”?`}
      description={
        projects > 0
          ? `It leaves the register and the ${projects === 1 ? 'project' : `${projects} projects`} it is on. The journal keeps a record.`
          : 'It leaves the register. The journal keeps a record.'
      }
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" loading={remove.isPending} onClick={() => remove.mutate()}>
            Delete
          </Button>
        </>
      }
    >
      {remove.isError && (
        <Alert tone="error" title="Not deleted">
          {problemText(remove.error)}
        </Alert>
      )}
    </Dialog>
  );
}
