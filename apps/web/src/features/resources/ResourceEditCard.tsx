import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError, isApiProblem } from '../../api/client.ts';
import { fetchResource, type ResourceDetail, resourceKeys, updateResource } from '../../api/resources.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { useToast } from '../../design/Toast.tsx';
import { ResourceFields } from './ResourceFields.tsx';
import {
  errorsFromProblem,
  formStateOf,
  type ResourceFormErrors,
  type ResourceFormState,
  toUpdateBody,
  validateResourceForm,
} from './resource-form-model.ts';

/** Edits a resource's fields with the version it started from; a 409 asks whether to reload or overwrite. */
export function ResourceEditCard({ resource, canEdit }: { resource: ResourceDetail; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [base, setBase] = useState(() => ({ state: formStateOf(resource), version: resource.version }));
  const [state, setState] = useState<ResourceFormState>(base.state);
  const [errors, setErrors] = useState<ResourceFormErrors>({});
  const [conflict, setConflict] = useState<ResourceDetail | null>(null);

  const adopt = (r: ResourceDetail) => {
    queryClient.setQueryData(resourceKeys.detail(r.id), r);
    const fresh = formStateOf(r);
    setBase({ state: fresh, version: r.version });
    setState(fresh);
  };

  const save = useMutation({
    mutationFn: (version: number) => updateResource(resource.id, toUpdateBody(base.state, state, version)),
    onSuccess: (r) => {
      adopt(r);
      setConflict(null);
      setErrors({});
      void queryClient.invalidateQueries({ queryKey: resourceKeys.all, refetchType: 'none' });
      showToast({
        tone: 'success',
        title: 'Changes saved',
        text: `${r.name} is now at version ${r.version}.`,
      });
    },
    onError: async (error) => {
      if (isApiProblem(error, 409) && error.currentVersion !== undefined) {
        try {
          setConflict(await fetchResource(resource.id));
        } catch (e) {
          setErrors({ form: describeError(e) });
        }
        return;
      }
      setErrors(
        isApiProblem(error) && error.errors.length > 0
          ? errorsFromProblem(error.errors)
          : { form: describeError(error) },
      );
    },
  });

  const submit = () => {
    const found = validateResourceForm(state);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (Object.keys(toUpdateBody(base.state, state, base.version)).length === 1) {
      showToast({ title: 'Nothing to save', text: 'You have not changed any field.' });
      return;
    }
    save.mutate(base.version);
  };

  return (
    <Card title="Details" headingLevel={2}>
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <fieldset disabled={!canEdit} className="plain-fieldset">
          <ResourceFields state={state} onChange={setState} errors={errors} />
        </fieldset>
        {canEdit && (
          <div className="row">
            <Button type="submit" variant="primary" loading={save.isPending && !conflict}>
              Save changes
            </Button>
            <Button onClick={() => setState(base.state)}>Discard</Button>
          </div>
        )}
      </form>
      <Dialog
        open={conflict !== null}
        onClose={() => setConflict(null)}
        title="Someone else changed this resource"
        description={
          conflict
            ? `While you were editing, ${conflict.name} was saved by someone else (it is now at version ${conflict.version}).`
            : undefined
        }
        footer={
          <>
            <Button onClick={() => setConflict(null)}>Keep editing</Button>
            <Button
              onClick={() => {
                if (conflict) adopt(conflict);
                setConflict(null);
              }}
            >
              Reload their version
            </Button>
            <Button
              variant="primary"
              loading={save.isPending}
              onClick={() => conflict && save.mutate(conflict.version)}
            >
              Overwrite with my changes
            </Button>
          </>
        }
      >
        <p className="muted">
          “Reload their version” discards your changes. “Overwrite” saves the fields you changed on top of
          theirs.
        </p>
      </Dialog>
    </Card>
  );
}
