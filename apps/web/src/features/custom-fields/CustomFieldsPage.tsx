import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../api/client.ts';
import { customFieldKeys, deleteCustomField } from '../../api/custom-fields.ts';
import { useCustomFields } from '../../api/queries.ts';
import type { CustomField } from '../../api/types.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { useToast } from '../../design/Toast.tsx';
import { CustomFieldDialog, TYPE_LABELS } from './CustomFieldDialog.tsx';

export function CustomFieldsPage() {
  const fields = useCustomFields();
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CustomField | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => deleteCustomField(id),
    onSuccess: () => {
      showToast({ tone: 'success', title: 'Field deleted', text: deleting?.label ?? '' });
      setDeleting(null);
      void queryClient.invalidateQueries({ queryKey: customFieldKeys.all });
    },
    onError: (error) =>
      showToast({ tone: 'error', title: 'Could not delete the field', text: describeError(error) }),
  });

  return (
    <div className="page">
      <PageHeader
        title="Custom fields"
        subtitle="Extra project fields your PMO tracks, shown on every project."
        actions={
          <Button variant="primary" onClick={() => setEditing('new')}>
            <span aria-hidden="true">+</span> New field
          </Button>
        }
      />
      <Card flush as="div">
        {fields.isPending ? (
          <LoadingState />
        ) : fields.isError ? (
          <ErrorState error={fields.error} onRetry={() => fields.refetch()} />
        ) : fields.data.length === 0 ? (
          <EmptyState
            title="No custom fields yet"
            actions={
              <Button variant="primary" onClick={() => setEditing('new')}>
                New field
              </Button>
            }
          >
            Add fields such as “Strategic theme” or “Benefit owner”.
          </EmptyState>
        ) : (
          <Table>
            <caption className="visually-hidden">Custom fields</caption>
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">Key</th>
                <th scope="col">Type</th>
                <th scope="col">Options</th>
                <th scope="col">Required</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {fields.data.map((f) => (
                <tr key={f.id}>
                  <td>
                    <span className="cell-name__link">{f.label}</span>
                    {f.description && <span className="cell-sub">{f.description}</span>}
                  </td>
                  <td className="mono muted">{f.key}</td>
                  <td>
                    <Badge square>{TYPE_LABELS[f.type]}</Badge>
                  </td>
                  <td className="cell-secondary">{f.options.length > 0 ? f.options.join(', ') : '—'}</td>
                  <td>
                    {f.required ? (
                      <Badge tone="amber">Required</Badge>
                    ) : (
                      <span className="subtle">Optional</span>
                    )}
                  </td>
                  <td className="num nowrap">
                    <Button size="sm" variant="ghost" onClick={() => setEditing(f)}>
                      Edit<span className="visually-hidden"> {f.label}</span>
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setDeleting(f)}>
                      Delete<span className="visually-hidden"> {f.label}</span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      {editing !== null && (
        <CustomFieldDialog field={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      <Dialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={`Delete “${deleting?.label ?? ''}”?`}
        description="The field disappears from every project. Values already stored stay in the audit trail."
        footer={
          <>
            <Button onClick={() => setDeleting(null)}>Keep field</Button>
            <Button
              variant="danger"
              loading={remove.isPending}
              onClick={() => deleting && remove.mutate(deleting.id)}
            >
              Delete field
            </Button>
          </>
        }
      />
    </div>
  );
}
