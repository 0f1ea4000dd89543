import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import {
  fetchUnitHealthRules,
  type HealthRuleRow,
  healthRuleKeys,
  resetUnitHealthRules,
  type UnitHealthRules,
  updateUnitHealthRules,
} from '../../api/health-rules.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { Alert } from '../../design/Alert.tsx';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { useToast } from '../../design/Toast.tsx';
import { problemText } from '../raid/raid-problems.ts';
import {
  bodyOf,
  DIMENSION_LABELS,
  draftOfRules,
  newRule,
  type RuleDraft,
  sourceText,
  validateDrafts,
} from './health-rules-model.ts';
import { OrgUnitScope } from './OrgUnitScope.tsx';
import './governance.css';

const DIMENSIONS = Object.entries(DIMENSION_LABELS).map(([value, label]) => ({ value, label }));

function ThresholdInput({
  rule,
  which,
  error,
  disabled,
  onChange,
}: {
  rule: RuleDraft;
  which: 'amber' | 'red';
  error: string | undefined;
  disabled: boolean;
  onChange: (v: string) => void;
}) {
  return (
    <div className="stack-sm">
      <Input
        className="gov-rule-threshold"
        aria-label={`${rule.title}: ${which} threshold`}
        aria-invalid={error ? true : undefined}
        inputMode="decimal"
        value={rule[which]}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p className="b-field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function RulesEditor({ data, canEdit }: { data: UnitHealthRules; canEdit: boolean }) {
  const client = useQueryClient();
  const { showToast } = useToast();
  const [drafts, setDrafts] = useState<RuleDraft[]>(() => draftOfRules(data.rules));
  const [addFact, setAddFact] = useState(data.facts[0]?.key ?? '');
  const [addDimension, setAddDimension] = useState<HealthRuleRow['dimension']>('schedule');
  useEffect(() => setDrafts(draftOfRules(data.rules)), [data]);
  const errors = validateDrafts(drafts);
  const done = (next: UnitHealthRules, title: string) => {
    client.setQueryData(healthRuleKeys.unit(data.orgUnitId), next);
    void client.invalidateQueries({ queryKey: ['health-rules'] });
    showToast({ tone: 'success', title });
  };
  const save = useMutation({
    mutationFn: () => updateUnitHealthRules(data.orgUnitId, bodyOf(data.version, drafts)),
    onSuccess: (next) => done(next, `Health rules of ${data.orgUnitName} saved`),
  });
  const inherit = useMutation({
    mutationFn: () => resetUnitHealthRules(data.orgUnitId, data.version),
    onSuccess: (next) => done(next, `${data.orgUnitName} inherits its health rules again`),
  });
  const set = (key: string, patch: Partial<RuleDraft>) =>
    setDrafts((d) => d.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (Object.keys(errors).length === 0) save.mutate();
  };
  const factOf = (key: string) => data.facts.find((f) => f.key === key);
  const fact = factOf(addFact);
  return (
    <form onSubmit={onSubmit} className="stack">
      <Card
        flush
        title={`In force at ${data.orgUnitName}`}
        description="A dimension is the worst of its rules that fire; overall is the worst dimension. A rule whose figure is unknown does not fire, unless it says so."
        actions={<Badge tone={data.own ? 'blue' : 'gray'}>{sourceText(data)}</Badge>}
      >
        <Table scrollLabel="Health rules">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Dimension</th>
              <th scope="col">Reads</th>
              <th scope="col">Worse when</th>
              <th scope="col">Amber beyond</th>
              <th scope="col">Red beyond</th>
              <th scope="col">On</th>
              {canEdit && (
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {drafts.map((r) => {
              const f = factOf(r.fact);
              return (
                <tr key={r.key}>
                  <td>
                    <Input
                      className="gov-rule-name"
                      aria-label={`Rule ${r.key}: name`}
                      value={r.title}
                      disabled={!canEdit}
                      onChange={(e) => set(r.key, { title: e.target.value })}
                    />
                    {errors[`${r.key}.title`] && (
                      <p className="b-field__error" role="alert">
                        {errors[`${r.key}.title`]}
                      </p>
                    )}
                    {r.nullIsRed && <div className="subtle">Red while the figure is unknown</div>}
                  </td>
                  <td>
                    <Select
                      controlSize="sm"
                      className="gov-rule-select"
                      aria-label={`${r.title}: dimension`}
                      value={r.dimension}
                      disabled={!canEdit}
                      options={DIMENSIONS}
                      onChange={(e) => set(r.key, { dimension: e.target.value as RuleDraft['dimension'] })}
                    />
                  </td>
                  <td>
                    {f?.title ?? r.fact}
                    {f && <div className="subtle">in {f.unit}</div>}
                  </td>
                  <td>
                    <Select
                      controlSize="sm"
                      aria-label={`${r.title}: worse when`}
                      value={r.direction}
                      disabled={!canEdit}
                      options={[
                        { value: 'below', label: 'Lower' },
                        { value: 'above', label: 'Higher' },
                      ]}
                      onChange={(e) => set(r.key, { direction: e.target.value as RuleDraft['direction'] })}
                    />
                  </td>
                  <td>
                    <ThresholdInput
                      rule={r}
                      which="amber"
                      error={errors[`${r.key}.amber`]}
                      disabled={!canEdit}
                      onChange={(v) => set(r.key, { amber: v })}
                    />
                  </td>
                  <td>
                    <ThresholdInput
                      rule={r}
                      which="red"
                      error={errors[`${r.key}.red`]}
                      disabled={!canEdit}
                      onChange={(v) => set(r.key, { red: v })}
                    />
                  </td>
                  <td>
                    <label className="b-checkbox">
                      <input
                        type="checkbox"
                        checked={r.enabled}
                        disabled={!canEdit}
                        onChange={(e) => set(r.key, { enabled: e.target.checked })}
                      />
                      <span className="visually-hidden">{r.title}: </span>On
                    </label>
                  </td>
                  {canEdit && (
                    <td>
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`Remove ${r.title}`}
                        onClick={() => setDrafts((d) => d.filter((x) => x.key !== r.key))}
                      >
                        Remove
                      </Button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </Table>
      </Card>
      {canEdit && (
        <Card
          title="Add a rule"
          description="A rule reads one of the figures Baton measures for every project."
        >
          <div className="row gov-add-rule">
            <Field label="Figure">
              <Select
                value={addFact}
                options={data.facts.map((x) => ({ value: x.key, label: x.title }))}
                onChange={(e) => setAddFact(e.target.value)}
              />
            </Field>
            <Field label="Dimension">
              <Select
                value={addDimension}
                options={DIMENSIONS}
                onChange={(e) => setAddDimension(e.target.value as HealthRuleRow['dimension'])}
              />
            </Field>
            <Button
              disabled={!fact}
              onClick={() => fact && setDrafts((d) => [...d, newRule(d, fact, addDimension)])}
            >
              Add rule
            </Button>
          </div>
        </Card>
      )}
      {(save.isError || inherit.isError) && (
        <Alert tone="error" title="Not saved">
          {problemText(save.error ?? inherit.error)}
        </Alert>
      )}
      {canEdit && (
        <div className="row">
          <Button
            type="submit"
            variant="primary"
            loading={save.isPending}
            disabled={Object.keys(errors).length > 0 || drafts.length === 0}
          >
            Save rules for {data.orgUnitName}
          </Button>
          <Button onClick={() => setDrafts(draftOfRules(data.rules))}>Reset</Button>
          <Button onClick={() => setDrafts(draftOfRules(data.defaults))}>Start from Baton’s defaults</Button>
          {data.own && (
            <Button variant="danger" loading={inherit.isPending} onClick={() => inherit.mutate()}>
              Inherit from above
            </Button>
          )}
        </div>
      )}
    </form>
  );
}

function UnitRules({ unitId }: { unitId: string }) {
  const { can } = useSession();
  const rules = useQuery({
    queryKey: healthRuleKeys.unit(unitId),
    queryFn: ({ signal }) => fetchUnitHealthRules(unitId, signal),
  });
  if (rules.isPending) return <LoadingState label="Loading the health rules…" />;
  if (rules.isError)
    return (
      <ErrorState
        error={rules.error}
        title="Could not load the health rules"
        onRetry={() => rules.refetch()}
      />
    );
  return <RulesEditor key={rules.data.orgUnitId} data={rules.data} canEdit={can('governance.manage')} />;
}

/** The PMO's health rules: the thresholds that turn each project's figures into its computed RAG. */
export function HealthRulesPage() {
  return (
    <div className="page">
      <PageHeader
        title="Health rules"
        subtitle="The thresholds Baton rates every project’s schedule, cost, scope, risk and resources by. A unit sets its own complete set, or uses the set of the nearest unit above."
      />
      <OrgUnitScope label="Whose health rules">{(unitId) => <UnitRules unitId={unitId} />}</OrgUnitScope>
    </div>
  );
}
