import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiProblem } from '../../../api/client.ts';
import { type StrategySettings, updateStrategy } from '../../../api/portfolio.ts';
import { Alert } from '../../../design/Alert.tsx';
import { Button } from '../../../design/Button.tsx';
import { Card } from '../../../design/Card.tsx';
import { Field } from '../../../design/Field.tsx';
import { Input } from '../../../design/Input.tsx';
import { formatPercent } from '../portfolio-format.ts';
import {
  CRITERIA,
  CRITERION_HINTS,
  CRITERION_LABELS,
  type CriteriaDraft,
  type CriteriaErrors,
  type Criterion,
  draftOfCriteria,
  normaliseCriteria,
  parseDecimal,
  readCriteriaDraft,
} from './criteria-model.ts';
import { useStrategyChange } from './use-strategy-change.ts';

/** Weights of the four scoring criteria, the discount rate for NPV and the currency. */
export function CriteriaCard({ strategy, canManage }: { strategy: StrategySettings; canManage: boolean }) {
  const { saved, failed, showToast } = useStrategyChange();
  const initial = draftOfCriteria(strategy);
  const [draft, setDraft] = useState<CriteriaDraft>(initial);
  const [errors, setErrors] = useState<CriteriaErrors>({});
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);

  const typed: Record<Criterion, number> = {
    value: parseDecimal(draft.weights.value) ?? 0,
    alignment: parseDecimal(draft.weights.alignment) ?? 0,
    risk: parseDecimal(draft.weights.risk) ?? 0,
    urgency: parseDecimal(draft.weights.urgency) ?? 0,
  };
  const shares = normaliseCriteria(canManage ? typed : strategy.criteria);

  const save = useMutation({
    mutationFn: (body: Omit<Parameters<typeof updateStrategy>[0], 'version'>) =>
      updateStrategy({ version: strategy.version, ...body }),
    onSuccess: (s) => {
      saved(s);
      showToast({
        tone: 'success',
        title: 'Scoring criteria saved',
        text: 'Every proposal is scored again.',
      });
    },
    onError: (error) => {
      if (isApiProblem(error, 400) && error.errors.length > 0) {
        const m = (f: string) =>
          error.errors.find((e) => e.field === f || e.field.startsWith(`${f}.`))?.message;
        setErrors({
          ...(m('criteria') ? { weights: m('criteria') ?? '' } : {}),
          ...(m('discountRate') ? { discountRate: m('discountRate') ?? '' } : {}),
          ...(m('currency') ? { currency: m('currency') ?? '' } : {}),
        });
      }
      failed('Could not save the scoring criteria')(error);
    },
  });

  const submit = () => {
    const read = readCriteriaDraft(draft);
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    setErrors({});
    save.mutate(read.value);
  };

  const setWeight = (c: Criterion, text: string) =>
    setDraft((d) => ({ ...d, weights: { ...d.weights, [c]: text } }));

  if (!canManage) {
    return (
      <div className="stack">
        <Card
          title="Scoring criteria"
          description="How much each criterion counts in a proposal’s total score."
        >
          <CriteriaShares shares={shares} />
        </Card>
        <Card title="Financial settings">
          <dl className="b-dl">
            <div>
              <dt>Discount rate (annual)</dt>
              <dd className="num-strong">{formatPercent(strategy.discountRate)}</dd>
            </div>
            <div>
              <dt>Currency</dt>
              <dd className="num-strong mono">{strategy.currency}</dd>
            </div>
          </dl>
        </Card>
      </div>
    );
  }

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Card
        title="Scoring criteria"
        description="Weights from 0 to 1. They are scaled to sum 100 % when proposals are scored; the share each one gets is shown on the right."
      >
        <div className="stack">
          {errors.weights && <Alert tone="error">{errors.weights}</Alert>}
          <div className="criteria-grid">
            {CRITERIA.map((c) => (
              <div key={c} className="criteria-row">
                <Field label={`${CRITERION_LABELS[c]} weight`} hint={CRITERION_HINTS[c]} error={errors[c]}>
                  <Input
                    type="number"
                    inputMode="decimal"
                    min={0}
                    max={1}
                    step={0.05}
                    className="strategy-number"
                    aria-describedby={`criteria-share-${c}`}
                    value={draft.weights[c]}
                    onChange={(e) => setWeight(c, e.target.value)}
                  />
                </Field>
                <div className="criteria-share" id={`criteria-share-${c}`}>
                  <span className="criteria-share__value">{formatPercent(shares[c], 0)}</span>
                  <span className="subtle"> of the total</span>
                  <span className="bar__track" aria-hidden="true">
                    <span
                      className="bar__fill criteria-share__fill"
                      style={{ width: `${shares[c] * 100}%` }}
                    />
                  </span>
                </div>
              </div>
            ))}
          </div>
        </div>
      </Card>
      <Card title="Financial settings" description="Used for every proposal’s NPV and how amounts are shown.">
        <div className="grid-2">
          <Field
            label="Discount rate (% per year)"
            hint="The annual rate NPV discounts future cash flows at, e.g. 8."
            error={errors.discountRate}
          >
            <Input
              type="number"
              inputMode="decimal"
              min={0}
              max={100}
              step={0.1}
              className="strategy-number"
              value={draft.discountPercent}
              onChange={(e) => setDraft((d) => ({ ...d, discountPercent: e.target.value }))}
            />
          </Field>
          <Field
            label="Currency"
            hint="ISO 4217 code, e.g. EUR. Changing it does not convert stored amounts."
            error={errors.currency}
          >
            <Input
              className="mono strategy-currency"
              maxLength={3}
              autoComplete="off"
              value={draft.currency}
              onChange={(e) => setDraft((d) => ({ ...d, currency: e.target.value.toUpperCase() }))}
            />
          </Field>
        </div>
      </Card>
      <div className="form-actions">
        <Button
          disabled={!dirty || save.isPending}
          onClick={() => {
            setDraft(initial);
            setErrors({});
          }}
        >
          Discard changes
        </Button>
        <Button type="submit" variant="primary" loading={save.isPending} disabled={!dirty}>
          Save criteria
        </Button>
      </div>
    </form>
  );
}

function CriteriaShares({ shares }: { shares: Record<Criterion, number> }) {
  return (
    <ul className="bars">
      {CRITERIA.map((c) => (
        <li key={c}>
          <div className="bar__head">
            <span>
              {CRITERION_LABELS[c]} <span className="subtle">— {CRITERION_HINTS[c]}</span>
            </span>
            <strong className="num">{formatPercent(shares[c], 0)}</strong>
          </div>
          <div className="bar__track" aria-hidden="true">
            <div className="bar__fill" style={{ width: `${shares[c] * 100}%` }} />
          </div>
        </li>
      ))}
    </ul>
  );
}
