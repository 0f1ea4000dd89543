import { useState } from 'react';
import { addRate, deleteRate, type ResourceDetail } from '../../api/resources.ts';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDate, formatMoney, parseMajorToMinor } from '../../design/format.ts';
import { Input } from '../../design/Input.tsx';
import { Table } from '../../design/Table.tsx';
import { useResourceChange } from './use-resource-change.ts';
import { isIsoDate, todayIso } from './week-dates.ts';

export function RatesCard({ resource, canEdit }: { resource: ResourceDetail; canEdit: boolean }) {
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(resource.currentRate?.currency ?? 'EUR');
  const [from, setFrom] = useState(todayIso);
  const [error, setError] = useState<string | null>(null);
  const add = useResourceChange(
    resource.id,
    (body: { rateMinor: number; currency: string; effectiveFrom: string }) =>
      addRate(resource.id, { version: resource.version, ...body }),
    'Rate added',
  );
  const remove = useResourceChange(
    resource.id,
    (rateId: string) => deleteRate(resource.id, rateId, resource.version),
    'Rate removed',
  );
  const submit = () => {
    const code = currency.trim().toUpperCase();
    const minor = /^[A-Z]{3}$/.test(code) ? parseMajorToMinor(amount, code) : Number.NaN;
    if (minor === null || Number.isNaN(minor))
      return setError('Enter the rate as a number and a currency such as EUR.');
    if (!isIsoDate(from)) return setError('Enter the date the rate applies from.');
    setError(null);
    add.mutate({ rateMinor: minor, currency: code, effectiveFrom: from }, { onSuccess: () => setAmount('') });
  };
  const rates = [...resource.rates].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return (
    <Card
      title="Cost rates"
      description="Hourly cost; each rate applies from its date until the next one."
      flush
    >
      {rates.length === 0 ? (
        <p className="card-note">No rate yet.</p>
      ) : (
        <Table>
          <caption className="visually-hidden">Cost rates</caption>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col" className="num">
                Per hour
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rates.map((r) => (
              <tr key={r.id}>
                <td>
                  {formatDate(r.effectiveFrom)}{' '}
                  {resource.currentRate?.id === r.id && <Badge tone="green">Current</Badge>}
                </td>
                <td className="num">{formatMoney(r.rateMinor, r.currency)}</td>
                <td className="num">
                  {canEdit && (
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Delete the rate from ${formatDate(r.effectiveFrom)}`}
                      loading={remove.isPending && remove.variables === r.id}
                      onClick={() => remove.mutate(r.id)}
                    >
                      Delete
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {canEdit && (
        <form
          className="inline-form card-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Field label="Rate per hour" error={error}>
            <Input
              controlSize="sm"
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          </Field>
          <Field label="Currency">
            <Input
              controlSize="sm"
              maxLength={3}
              value={currency}
              onChange={(e) => setCurrency(e.target.value.toUpperCase())}
            />
          </Field>
          <Field label="Applies from">
            <Input controlSize="sm" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </Field>
          <Button type="submit" size="sm" loading={add.isPending}>
            Add rate
          </Button>
        </form>
      )}
    </Card>
  );
}
