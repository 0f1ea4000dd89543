import { useCustomFields } from '../../api/queries.ts';
import type { Project } from '../../api/types.ts';
import { Card } from '../../design/Card.tsx';
import { DescriptionItem } from '../../design/DescriptionItem.tsx';
import { formatDate, formatDateTime, formatMoney } from '../../design/format.ts';
import { PriorityIndicator } from '../../design/PriorityIndicator.tsx';
import { StatusBadge } from '../../design/StatusBadge.tsx';
import { formatFieldValue } from './field-labels.ts';
import { useNameLookup } from './use-name-lookup.ts';

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
                  <DescriptionItem key={def.id} label={def.label}>
                    {value === null || value === ''
                      ? none
                      : formatFieldValue(`customFields.${def.key}`, value, lookup)}
                  </DescriptionItem>
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
            <DescriptionItem label="Status">
              <StatusBadge status={p.status} />
            </DescriptionItem>
            <DescriptionItem label="Priority">
              <PriorityIndicator priority={p.priority} />
            </DescriptionItem>
            <DescriptionItem label="Code">
              <span className="mono">{p.code}</span>
            </DescriptionItem>
            <DescriptionItem label="Org unit">{p.orgUnitName}</DescriptionItem>
            <DescriptionItem label="Portfolio">{p.portfolioName ?? none}</DescriptionItem>
            <DescriptionItem label="Program">{p.programName ?? none}</DescriptionItem>
            <DescriptionItem label="Sponsor">{p.sponsorName ?? none}</DescriptionItem>
            <DescriptionItem label="Project manager">{p.managerName ?? none}</DescriptionItem>
          </dl>
        </Card>
        <Card title="Plan and budget">
          <dl className="b-dl b-dl--single">
            <DescriptionItem label="Planned start">{formatDate(p.plannedStart)}</DescriptionItem>
            <DescriptionItem label="Planned finish">
              {formatDate(p.plannedFinish)}
              {duration && <span className="subtle"> · {duration}</span>}
            </DescriptionItem>
            <DescriptionItem label="Budget">
              <span className="num-strong">{formatMoney(p.budgetMinor, p.currency)}</span>
            </DescriptionItem>
            <DescriptionItem label="Tags">
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
            </DescriptionItem>
            <DescriptionItem label="Last updated">
              {formatDateTime(p.updatedAt)} <span className="subtle">· version {p.version}</span>
            </DescriptionItem>
          </dl>
        </Card>
      </div>
    </div>
  );
}
