import { useId, useState } from 'react';
import { Button } from '../../../design/Button.tsx';
import { Field } from '../../../design/Field.tsx';
import { formatMoney, getMinorDigits } from '../../../design/format.ts';
import { Input } from '../../../design/Input.tsx';
import { Select } from '../../../design/Select.tsx';
import { Table } from '../../../design/Table.tsx';
import { applyOnEnter, FillHelper, GridInput, monthLabel } from './grid-parts.tsx';
import {
  businessCaseTotals,
  emptyMoneyRow,
  type FormErrors,
  fillBusinessCase,
  MAX_MONTHS,
  MONEY_COLUMNS,
  type MoneyKey,
  type MoneyRow,
} from './proposal-form-model.ts';

export type GridChange = { exact: string[]; below: string[] };

/** Where the running net first turns from negative to ≥ 0, if it does. */
function paybackIndex(cumulative: readonly number[]): number | null {
  let wasNegative = false;
  for (const [i, c] of cumulative.entries()) {
    if (c < 0) wasNegative = true;
    else if (wasNegative) return i;
  }
  return null;
}

/** The business case: one row per month from the earliest start, capex / opex / benefit in major units. */
export function BusinessCaseGrid({
  rows,
  start,
  currency,
  errors,
  onChange,
}: {
  rows: readonly MoneyRow[];
  start: string;
  currency: string;
  errors: FormErrors;
  onChange: (rows: MoneyRow[], clear: GridChange) => void;
}) {
  const base = useId();
  const totals = businessCaseTotals(rows, currency);
  const digits = getMinorDigits(currency);
  const [fill, setFill] = useState({ from: '0', count: '12', capex: '', opex: '', benefit: '' });

  const setCell = (i: number, key: MoneyKey, field: string, value: string) => {
    const next = rows.map((r, j) => (j === i ? { ...r, [key]: value } : r));
    onChange(next, { exact: ['businessCase', `businessCase.${i}.${field}`], below: [] });
  };
  const structural = (next: MoneyRow[]) =>
    onChange(next, { exact: ['businessCase'], below: ['businessCase'] });
  const count = Math.max(0, Math.min(MAX_MONTHS, Math.floor(Number(fill.count)) || 0));
  const applyFill = () => {
    if (count < 1) return;
    structural(fillBusinessCase(rows, { ...fill, from: Number(fill.from), count }));
  };

  const payback = paybackIndex(totals.rows.map((r) => r.cumulativeMinor));
  const hasCost = totals.capexMinor + totals.opexMinor > 0;
  const money = (minor: number) => formatMoney(minor, currency);

  return (
    <div className="stack-sm">
      <dl className="proposal-totals">
        <div>
          <dt>Total cost</dt>
          <dd className="num-strong">{money(totals.capexMinor + totals.opexMinor)}</dd>
        </div>
        <div>
          <dt>Capex</dt>
          <dd>{money(totals.capexMinor)}</dd>
        </div>
        <div>
          <dt>Opex</dt>
          <dd>{money(totals.opexMinor)}</dd>
        </div>
        <div>
          <dt>Benefit</dt>
          <dd className="num-strong">{money(totals.benefitMinor)}</dd>
        </div>
        <div>
          <dt>Net</dt>
          <dd className={totals.netMinor < 0 ? 'num-strong proposal-negative' : 'num-strong'}>
            {money(totals.netMinor)}
          </dd>
        </div>
        <div>
          <dt>Break-even</dt>
          <dd>
            {payback !== null ? monthLabel(start, payback).short : hasCost ? 'Not within these months' : '—'}
          </dd>
        </div>
      </dl>

      <FillHelper title="Fill several months at once">
        <Field label="From">
          <Select
            controlSize="sm"
            value={fill.from}
            onChange={(e) => setFill({ ...fill, from: e.target.value })}
            options={Array.from({ length: Math.min(MAX_MONTHS, rows.length + 1) }, (_, i) => ({
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
        {MONEY_COLUMNS.map((c) => (
          <Field key={c.key} label={`${c.label} / month`}>
            <Input
              controlSize="sm"
              inputMode="decimal"
              className="num proposal-fill__amount"
              placeholder="unchanged"
              value={fill[c.key]}
              onChange={(e) => setFill({ ...fill, [c.key]: e.target.value })}
              onKeyDown={applyOnEnter(applyFill)}
            />
          </Field>
        ))}
        <Button size="sm" onClick={applyFill} disabled={count < 1}>
          Fill {count === 1 ? '1 month' : `${count} months`}
        </Button>
      </FillHelper>

      {rows.length === 0 ? (
        <p className="subtle proposal-grid__empty">
          No months yet. Add a month, or fill several at once above.
        </p>
      ) : (
        <Table className="proposal-grid">
          <caption className="visually-hidden">
            Business case per month in {currency}
            {digits > 0 ? `, up to ${digits} decimals` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              {MONEY_COLUMNS.map((c) => (
                <th key={c.key} scope="col" className="num">
                  {c.label}
                </th>
              ))}
              <th scope="col" className="num">
                Net
              </th>
              <th scope="col" className="num">
                Cumulative
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const label = monthLabel(start, i);
              const t = totals.rows[i];
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a row is its month, the index is its identity
                <tr key={i}>
                  <th scope="row" className="proposal-grid__month">
                    {label.short}
                  </th>
                  {MONEY_COLUMNS.map((c) => (
                    <td key={c.key} className="proposal-grid__cell">
                      <GridInput
                        id={`${base}-${i}-${c.key}`}
                        label={`${c.label}, ${label.long}`}
                        value={row[c.key]}
                        error={errors[`businessCase.${i}.${c.field}`]}
                        onChange={(v) => setCell(i, c.key, c.field, v)}
                      />
                    </td>
                  ))}
                  <td className={`num nowrap${t && t.netMinor < 0 ? ' proposal-negative' : ''}`}>
                    {t ? money(t.netMinor) : '—'}
                  </td>
                  <td className={`num nowrap${t && t.cumulativeMinor < 0 ? ' proposal-negative' : ''}`}>
                    {t ? money(t.cumulativeMinor) : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="num nowrap num-strong">{money(totals.capexMinor)}</td>
              <td className="num nowrap num-strong">{money(totals.opexMinor)}</td>
              <td className="num nowrap num-strong">{money(totals.benefitMinor)}</td>
              <td className={`num nowrap num-strong${totals.netMinor < 0 ? ' proposal-negative' : ''}`}>
                {money(totals.netMinor)}
              </td>
              <td />
            </tr>
          </tfoot>
        </Table>
      )}
      <div className="row">
        <Button
          size="sm"
          onClick={() => structural([...rows, emptyMoneyRow()])}
          disabled={rows.length >= MAX_MONTHS}
        >
          <span aria-hidden="true">+</span> Add month
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => structural(rows.slice(0, -1))}
          disabled={rows.length === 0}
        >
          Remove last month
        </Button>
        <span className="subtle proposal-grid__note">
          {rows.length === 1 ? '1 month' : `${rows.length} months`} · amounts in {currency}, empty counts as 0
        </span>
      </div>
    </div>
  );
}
