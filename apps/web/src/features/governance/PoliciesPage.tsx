import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { fetchUnitPolicy, policyKeys, type UnitPolicy, updateUnitPolicy } from '../../api/governance.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { Alert } from '../../design/Alert.tsx';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { useToast } from '../../design/Toast.tsx';
import { problemText } from '../raid/raid-problems.ts';
import { OrgUnitScope } from './OrgUnitScope.tsx';
import { draftOf, formatValue, type PolicyDraftRow, toBody, validateDraft } from './policy-model.ts';
import './governance.css';

function PolicyEditor({ policy, canEdit }: { policy: UnitPolicy; canEdit: boolean }) {
  const client = useQueryClient();
  const { showToast } = useToast();
  const [draft, setDraft] = useState<PolicyDraftRow[]>(() => draftOf(policy.settings));
  useEffect(() => setDraft(draftOf(policy.settings)), [policy]);
  const errors = validateDraft(policy.settings, draft);
  const save = useMutation({
    mutationFn: () => updateUnitPolicy(policy.orgUnitId, toBody(policy.version, policy.settings, draft)),
    onSuccess: (next) => {
      client.setQueryData(policyKeys.unit(policy.orgUnitId), next);
      void client.invalidateQueries({ queryKey: ['governance', 'policy'] });
      showToast({ tone: 'success', title: `Policy of ${policy.orgUnitName} saved` });
    },
  });
  const set = (key: string, patch: Partial<PolicyDraftRow>) =>
    setDraft((d) => d.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (Object.keys(errors).length === 0) save.mutate();
  };
  return (
    <form onSubmit={onSubmit} className="stack">
      <Card flush title={`In force at ${policy.orgUnitName}`}>
        <Table scrollLabel="Policy settings">
          <thead>
            <tr>
              <th scope="col">Setting</th>
              <th scope="col">In force</th>
              <th scope="col">Set by</th>
              <th scope="col">This unit</th>
              <th scope="col">Units beneath may relax it</th>
            </tr>
          </thead>
          <tbody>
            {policy.settings.map((row) => {
              const d = draft.find((x) => x.key === row.key) as PolicyDraftRow;
              const error = errors[row.key];
              return (
                <tr key={row.key}>
                  <td>
                    <strong>{row.title}</strong>
                    {row.limitFromAbove !== null && (
                      <div className="subtle">
                        Fixed above by {row.limitFromAboveName}: {formatValue(row, row.limitFromAbove)} or
                        stricter
                      </div>
                    )}
                    {row.overruled && (
                      <div>
                        <Badge tone="amber">Overruled</Badge> <span className="subtle">{row.overruled}</span>
                      </div>
                    )}
                  </td>
                  <td>{formatValue(row, row.effective)}</td>
                  <td>{row.definedAtName ?? 'Baton default'}</td>
                  <td>
                    <div className="stack-sm">
                      <label className="b-checkbox">
                        <input
                          type="checkbox"
                          checked={!d.inherit}
                          disabled={!canEdit}
                          onChange={(e) => set(row.key, { inherit: !e.target.checked })}
                        />
                        Set here
                      </label>
                      {!d.inherit &&
                        (row.kind === 'flag' ? (
                          <Select
                            controlSize="sm"
                            aria-label={`${row.title}: value`}
                            aria-invalid={error ? true : undefined}
                            value={d.value}
                            disabled={!canEdit}
                            options={[
                              { value: 'true', label: 'Yes' },
                              { value: 'false', label: 'No' },
                            ]}
                            onChange={(e) => set(row.key, { value: e.target.value })}
                          />
                        ) : (
                          <Input
                            aria-label={`${row.title}: value (${row.unit})`}
                            aria-invalid={error ? true : undefined}
                            type="number"
                            inputMode="numeric"
                            min={row.min}
                            max={row.max}
                            value={d.value}
                            disabled={!canEdit}
                            onChange={(e) => set(row.key, { value: e.target.value })}
                          />
                        ))}
                      {!d.inherit && error && (
                        <p className="b-field__error" role="alert">
                          {error}
                        </p>
                      )}
                    </div>
                  </td>
                  <td>
                    {!d.inherit && (
                      <label className="b-checkbox">
                        <input
                          type="checkbox"
                          checked={d.overridable}
                          disabled={!canEdit}
                          onChange={(e) => set(row.key, { overridable: e.target.checked })}
                        />
                        Overridable
                      </label>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      </Card>
      {save.isError && (
        <Alert tone="error" title="Not saved">
          {problemText(save.error)}
        </Alert>
      )}
      {canEdit && (
        <div className="row">
          <Button
            type="submit"
            variant="primary"
            loading={save.isPending}
            disabled={Object.keys(errors).length > 0}
          >
            Save policy
          </Button>
          <Button type="button" variant="secondary" onClick={() => setDraft(draftOf(policy.settings))}>
            Reset
          </Button>
        </div>
      )}
    </form>
  );
}

/** One unit's policy, loaded. */
function UnitPolicyView({ unitId }: { unitId: string }) {
  const { can } = useSession();
  const policy = useQuery({
    queryKey: policyKeys.unit(unitId),
    queryFn: ({ signal }) => fetchUnitPolicy(unitId, signal),
  });
  if (policy.isPending) return <LoadingState label="Loading the policy…" />;
  if (policy.isError)
    return (
      <ErrorState error={policy.error} title="Could not load the policy" onRetry={() => policy.refetch()} />
    );
  return <PolicyEditor key={policy.data.orgUnitId} policy={policy.data} canEdit={can('governance.manage')} />;
}

/** PMO policies: what each org unit sets for everything beneath it, and what is in force there. */
export function PoliciesPage() {
  return (
    <div className="page">
      <PageHeader
        title="PMO policies"
        subtitle="Settings an org unit’s PMO sets for every unit and project beneath it. A unit below may always tighten a setting; it may relax one only where the unit above marked it overridable."
      />
      <OrgUnitScope label="Whose policy">{(unitId) => <UnitPolicyView unitId={unitId} />}</OrgUnitScope>
    </div>
  );
}
