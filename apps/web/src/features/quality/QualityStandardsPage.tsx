import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { exportFileName } from '../../api/exports.ts';
import { listStandards, type QualityStandard, qualityKeys, updateStandard } from '../../api/quality.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { useToast } from '../../design/Toast.tsx';
import { problemText } from '../raid/raid-problems.ts';
import { standardExportColumns, standardExportRows } from './quality-export.ts';
import { deliverableTypesOf, humanise, standardsByType } from './quality-model.ts';
import { StandardDialog } from './StandardDialog.tsx';
import './quality.css';

function StandardBlock({
  standard,
  mayManage,
  onEdit,
}: {
  standard: QualityStandard;
  mayManage: boolean;
  onEdit: () => void;
}) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const retire = useMutation({
    mutationFn: () => updateStandard(standard.id, { version: standard.version, retired: !standard.retired }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: qualityKeys.all });
      showToast({
        tone: 'success',
        title: saved.retired ? `${saved.name} retired` : `${saved.name} restored`,
      });
    },
    onError: (error) => showToast({ tone: 'error', title: 'Not saved', text: problemText(error) }),
  });
  const required = standard.checklist.filter((i) => i.required).length;
  return (
    <article className="q-standard" data-retired={standard.retired || undefined}>
      <header className="q-standard__head">
        <div>
          <h3 className="q-subtitle">
            {standard.name} {standard.retired && <Badge>Retired</Badge>}
          </h3>
          <p className="subtle">
            {standard.orgUnitName ? `${standard.orgUnitName} and beneath` : 'Whole organisation'} ·{' '}
            {standard.checklist.length} items, {required} required
          </p>
          {standard.description && <p>{standard.description}</p>}
        </div>
        {mayManage && (
          <div className="row">
            <Button size="sm" aria-label={`Edit ${standard.name}`} onClick={onEdit}>
              Edit
            </Button>
            <Button
              size="sm"
              variant="ghost"
              loading={retire.isPending}
              aria-label={`${standard.retired ? 'Restore' : 'Retire'} ${standard.name}`}
              onClick={() => retire.mutate()}
            >
              {standard.retired ? 'Restore' : 'Retire'}
            </Button>
          </div>
        )}
      </header>
      <ul className="q-checklist">
        {standard.checklist.map((i) => (
          <li key={i.key}>
            {i.text} {i.required ? <Badge tone="blue">Required</Badge> : <Badge>Optional</Badge>}
          </li>
        ))}
      </ul>
    </article>
  );
}

/** The PMO's quality standards by deliverable type and org unit; the PMO edits them. */
export function QualityStandardsPage() {
  const { can } = useSession();
  const mayManage = can('governance.manage');
  const [params, setParams] = useSearchParams();
  const showRetired = params.get('retired') === 'true';
  const query = useQuery({
    queryKey: qualityKeys.standards(showRetired ? { retired: 'true' } : {}),
    queryFn: ({ signal }) => listStandards(showRetired ? { retired: 'true' } : {}, signal),
  });
  const [editing, setEditing] = useState<QualityStandard | 'new' | null>(null);
  const items = query.data?.items ?? [];
  const types = deliverableTypesOf(items);
  return (
    <div className="page">
      <PageHeader
        title="Quality standards"
        subtitle="What each type of deliverable must meet. A unit’s standard adds to those above it; nothing of a parent’s is removed."
        actions={
          <>
            <ExportButtons
              fileName={exportFileName('quality-standards')}
              what="quality standards"
              columns={standardExportColumns()}
              rows={standardsByType(items).flatMap(([, list]) => list.flatMap(standardExportRows))}
              disabled={items.length === 0}
            />
            {mayManage ? (
              <Button variant="primary" onClick={() => setEditing('new')}>
                <span aria-hidden="true">+</span> New standard
              </Button>
            ) : null}
          </>
        }
      />
      <div className="stack">
        <label className="b-checkbox">
          <input
            type="checkbox"
            checked={showRetired}
            onChange={(e) => {
              const next = new URLSearchParams(params);
              if (e.target.checked) next.set('retired', 'true');
              else next.delete('retired');
              setParams(next, { replace: true });
            }}
          />
          Show retired standards
        </label>
        {query.isPending ? (
          <LoadingState label="Loading standards…" />
        ) : query.isError ? (
          <ErrorState
            error={query.error}
            title="Could not load the standards"
            onRetry={() => query.refetch()}
          />
        ) : items.length === 0 ? (
          <Card>
            <EmptyState title="No quality standards yet">
              Define the checklist each type of deliverable is reviewed against.
            </EmptyState>
          </Card>
        ) : (
          standardsByType(items).map(([type, list]) => (
            <Card
              key={type}
              title={humanise(type)}
              description={`${list.length} standard${list.length === 1 ? '' : 's'}`}
            >
              <div className="stack">
                {list.map((s) => (
                  <StandardBlock key={s.id} standard={s} mayManage={mayManage} onEdit={() => setEditing(s)} />
                ))}
              </div>
            </Card>
          ))
        )}
      </div>
      {editing && (
        <StandardDialog
          types={types}
          {...(editing === 'new' ? {} : { standard: editing })}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
