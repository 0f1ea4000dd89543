import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listComplianceItems, type StandardDetail, standardKeys } from '../../api/standards.ts';
import { Alert } from '../../design/Alert.tsx';
import { Badge } from '../../design/Badge.tsx';
import { Button, ButtonLink } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { formatDateTime } from '../../design/format.ts';
import { LoadingState } from '../../design/Spinner.tsx';
import {
  draftVersionOf,
  itemsOfStandard,
  publishedVersionOf,
  STATUS_LABELS,
  sortVersions,
  statusTone,
  versionLabel,
} from './standards-model.ts';

/** The panels of a standard's page beside its text and details. */

export const standardPath = (id: string) => `/governance/standards/${id}`;

/** Where this version stands among the versions of its key. */
export function VersionNotice({ s }: { s: StandardDetail }) {
  const published = publishedVersionOf(s.versions);
  const draft = draftVersionOf(s.versions);
  const link = (v: { id: string; standardVersion: number }) => (
    <Link to={standardPath(v.id)}>
      {s.key} v{v.standardVersion}
    </Link>
  );
  if (s.status === 'draft')
    return (
      <Alert tone="warning" title="A draft">
        {published ? (
          <>It changes nothing until it is published; {link(published)} is in force.</>
        ) : (
          'It applies to nothing until it is published.'
        )}
      </Alert>
    );
  if (s.status === 'superseded')
    return (
      <Alert title="Superseded">
        A later version replaced this one
        {published ? <>: {link(published)} is in force.</> : '.'}
      </Alert>
    );
  if (s.status === 'retired')
    return (
      <Alert tone="warning" title="Retired">
        This standard is no longer in force anywhere.
      </Alert>
    );
  if (draft)
    return (
      <Alert title="A revision is being written">
        {link(draft)} is a draft; this version stays in force until it is published.
      </Alert>
    );
  return null;
}

export function ChecklistItemsCard({ s }: { s: StandardDetail }) {
  const items = useQuery({
    queryKey: standardKeys.itemList(s.orgUnitId, true),
    queryFn: ({ signal }) => listComplianceItems(s.orgUnitId, true, signal),
  });
  const mine = items.data ? itemsOfStandard(items.data.items, s.key) : [];
  return (
    <Card
      title="Checklist items"
      description="What projects attest to show they follow it; each counts in their compliance score."
      actions={
        <ButtonLink size="sm" to={`/governance/checklist?unit=${s.orgUnitId}`}>
          Open the checklist
        </ButtonLink>
      }
    >
      {items.isPending ? (
        <LoadingState label="Loading the checklist items…" />
      ) : items.isError ? (
        <ErrorState
          error={items.error}
          title="Could not load the checklist items"
          onRetry={() => items.refetch()}
        />
      ) : mine.length === 0 ? (
        <EmptyState title="No checklist items">
          Add items tied to {s.key} in the compliance checklist.
        </EmptyState>
      ) : (
        <ul className="gov-items">
          {mine.map((i) => (
            <li key={i.id} className="gov-item">
              <span className="gov-item__static">
                <span>
                  <span className="gov-item__name">{i.text}</span>
                  <span className="gov-item__who">
                    Set by {i.orgUnitName} · {i.overridable ? 'may be waived beneath' : 'may not be waived'}
                  </span>
                </span>
              </span>
              {i.retiredAt && (
                <span className="gov-item__meta">
                  <Badge tone="red">Retired</Badge>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function VersionsCard({ s }: { s: StandardDetail }) {
  return (
    <Card title="Versions">
      <ol className="std-versions" aria-label={`Versions of ${s.key}`}>
        {sortVersions(s.versions).map((v) => {
          const current = v.id === s.id;
          return (
            <li key={v.id} className="std-version" data-current={current || undefined}>
              <span className="std-version__head">
                {current ? (
                  <span className="std-version__name" aria-current="page">
                    v{v.standardVersion}
                  </span>
                ) : (
                  <Link className="std-version__name" to={standardPath(v.id)}>
                    v{v.standardVersion}
                  </Link>
                )}
                <Badge tone={statusTone(v.status)}>{STATUS_LABELS[v.status]}</Badge>
              </span>
              <span className="std-version__meta">
                {v.title}
                {v.publishedAt &&
                  ` · published ${formatDateTime(v.publishedAt)}${v.publishedByName ? ` by ${v.publishedByName}` : ''}`}
              </span>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}

export function RetireDialog({
  s,
  pending,
  onConfirm,
  onClose,
}: {
  s: StandardDetail;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Retire ${versionLabel(s)}?`}
      description={`It stops being in force at ${s.orgUnitName} and every unit and project beneath it. Its versions stay on record.`}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" loading={pending} onClick={onConfirm}>
            Retire
          </Button>
        </>
      }
    />
  );
}
