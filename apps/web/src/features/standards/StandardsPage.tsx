import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { fetchStandardsAt, type StandardsAtUnit, standardKeys } from '../../api/standards.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDate, formatDateTime } from '../../design/format.ts';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { useToast } from '../../design/Toast.tsx';
import { orgUnitOptions } from '../projects/org-options.ts';
import { StandardFormDialog } from './StandardFormDialog.tsx';
import { KIND_LABELS, versionLabel } from './standards-model.ts';
import { useUnitParam } from './use-unit-param.ts';
import './standards.css';

const standardPath = (id: string) => `/governance/standards/${id}`;

function InForceCard({ data }: { data: StandardsAtUnit }) {
  return (
    <Card
      flush
      title={`In force at ${data.orgUnitName}`}
      description="The published version of every standard of this unit and of the units above it."
    >
      {data.inForce.length === 0 ? (
        <EmptyState title="No standard in force here">
          Standards published at this unit or a unit above it show here.
        </EmptyState>
      ) : (
        <Table scrollLabel={`Standards in force at ${data.orgUnitName}`}>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Title</th>
              <th scope="col">Kind</th>
              <th scope="col" className="num">
                Version
              </th>
              <th scope="col">Defined at</th>
              <th scope="col">Overridable</th>
              <th scope="col">Effective from</th>
              <th scope="col">Published</th>
            </tr>
          </thead>
          <tbody>
            {data.inForce.map((s) => (
              <tr key={s.id}>
                <td className="nowrap">
                  <Link to={standardPath(s.id)} className="mono">
                    {s.key}
                  </Link>
                </td>
                <td>
                  <Link to={standardPath(s.id)}>{s.title}</Link>
                  {s.replacesKey && (
                    <div className="cell-secondary">
                      Replaces {s.replacesKey} {s.replacesTitle}
                    </div>
                  )}
                </td>
                <td>{KIND_LABELS[s.kind]}</td>
                <td className="num">v{s.standardVersion}</td>
                <td>
                  <span className="std-defined-at">
                    {s.orgUnitName}
                    {s.inherited && <Badge tone="blue">inherited</Badge>}
                  </span>
                </td>
                <td>{s.overridable ? 'Yes' : 'No'}</td>
                <td className="nowrap">{s.effectiveFrom ? formatDate(s.effectiveFrom) : 'On publication'}</td>
                <td>
                  {s.publishedAt ? formatDateTime(s.publishedAt) : '—'}
                  {s.publishedByName && <div className="cell-secondary">{s.publishedByName}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}

function ReplacedCard({ data }: { data: StandardsAtUnit }) {
  if (data.replaced.length === 0) return null;
  return (
    <Card
      flush
      title="Replaced on the way down"
      description={`Standards of units above that a unit between them and ${data.orgUnitName} replaced with its own.`}
    >
      <Table scrollLabel="Replaced standards">
        <thead>
          <tr>
            <th scope="col">Standard</th>
            <th scope="col">Of</th>
            <th scope="col">Replaced by</th>
            <th scope="col">At</th>
          </tr>
        </thead>
        <tbody>
          {data.replaced.map((r) => (
            <tr key={`${r.key}-${r.byKey}`}>
              <td>
                <span className="mono">{r.key}</span> {r.title}
              </td>
              <td>{r.orgUnitName}</td>
              <td>
                <span className="mono">{r.byKey}</span> {r.byTitle}
              </td>
              <td>{r.byOrgUnitName}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}

function DraftsCard({ data }: { data: StandardsAtUnit }) {
  return (
    <Card
      flush
      title={`Drafts at ${data.orgUnitName}`}
      description="Versions being written; none applies until it is published."
    >
      {data.drafts.length === 0 ? (
        <EmptyState title="No drafts">New standards and revisions start here as drafts.</EmptyState>
      ) : (
        <Table scrollLabel={`Drafts at ${data.orgUnitName}`}>
          <thead>
            <tr>
              <th scope="col">Draft</th>
              <th scope="col">Title</th>
              <th scope="col">Kind</th>
              <th scope="col">Last changed</th>
            </tr>
          </thead>
          <tbody>
            {data.drafts.map((d) => (
              <tr key={d.id}>
                <td className="nowrap">
                  <Link to={standardPath(d.id)} className="mono">
                    {versionLabel(d)}
                  </Link>
                </td>
                <td>
                  {d.title}
                  {d.replacesKey && (
                    <div className="cell-secondary">
                      Replaces {d.replacesKey} {d.replacesTitle}
                    </div>
                  )}
                </td>
                <td>{KIND_LABELS[d.kind]}</td>
                <td>{formatDateTime(d.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}

/** The standards of one unit: in force there, replaced on the way down, and its drafts. */
function UnitStandards({ unitId, canManage }: { unitId: string; canManage: boolean }) {
  const query = useQuery({
    queryKey: standardKeys.atUnit({ orgUnitId: unitId }),
    queryFn: ({ signal }) => fetchStandardsAt({ orgUnitId: unitId }, signal),
  });
  if (query.isPending) return <LoadingState label="Loading the standards…" />;
  if (query.isError)
    return (
      <ErrorState error={query.error} title="Could not load the standards" onRetry={() => query.refetch()} />
    );
  const data = query.data;
  return (
    <div className="stack">
      <InForceCard data={data} />
      <ReplacedCard data={data} />
      {(canManage || data.drafts.length > 0) && <DraftsCard data={data} />}
    </div>
  );
}

/** PMO standards: the versioned texts each org unit's PMO sets for everything beneath it. */
export function StandardsPage() {
  const { can } = useSession();
  const canManage = can('governance.manage');
  const navigate = useNavigate();
  const { showToast } = useToast();
  const { units, unitId, unit, setUnit } = useUnitParam();
  const [creating, setCreating] = useState(false);
  return (
    <div className="page">
      <PageHeader
        title="PMO standards"
        subtitle="What each PMO publishes for every unit and project beneath it; a unit below may replace what was left overridable."
        actions={
          canManage && unit ? (
            <Button variant="primary" onClick={() => setCreating(true)}>
              <span aria-hidden="true">+</span> New standard
            </Button>
          ) : null
        }
      />
      <div className="stack">
        <section className="filter-bar" aria-label="Whose standards">
          <Field label="Org unit" className="filter-bar__item">
            <Select
              value={unitId ?? ''}
              options={orgUnitOptions(units.data ?? [])}
              onChange={(e) => setUnit(e.target.value)}
            />
          </Field>
        </section>
        {units.isPending ? (
          <LoadingState label="Loading the org units…" />
        ) : units.isError ? (
          <ErrorState
            error={units.error}
            title="Could not load the org units"
            onRetry={() => units.refetch()}
          />
        ) : !unitId ? (
          <Card>
            <EmptyState title="No org units yet">
              Create the enterprise PMO under Organisation first.
            </EmptyState>
          </Card>
        ) : (
          <UnitStandards key={unitId} unitId={unitId} canManage={canManage} />
        )}
      </div>
      {creating && unit && (
        <StandardFormDialog
          unit={{ id: unit.id, name: unit.name }}
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            showToast({ tone: 'success', title: `Draft ${versionLabel(saved)} created` });
            navigate(standardPath(saved.id));
          }}
        />
      )}
    </div>
  );
}
