import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import {
  deleteObjective,
  type StrategicObjective,
  type StrategySettings,
  updateObjective,
  updateStrategy,
} from '../../../api/portfolio.ts';
import { Badge } from '../../../design/Badge.tsx';
import { Button } from '../../../design/Button.tsx';
import { Card } from '../../../design/Card.tsx';
import { Dialog } from '../../../design/Dialog.tsx';
import { EmptyState } from '../../../design/EmptyState.tsx';
import { Table } from '../../../design/Table.tsx';
import { formatPercent } from '../portfolio-format.ts';
import { ObjectiveDialog } from './ObjectiveDialog.tsx';
import { useStrategyChange } from './use-strategy-change.ts';

type Weighting = StrategySettings['weighting'];

/** The strategic objectives, their weights, and how the weights are set (directly or by AHP). */
export function ObjectivesCard({
  strategy,
  canManage,
  onCompare,
}: {
  strategy: StrategySettings;
  canManage: boolean;
  onCompare: () => void;
}) {
  const { saved, failed, showToast } = useStrategyChange();
  const [editing, setEditing] = useState<StrategicObjective | 'new' | null>(null);
  const [deleting, setDeleting] = useState<StrategicObjective | null>(null);
  const objectives = [...strategy.objectives].sort((a, b) => a.sortOrder - b.sortOrder);
  const activeCount = objectives.filter((o) => o.active).length;

  const toggle = useMutation({
    mutationFn: (o: StrategicObjective) => updateObjective(o.id, { version: o.version, active: !o.active }),
    onSuccess: (o) => {
      saved();
      showToast({
        tone: 'success',
        title: o.active ? 'Objective activated' : 'Objective deactivated',
        text: o.active ? o.name : `${o.name} no longer counts in the scores.`,
      });
    },
    onError: failed('Could not change the objective'),
  });
  const remove = useMutation({
    mutationFn: (o: StrategicObjective) => deleteObjective(o.id),
    onSuccess: () => {
      saved();
      showToast({ tone: 'success', title: 'Objective deleted', text: deleting?.name ?? '' });
      setDeleting(null);
    },
    onError: (error) => {
      setDeleting(null);
      failed('Could not delete the objective')(error);
    },
  });

  return (
    <div className="stack">
      <WeightingChoice strategy={strategy} canManage={canManage} onCompare={onCompare} />
      <Card
        flush
        title="Strategic objectives"
        description={
          strategy.weighting === 'ahp'
            ? 'Weights in effect come from the pairwise comparison; inactive objectives count 0.'
            : 'Weights in effect are the direct weights of the active objectives, scaled to sum 100 %.'
        }
        actions={
          canManage && (
            <Button variant="primary" onClick={() => setEditing('new')}>
              <span aria-hidden="true">+</span> New objective
            </Button>
          )
        }
      >
        {objectives.length === 0 ? (
          <EmptyState
            title="No strategic objectives yet"
            actions={
              canManage && (
                <Button variant="primary" onClick={() => setEditing('new')}>
                  New objective
                </Button>
              )
            }
          >
            Add objectives such as “Grow digital revenue” or “Stay compliant”; proposals are rated against
            them.
          </EmptyState>
        ) : (
          <Table>
            <caption className="visually-hidden">Strategic objectives and their weights</caption>
            <thead>
              <tr>
                <th scope="col">Objective</th>
                <th scope="col" className="num">
                  Weight in effect
                </th>
                <th scope="col" className="num">
                  Direct weight
                </th>
                <th scope="col">Status</th>
                {canManage && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {objectives.map((o) => (
                <tr key={o.id}>
                  <td>
                    <span className="cell-name__link">{o.name}</span>
                    {o.description && <span className="cell-sub">{o.description}</span>}
                  </td>
                  <td className="num">
                    <span className="weight-cell">
                      <span className="weight-cell__bar" aria-hidden="true">
                        <span style={{ width: `${Math.round(o.weight * 100)}%` }} />
                      </span>
                      <span className="weight-cell__value">{o.active ? formatPercent(o.weight) : '—'}</span>
                    </span>
                  </td>
                  <td className="num">{o.directWeight === null ? '—' : o.directWeight}</td>
                  <td>{o.active ? <Badge tone="green">Active</Badge> : <Badge>Inactive</Badge>}</td>
                  {canManage && (
                    <td className="num nowrap">
                      <Button size="sm" variant="ghost" onClick={() => setEditing(o)}>
                        Edit<span className="visually-hidden"> {o.name}</span>
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        loading={toggle.isPending && toggle.variables?.id === o.id}
                        disabled={o.active && activeCount <= 1}
                        onClick={() => toggle.mutate(o)}
                      >
                        {o.active ? 'Deactivate' : 'Activate'}
                        <span className="visually-hidden"> {o.name}</span>
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => setDeleting(o)}>
                        Delete<span className="visually-hidden"> {o.name}</span>
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      {editing !== null && (
        <ObjectiveDialog objective={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      <Dialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={`Delete “${deleting?.name ?? ''}”?`}
        description="Proposals lose their rating against it. To keep the history, deactivate it instead."
        footer={
          <>
            <Button onClick={() => setDeleting(null)}>Keep objective</Button>
            <Button
              variant="danger"
              loading={remove.isPending}
              onClick={() => deleting && remove.mutate(deleting)}
            >
              Delete objective
            </Button>
          </>
        }
      />
    </div>
  );
}

const METHODS: { id: Weighting; label: string; hint: string }[] = [
  {
    id: 'direct',
    label: 'Direct weights',
    hint: 'Each objective’s direct weight, scaled so that the active ones sum to 100 %.',
  },
  {
    id: 'ahp',
    label: 'Pairwise comparison (AHP)',
    hint: 'Weights derived from comparing the objectives two at a time on Saaty’s 1–9 scale.',
  },
];

function WeightingChoice({
  strategy,
  canManage,
  onCompare,
}: {
  strategy: StrategySettings;
  canManage: boolean;
  onCompare: () => void;
}) {
  const { saved, failed, showToast } = useStrategyChange();
  const name = useId();
  const change = useMutation({
    mutationFn: (weighting: Weighting) => updateStrategy({ version: strategy.version, weighting }),
    onSuccess: (s) => {
      saved(s);
      showToast({
        tone: 'success',
        title: 'Weighting method changed',
        text:
          s.weighting === 'ahp'
            ? 'Objectives are weighted by pairwise comparison.'
            : 'Objectives are weighted directly.',
      });
    },
    onError: failed('Could not change the weighting method'),
  });
  const current = change.isPending && change.variables ? change.variables : strategy.weighting;
  const currentLabel = METHODS.find((m) => m.id === strategy.weighting)?.label ?? strategy.weighting;

  return (
    <Card
      title="Weighting method"
      description="How the objectives’ weights in effect are worked out."
      actions={
        <Button size="sm" onClick={onCompare}>
          {canManage ? 'Edit pairwise comparison' : 'View pairwise comparison'}
        </Button>
      }
    >
      {canManage ? (
        <fieldset className="weighting-choice" disabled={change.isPending}>
          <legend className="visually-hidden">Weighting method</legend>
          {METHODS.map((m) => {
            const unavailable = m.id === 'ahp' && strategy.ahp === null;
            return (
              <label key={m.id} className="weighting-choice__option" data-checked={current === m.id}>
                <input
                  type="radio"
                  name={name}
                  value={m.id}
                  checked={current === m.id}
                  disabled={unavailable}
                  onChange={() => change.mutate(m.id)}
                />
                <span>
                  <span className="weighting-choice__label">{m.label}</span>
                  <span className="cell-sub">
                    {unavailable ? 'Save a pairwise comparison first (Pairwise comparison tab).' : m.hint}
                  </span>
                </span>
              </label>
            );
          })}
        </fieldset>
      ) : (
        <p>
          Objectives are weighted by <strong>{currentLabel.toLowerCase()}</strong>.
        </p>
      )}
    </Card>
  );
}
