import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useOrgUnits } from '../../api/queries.ts';
import { fetchAvailability, resourceKeys } from '../../api/resources.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { orgUnitOptions } from '../projects/org-options.ts';
import { AvailabilityResults } from './AvailabilityResults.tsx';
import {
  type AvailabilityState,
  readAvailabilityState,
  toAvailabilityParams,
  toAvailabilitySearch,
} from './availability-params.ts';
import { LEVEL_OPTIONS, useSkills } from './resource-queries.ts';
import { todayIso } from './week-dates.ts';
import './resources.css';

/** "Who with skill X at level N or better is free H hours a week from A to B?" */
export function AvailabilityPage() {
  const [params, setParams] = useSearchParams();
  const [form, setForm] = useState<AvailabilityState>(() => readAvailabilityState(params, todayIso()));
  const skills = useSkills();
  const units = useOrgUnits();
  const searched = params.has('from');
  const query = useMemo(() => toAvailabilityParams(params), [params]);
  const result = useQuery({
    queryKey: resourceKeys.availability(typeof query === 'string' ? { from: '', to: '' } : query),
    queryFn: ({ signal }) => fetchAvailability(query as Exclude<typeof query, string>, signal),
    enabled: searched && typeof query !== 'string',
  });
  const set = (patch: Partial<AvailabilityState>) => setForm({ ...form, ...patch });

  return (
    <div className="page">
      <PageHeader
        title="Availability"
        subtitle="Find people free for a piece of work, ranked by how well they fit."
      />
      <div className="stack">
        <Card title="What you need" headingLevel={2}>
          <form
            className="stack"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setParams(toAvailabilitySearch(form));
            }}
          >
            <div className="grid-3">
              <Field label="Skill">
                <Select
                  value={form.skillId}
                  placeholder="Any skill"
                  options={(skills.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                  onChange={(e) => set({ skillId: e.target.value })}
                />
              </Field>
              <Field label="At least level">
                <Select
                  value={String(form.minLevel)}
                  disabled={!form.skillId}
                  options={LEVEL_OPTIONS}
                  onChange={(e) => set({ minLevel: Number(e.target.value) })}
                />
              </Field>
              <Field label="Org unit">
                <Select
                  value={form.orgUnitId}
                  placeholder="Whole organisation"
                  options={orgUnitOptions(units.data ?? [])}
                  onChange={(e) => set({ orgUnitId: e.target.value })}
                />
              </Field>
              <Field label="Needed as">
                <Select
                  value={form.need}
                  options={[
                    { value: 'hours', label: 'Hours a week' },
                    { value: 'fraction', label: 'Share of a full week (0–1)' },
                  ]}
                  onChange={(e) => set({ need: e.target.value === 'fraction' ? 'fraction' : 'hours' })}
                />
              </Field>
              <Field
                label={form.need === 'fraction' ? 'Share of a week' : 'Hours a week'}
                hint={form.need === 'fraction' ? '0.5 = half-time' : 'Empty: any free time'}
              >
                <Input
                  inputMode="decimal"
                  value={form.amount}
                  onChange={(e) => set({ amount: e.target.value })}
                />
              </Field>
              <div />
              <Field label="From" required>
                <Input type="date" value={form.from} onChange={(e) => set({ from: e.target.value })} />
              </Field>
              <Field label="To" required>
                <Input type="date" value={form.to} onChange={(e) => set({ to: e.target.value })} />
              </Field>
            </div>
            <div className="row">
              <Button type="submit" variant="primary">
                Find people
              </Button>
            </div>
          </form>
        </Card>
        {searched && typeof query === 'string' ? (
          <Alert tone="error">{query}</Alert>
        ) : !searched ? null : result.isPending ? (
          <LoadingState label="Searching the pool…" />
        ) : result.isError ? (
          <ErrorState
            error={result.error}
            title="Could not search the pool"
            onRetry={() => result.refetch()}
          />
        ) : result.data.items.length === 0 ? (
          <EmptyState title="Nobody matches" icon="⌕">
            Try a lower level, fewer hours or a longer window.
          </EmptyState>
        ) : (
          <Card
            flush
            title={`${result.data.items.length} matches`}
            description={`Needing ${result.data.neededHoursPerWeek} h a week.`}
          >
            <AvailabilityResults items={result.data.items} caption="Available resources, best fit first" />
          </Card>
        )}
      </div>
    </div>
  );
}
