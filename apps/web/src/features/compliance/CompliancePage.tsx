import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { type ComplianceProject, complianceKeys, fetchCompliance } from '../../api/compliance.ts';
import { exportFileName } from '../../api/exports.ts';
import { useOrgUnits } from '../../api/queries.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { Badge, type BadgeTone } from '../../design/Badge.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDate } from '../../design/format.ts';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { StatusBadge } from '../../design/StatusBadge.tsx';
import { Table } from '../../design/Table.tsx';
import { orgUnitOptions } from '../projects/org-options.ts';
import { complianceExportColumns, complianceExportRow } from './compliance-export.ts';
import './compliance.css';

/** Green from 90, amber from 60, red below: the score's band, always shown with the number. */
export function scoreTone(score: number | null): BadgeTone {
  if (score === null) return 'gray';
  if (score >= 90) return 'green';
  if (score >= 60) return 'amber';
  return 'red';
}

function ResultCell({ result }: { result: ComplianceProject['results'][number] | undefined }) {
  if (!result?.applicable)
    return (
      <td className="compliance-cell compliance-cell--na">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">Does not apply</span>
      </td>
    );
  return (
    <td
      className={
        result.passed ? 'compliance-cell compliance-cell--ok' : 'compliance-cell compliance-cell--fail'
      }
    >
      <span className="compliance-cell__mark" aria-hidden="true">
        {result.passed ? '✓' : '✗'}
      </span>{' '}
      <span className="compliance-cell__text">
        <span className="visually-hidden">{result.passed ? 'Met: ' : 'Not met: '}</span>
        {result.detail}
      </span>
    </td>
  );
}

/** How the PMO's standards are followed: a score per project and per org unit, with each rule's reason. */
export function CompliancePage() {
  const [params, setParams] = useSearchParams();
  const orgUnitId = params.get('orgUnitId');
  const units = useOrgUnits();
  const query = useQuery({
    queryKey: complianceKeys.report(orgUnitId),
    queryFn: ({ signal }) => fetchCompliance(orgUnitId, signal),
  });
  const data = query.data;
  return (
    <div className="page">
      <PageHeader
        title="Compliance"
        subtitle="Running projects checked against the PMO’s standards, from what Baton records: the share of the rules that apply to each project that it meets."
        actions={
          <ExportButtons
            fileName={exportFileName('compliance')}
            what="the compliance matrix"
            columns={complianceExportColumns(data?.rules ?? [])}
            rows={(data?.projects ?? []).map((p) => complianceExportRow(p, data?.rules ?? []))}
            disabled={!data || data.projects.length === 0}
          />
        }
      />
      <div className="stack">
        <section className="filter-bar" aria-label="Compliance filter">
          <Field label="Org unit" className="filter-bar__item">
            <Select
              value={orgUnitId ?? ''}
              placeholder="The whole organisation"
              options={orgUnitOptions(units.data ?? [])}
              onChange={(e) => setParams(e.target.value ? { orgUnitId: e.target.value } : {})}
            />
          </Field>
        </section>
        {query.isPending ? (
          <LoadingState label="Checking compliance…" />
        ) : query.isError ? (
          <ErrorState
            error={query.error}
            title="Could not check compliance"
            onRetry={() => query.refetch()}
          />
        ) : !data || data.projects.length === 0 ? (
          <Card>
            <EmptyState title="No running projects here">
              Compliance is scored for approved, active and on-hold projects.
            </EmptyState>
          </Card>
        ) : (
          <>
            <Card
              title="By org unit"
              description={`As of ${formatDate(data.asOf)}; a unit’s score covers its sub-units.`}
            >
              <ul className="bars">
                {data.units.map((u) => (
                  <li key={u.orgUnitId}>
                    <div className="bar__head">
                      <button
                        type="button"
                        className="compliance-unit"
                        onClick={() => setParams({ orgUnitId: u.orgUnitId })}
                      >
                        {u.name}
                      </button>
                      <span className="num">
                        <Badge tone={scoreTone(u.score)}>{u.score === null ? '—' : `${u.score} %`}</Badge>{' '}
                        <span className="subtle">
                          {u.projectCount} project{u.projectCount === 1 ? '' : 's'}
                        </span>
                      </span>
                    </div>
                    <div className="bar__track" aria-hidden="true">
                      <div className="bar__fill" style={{ width: `${u.score ?? 0}%` }} />
                    </div>
                  </li>
                ))}
              </ul>
            </Card>
            <Card flush title="By project" description="Least compliant first.">
              <Table scrollLabel="Compliance by project and rule">
                <caption className="visually-hidden">Compliance of each project with each rule</caption>
                <thead>
                  <tr>
                    <th scope="col">Project</th>
                    <th scope="col">Status</th>
                    <th scope="col" className="num">
                      Score
                    </th>
                    {data.rules.map((r) => (
                      <th key={r.key} scope="col">
                        {r.title}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.projects.map((p) => (
                    <tr key={p.projectId}>
                      <td>
                        <Link to={`/projects/${p.projectId}`}>
                          <span className="mono subtle">{p.code}</span> {p.name}
                        </Link>
                        <div className="cell-secondary">{p.orgUnitName}</div>
                      </td>
                      <td>
                        <StatusBadge status={p.status as Parameters<typeof StatusBadge>[0]['status']} />
                      </td>
                      <td className="num">
                        <Badge tone={scoreTone(p.score)}>{p.score === null ? '—' : `${p.score} %`}</Badge>
                        {p.belowTarget && <span className="subtle"> below the policy’s {p.target} %</span>}
                      </td>
                      {data.rules.map((r) => (
                        <ResultCell key={r.key} result={p.results.find((x) => x.rule === r.key)} />
                      ))}
                    </tr>
                  ))}
                </tbody>
              </Table>
            </Card>
          </>
        )}
      </div>
    </div>
  );
}
