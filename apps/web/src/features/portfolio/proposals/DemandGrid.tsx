import { useId, useState } from 'react';
import { Button } from '../../../design/Button.tsx';
import { Field } from '../../../design/Field.tsx';
import { formatNumber } from '../../../design/format.ts';
import { Input } from '../../../design/Input.tsx';
import { Select } from '../../../design/Select.tsx';
import { Table } from '../../../design/Table.tsx';
import type { GridChange } from './BusinessCaseGrid.tsx';
import { applyOnEnter, FillHelper, GridInput, monthLabel } from './grid-parts.tsx';
import {
  type DemandKind,
  type DemandRow,
  type DemandState,
  demandLineTotal,
  type FormErrors,
  fillDemand,
  MAX_DEMAND_LINES,
  MAX_MONTHS,
  resizeDemand,
} from './proposal-form-model.ts';

const KIND_OPTIONS: readonly { value: DemandKind; label: string }[] = [
  { value: 'role', label: 'Role' },
  { value: 'skill', label: 'Skill' },
];

/** Resource demand: one line per role or skill, hours per month from the start. */
export function DemandGrid({
  state,
  start,
  errors,
  onChange,
}: {
  state: DemandState;
  start: string;
  errors: FormErrors;
  onChange: (next: DemandState, clear: GridChange) => void;
}) {
  const base = useId();
  const { demand, demandMonths } = state;
  const [fill, setFill] = useState({ line: '0', from: '0', count: String(demandMonths), hours: '' });

  const structural = (next: DemandState) => onChange(next, { exact: ['demand'], below: ['demand'] });
  const setLine = (i: number, patch: Partial<DemandRow>, errorKey: string) =>
    onChange(
      { demandMonths, demand: demand.map((d, j) => (j === i ? { ...d, ...patch } : d)) },
      { exact: ['demand', errorKey], below: [] },
    );
  const setHours = (i: number, m: number, value: string) => {
    const line = demand[i];
    if (!line) return;
    setLine(i, { hours: line.hours.map((h, k) => (k === m ? value : h)) }, `demand.${i}.hours.${m}`);
  };
  const addLine = () =>
    structural({
      demandMonths,
      demand: [...demand, { key: '', kind: 'role', hours: Array.from({ length: demandMonths }, () => '') }],
    });
  const removeLine = (i: number) => structural({ demandMonths, demand: demand.filter((_, j) => j !== i) });
  const resize = (n: number) => {
    structural(resizeDemand({ demand, demandMonths }, n));
  };
  const count = Math.max(0, Math.min(MAX_MONTHS, Math.floor(Number(fill.count)) || 0));
  const lineIndex = Math.min(Number(fill.line), demand.length - 1);
  const applyFill = () => {
    if (count < 1 || lineIndex < 0) return;
    const next = fillDemand({ demand, demandMonths }, lineIndex, {
      from: Number(fill.from),
      count,
      hours: fill.hours,
    });
    onChange(next, { exact: ['demand'], below: [`demand.${lineIndex}`] });
  };
  const lineName = (d: DemandRow, i: number) => d.key.trim() || `Line ${i + 1}`;
  const months = Array.from({ length: demandMonths }, (_, m) => monthLabel(start, m));

  return (
    <div className="stack-sm">
      {demand.length > 0 && (
        <FillHelper title="Fill several months of a line">
          <Field label="Line">
            <Select
              controlSize="sm"
              value={String(Math.max(0, lineIndex))}
              onChange={(e) => setFill({ ...fill, line: e.target.value })}
              options={demand.map((d, i) => ({ value: String(i), label: lineName(d, i) }))}
            />
          </Field>
          <Field label="From">
            <Select
              controlSize="sm"
              value={fill.from}
              onChange={(e) => setFill({ ...fill, from: e.target.value })}
              options={Array.from({ length: Math.min(MAX_MONTHS, demandMonths + 1) }, (_, i) => ({
                value: String(i),
                label: monthLabel(start, i).short,
              }))}
            />
          </Field>
          <Field label="Months">
            <Input
              controlSize="sm"
              type="number"
              min={1}
              max={MAX_MONTHS}
              className="num proposal-fill__count"
              value={fill.count}
              onChange={(e) => setFill({ ...fill, count: e.target.value })}
              onKeyDown={applyOnEnter(applyFill)}
            />
          </Field>
          <Field label="Hours / month">
            <Input
              controlSize="sm"
              inputMode="decimal"
              className="num proposal-fill__count"
              placeholder="0"
              value={fill.hours}
              onChange={(e) => setFill({ ...fill, hours: e.target.value })}
              onKeyDown={applyOnEnter(applyFill)}
            />
          </Field>
          <Button size="sm" onClick={applyFill} disabled={count < 1}>
            Fill {count === 1 ? '1 month' : `${count} months`}
          </Button>
        </FillHelper>
      )}

      {demand.length === 0 ? (
        <p className="subtle proposal-grid__empty">
          No demand yet. Add a line for each role (e.g. Developer) or skill the project needs.
        </p>
      ) : (
        <Table className="proposal-grid proposal-grid--demand">
          <caption className="visually-hidden">Resource demand, hours per month</caption>
          <thead>
            <tr>
              <th scope="col">Role or skill</th>
              <th scope="col">Kind</th>
              {months.map((m) => (
                <th key={m.short} scope="col" className="num" title={m.long}>
                  {m.short.split(' · ')[0]}
                  {m.short.includes(' · ') && (
                    <span className="proposal-grid__sub">{m.short.split(' · ')[1]}</span>
                  )}
                </th>
              ))}
              <th scope="col" className="num">
                Total
              </th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {demand.map((d, i) => {
              const keyError = errors[`demand.${i}.key`];
              const keyId = `${base}-${i}-key`;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id of their own until saved
                <tr key={i}>
                  <td className="proposal-grid__cell proposal-grid__key">
                    <Input
                      id={keyId}
                      controlSize="sm"
                      aria-label={`Role or skill, line ${i + 1}`}
                      aria-invalid={keyError ? true : undefined}
                      aria-describedby={keyError ? `${keyId}-error` : undefined}
                      value={d.key}
                      maxLength={100}
                      placeholder="e.g. Developer"
                      onChange={(e) => setLine(i, { key: e.target.value }, `demand.${i}.key`)}
                    />
                    {keyError && (
                      <span className="proposal-grid__error" id={`${keyId}-error`}>
                        {keyError}
                      </span>
                    )}
                  </td>
                  <td className="proposal-grid__cell proposal-grid__kind">
                    <Select
                      controlSize="sm"
                      aria-label={`Kind of ${lineName(d, i)}`}
                      value={d.kind}
                      onChange={(e) => setLine(i, { kind: e.target.value as DemandKind }, `demand.${i}.kind`)}
                      options={KIND_OPTIONS}
                    />
                  </td>
                  {months.map((m, k) => (
                    <td key={m.short} className="proposal-grid__cell">
                      <GridInput
                        id={`${base}-${i}-h${k}`}
                        label={`Hours of ${lineName(d, i)}, ${m.long}`}
                        value={d.hours[k] ?? ''}
                        error={errors[`demand.${i}.hours.${k}`]}
                        onChange={(v) => setHours(i, k, v)}
                        className="proposal-grid__hours"
                      />
                    </td>
                  ))}
                  <td className="num nowrap num-strong">{formatNumber(demandLineTotal(d))} h</td>
                  <td>
                    <Button
                      size="sm"
                      variant="ghost"
                      iconOnly
                      aria-label={`Remove ${lineName(d, i)}`}
                      onClick={() => removeLine(i)}
                    >
                      <span aria-hidden="true">✕</span>
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      <div className="row">
        <Button size="sm" onClick={addLine} disabled={demand.length >= MAX_DEMAND_LINES}>
          <span aria-hidden="true">+</span> Add line
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => resize(demandMonths + 1)}
          disabled={demandMonths >= MAX_MONTHS}
        >
          Add month
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => resize(demandMonths - 1)}
          disabled={demandMonths <= 1}
        >
          Remove last month
        </Button>
        <span className="subtle proposal-grid__note">
          {demandMonths === 1 ? '1 month' : `${demandMonths} months`} · month 1 is the month the project
          starts
        </span>
      </div>
    </div>
  );
}
