import type { ReactNode } from 'react';
import { useCustomFields } from '../../api/queries.ts';
import type { Project } from '../../api/types.ts';
import { Card } from '../../design/Card.tsx';
import { formatDate, formatDateTime, formatMoney } from '../../design/format.ts';
import { PriorityIndicator } from '../../design/PriorityIndicator.tsx';
import { StatusBadge } from '../../design/StatusBadge.tsx';
import { formatFieldValue } from './field-labels.ts';
import { useNameLookup } from './use-name-lookup.ts';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const none = <span className="subtle">—</span>;

function durationDays(start: string | null, finish: string | null): string | null {
  if (!start || !finish) return null;
  const days = Math.round((Date.parse(finish) - Date.parse(start)) / 86_400_000) + 1;
  if (days < 1) return null;
  return days >= 60 ? `${Math.round(days / 30.44)} months` : `${days} days`;
}

export function ProjectOverview({ project: p }: { project: Project }) {
  const fields = useCustomFields();
  const lookup = useNameLookup(p.currency);
  const duration = durationDays(p.plannedStart, p.plannedFinish);
  return (
    <div className="overview">
      <div className="stack">
        <Card title="Description">
          {p.description ? (
            <p className="prose">{p.description}</p>
          ) : (
            <p className="subtle">No description yet.</p>
          )}
        </Card>
        <Card title="Objectives">
          {p.objectives ? (
            <p className="prose">{p.objectives}</p>
          ) : (
            <p className="subtle">No objectives recorded.</p>
          )}
        </Card>
        <Card title="Custom fields" description="Fields defined by your PMO.">
          {fields.data && fields.data.length > 0 ? (
            <dl className="b-dl">
              {fields.data.map((def) => {
                const value = p.customFields[def.key] ?? null;
                return (
                  <Item key={def.id} label={def.label}>
                    {value === null || value === ''
                      ? none
                      : formatFieldValue(`customFields.${def.key}`, value, lookup)}
                  </Item>
                );
              })}
            </dl>
          ) : (
            <p className="subtle">
              {fields.isPending ? 'Loading…' : 'Your PMO has not defined custom fields.'}
            </p>
          )}
        </Card>
      </div>
      <div className="stack">
        <Card title="Details">
          <dl className="b-dl b-dl--single">
            <Item label="Status">
              <StatusBadge status={p.status} />
            </Item>
            <Item label="Priority">
              <PriorityIndicator priority={p.priority} />
            </Item>
            <Item label="Code">
              <span className="mono">{p.code}</span>
            </Item>
            <Item label="Org unit">{p.orgUnitName}</Item>
            <Item label="Portfolio">{p.portfolioName ?? none}</Item>
            <Item label="Program">{p.programName ?? none}</Item>
            <Item label="Sponsor">{p.sponsorName ?? none}</Item>
            <Item label="Project manager">{p.managerName ?? none}</Item>
          </dl>
        </Card>
        <Card title="Plan and budget">
          <dl className="b-dl b-dl--single">
            <Item label="Planned start">{formatDate(p.plannedStart)}</Item>
            <Item label="Planned finish">
              {formatDate(p.plannedFinish)}
              {duration && <span className="subtle"> · {duration}</span>}
            </Item>
            <Item label="Budget">
              <span className="num-strong">{formatMoney(p.budgetMinor, p.currency)}</span>
            </Item>
            <Item label="Tags">
              {p.tags.length > 0 ? (
                <span className="row">
                  {p.tags.map((t) => (
                    <span key={t} className="b-tag">
                      {t}
                    </span>
                  ))}
                </span>
              ) : (
                none
              )}
            </Item>
            <Item label="Last updated">
              {formatDateTime(p.updatedAt)} <span className="subtle">· version {p.version}</span>
            </Item>
          </dl>
        </Card>
      </div>
    </div>
  );
}
