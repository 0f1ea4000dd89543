import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { complianceKeys } from '../../api/compliance.ts';
import { exportFileName } from '../../api/exports.ts';
import {
  type ComplianceItem,
  fetchStandardsAt,
  liftComplianceWaiver,
  listComplianceItems,
  standardKeys,
  updateComplianceItem,
} from '../../api/standards.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDate } from '../../design/format.ts';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { useToast } from '../../design/Toast.tsx';
import { orgUnitOptions } from '../projects/org-options.ts';
import { problemText } from '../raid/raid-problems.ts';
import { checklistExportColumns, checklistExportRow } from './checklist-export.ts';
import { ItemDialog, WaiveDialog } from './ItemDialogs.tsx';
import { itemActionsFor, sortItems } from './standards-model.ts';
import { useUnitParam } from './use-unit-param.ts';
import './standards.css';

type Unit = { id: string; name: string };
type Open = { kind: 'edit' | 'waive'; item: ComplianceItem } | null;

function ItemRow({
  item,
  unit,
  canManage,
  standardIds,
  onOpen,
}: {
  item: ComplianceItem;
  unit: Unit;
  canManage: boolean;
  standardIds: ReadonlyMap<string, string>;
  onOpen: (open: Open) => void;
}) {
  const client = useQueryClient();
  const { showToast } = useToast();
  const change = useMutation({
    mutationFn: async (action: 'retire' | 'restore' | 'lift'): Promise<void> => {
      if (action === 'lift') await liftComplianceWaiver(unit.id, item.id);
      else await updateComplianceItem(item.id, { version: item.version, retired: action === 'retire' });
    },
    onSuccess: (_, action) => {
      void client.invalidateQueries({ queryKey: standardKeys.all });
      void client.invalidateQueries({ queryKey: complianceKeys.all });
      showToast({
        tone: 'success',
        title:
          action === 'lift'
            ? `Waiver lifted for ${unit.name}`
            : action === 'retire'
              ? 'Item retired'
              : 'Item restored',
      });
    },
    onError: (error) => {
      void client.invalidateQueries({ queryKey: standardKeys.items });
      showToast({ tone: 'error', title: 'Not changed', text: problemText(error) });
    },
  });
  const actions = itemActionsFor(item, unit.id, canManage);
  const standardId = item.standardKey ? standardIds.get(item.standardKey) : undefined;
  const suffix = <span className="visually-hidden">: {item.text}</span>;
  return (
    <tr data-muted={item.retiredAt || item.waiver ? true : undefined}>
      <td className="std-item-cell">
        {item.text}
        {item.retiredAt && (
          <div>
            <Badge tone="red">Retired</Badge>{' '}
            <span className="cell-secondary">{formatDate(item.retiredAt)}</span>
          </div>
        )}
      </td>
      <td>
        {item.standardKey ? (
          standardId ? (
            <Link to={`/governance/standards/${standardId}`}>
              <span className="mono">{item.standardKey}</span> {item.standardTitle}
            </Link>
          ) : (
            <>
              <span className="mono">{item.standardKey}</span> {item.standardTitle}
            </>
          )
        ) : (
          <span className="subtle">—</span>
        )}
      </td>
      <td>
        <span className="std-defined-at">
          {item.orgUnitName}
          {item.inherited && <Badge tone="blue">inherited</Badge>}
        </span>
      </td>
      <td>{item.overridable ? 'Yes' : 'No'}</td>
      <td>
        {item.waiver ? (
          <div className="std-waiver">
            <Badge tone="amber">Waived</Badge>
            <span>{item.waiver.reason}</span>
            <span className="cell-secondary">
              by {item.waiver.orgUnitName}, {formatDate(item.waiver.createdAt)}
            </span>
          </div>
        ) : (
          <span className="subtle">—</span>
        )}
      </td>
      {canManage && (
        <td>
          <div className="row std-row-actions">
            {actions.includes('edit') && (
              <Button size="sm" onClick={() => onOpen({ kind: 'edit', item })}>
                Edit{suffix}
              </Button>
            )}
            {actions.includes('retire') && (
              <Button size="sm" loading={change.isPending} onClick={() => change.mutate('retire')}>
                Retire{suffix}
              </Button>
            )}
            {actions.includes('restore') && (
              <Button size="sm" loading={change.isPending} onClick={() => change.mutate('restore')}>
                Restore{suffix}
              </Button>
            )}
            {actions.includes('waive') && (
              <Button size="sm" onClick={() => onOpen({ kind: 'waive', item })}>
                Waive for this unit…{suffix}
              </Button>
            )}
            {actions.includes('lift') && (
              <Button size="sm" loading={change.isPending} onClick={() => change.mutate('lift')}>
                Lift waiver{suffix}
              </Button>
            )}
            {actions.length === 0 && item.waiver && (
              <span className="subtle">{item.waiver.orgUnitName}’s to lift</span>
            )}
          </div>
        </td>
      )}
    </tr>
  );
}

/** The checklist items in force at one unit, with their waivers. */
function UnitChecklist({
  unitId,
  includeRetired,
  canManage,
}: {
  unitId: string;
  includeRetired: boolean;
  canManage: boolean;
}) {
  const [open, setOpen] = useState<Open>(null);
  const query = useQuery({
    queryKey: standardKeys.itemList(unitId, includeRetired),
    queryFn: ({ signal }) => listComplianceItems(unitId, includeRetired, signal),
  });
  const standards = useQuery({
    queryKey: standardKeys.atUnit({ orgUnitId: unitId }),
    queryFn: ({ signal }) => fetchStandardsAt({ orgUnitId: unitId }, signal),
  });
  const standardIds = new Map((standards.data?.inForce ?? []).map((s) => [s.key, s.id]));
  if (query.isPending) return <LoadingState label="Loading the checklist…" />;
  if (query.isError)
    return (
      <ErrorState error={query.error} title="Could not load the checklist" onRetry={() => query.refetch()} />
    );
  const data = query.data;
  const unit = { id: data.orgUnitId, name: data.orgUnitName };
  const waived = data.items.filter((i) => i.waiver && !i.retiredAt).length;
  const inForce = data.items.filter((i) => !i.waiver && !i.retiredAt).length;
  return (
    <Card
      flush
      title={`Checklist at ${data.orgUnitName}`}
      description={`Its own items and those of the units above it: ${inForce} in force${waived > 0 ? `, ${waived} waived` : ''}.`}
    >
      {data.items.length === 0 ? (
        <EmptyState title="No checklist items here">
          Items added at this unit or a unit above it show here; each project beneath attests them.
        </EmptyState>
      ) : (
        <Table scrollLabel={`Checklist items at ${data.orgUnitName}`}>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Standard</th>
              <th scope="col">Defined at</th>
              <th scope="col">Overridable</th>
              <th scope="col">Waiver</th>
              {canManage && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {sortItems(data.items).map((i) => (
              <ItemRow
                key={`${i.id}-${i.version}`}
                item={i}
                unit={unit}
                canManage={canManage}
                standardIds={standardIds}
                onOpen={setOpen}
              />
            ))}
          </tbody>
        </Table>
      )}
      {open?.kind === 'edit' && <ItemDialog unit={unit} item={open.item} onClose={() => setOpen(null)} />}
      {open?.kind === 'waive' && <WaiveDialog unit={unit} item={open.item} onClose={() => setOpen(null)} />}
    </Card>
  );
}

/** The compliance checklist: manual items each unit's PMO asks projects beneath it to attest. */
export function ChecklistPage() {
  const { can } = useSession();
  const canManage = can('governance.manage');
  const { units, unitId, unit, setUnit, params, setParam } = useUnitParam();
  const includeRetired = params.get('retired') === 'true';
  const [adding, setAdding] = useState(false);
  const client = useQueryClient();
  // The checklist the unit's card shows, from the cache when it is loaded.
  const exportRows = async () => {
    if (!unitId) return [];
    const data = await client.fetchQuery({
      queryKey: standardKeys.itemList(unitId, includeRetired),
      queryFn: ({ signal }) => listComplianceItems(unitId, includeRetired, signal),
    });
    return sortItems(data.items).map((i) => checklistExportRow(i, data.orgUnitName));
  };
  return (
    <div className="page">
      <PageHeader
        title="Compliance checklist"
        subtitle="What projects attest by hand. An item applies beneath its unit; a unit below may waive one left overridable."
        actions={
          <>
            <ExportButtons
              fileName={exportFileName('compliance-checklist')}
              what="the compliance checklist"
              columns={checklistExportColumns()}
              rows={exportRows}
              disabled={!unitId}
            />
            {canManage && unit ? (
              <Button variant="primary" onClick={() => setAdding(true)}>
                <span aria-hidden="true">+</span> Add item
              </Button>
            ) : null}
          </>
        }
      />
      <div className="stack">
        <section className="filter-bar" aria-label="Whose checklist">
          <Field label="Org unit" className="filter-bar__item">
            <Select
              value={unitId ?? ''}
              options={orgUnitOptions(units.data ?? [])}
              onChange={(e) => setUnit(e.target.value)}
            />
          </Field>
          <label className="b-checkbox std-filter-check">
            <input
              type="checkbox"
              checked={includeRetired}
              onChange={(e) => setParam('retired', e.target.checked ? 'true' : null)}
            />
            Show retired items
          </label>
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
          <UnitChecklist
            key={`${unitId}-${includeRetired}`}
            unitId={unitId}
            includeRetired={includeRetired}
            canManage={canManage}
          />
        )}
      </div>
      {adding && unit && (
        <ItemDialog unit={{ id: unit.id, name: unit.name }} onClose={() => setAdding(false)} />
      )}
    </div>
  );
}
