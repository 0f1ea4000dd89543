import { PMO_MODEL_LABELS, PMO_MODEL_RULES } from '@baton/core';
import { type ReactNode, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useOrgUnits, usePortfolios, usePrograms, useUserDirectory } from '../../api/queries.ts';
import type { OrgUnit } from '../../api/types.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { OperatingModelDialog, PMO_MODEL_TONES } from './OperatingModelDialog.tsx';
import { OrgNodeDialog, type OrgNodeTarget } from './OrgNodeDialog.tsx';

const KIND_LABELS: Record<OrgUnit['kind'], string> = {
  enterprise_pmo: 'Enterprise PMO',
  business_unit_pmo: 'Business-unit PMO',
  department: 'Department',
};

export function OrganisationPage() {
  const { can } = useSession();
  const canOrg = can('org.manage');
  const canPortfolio = can('portfolio.manage');
  const canGovern = can('governance.manage');
  const [modelOf, setModelOf] = useState<OrgUnit | null>(null);
  const units = useOrgUnits();
  const portfolios = usePortfolios();
  const programs = usePrograms();
  const users = useUserDirectory();
  const [target, setTarget] = useState<OrgNodeTarget | null>(null);
  const userName = (id: string | null) => (id ? (users.data?.find((u) => u.id === id)?.name ?? '—') : '—');
  const unitName = (id: string) => units.data?.find((u) => u.id === id)?.name ?? '—';
  const portfolioName = (id: string) => portfolios.data?.find((p) => p.id === id)?.name ?? '—';

  const ordered = useMemo(() => {
    const children = new Map<string | null, OrgUnit[]>();
    for (const u of units.data ?? []) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
    const out: { unit: OrgUnit; depth: number }[] = [];
    const walk = (parent: string | null, depth: number) => {
      for (const u of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
        out.push({ unit: u, depth });
        walk(u.id, depth + 1);
      }
    };
    walk(null, 0);
    return out;
  }, [units.data]);

  const rename = (
    kind: OrgNodeTarget['kind'],
    x: { id: string; version: number; code: string; name: string },
  ): ReactNode => (
    <Button size="sm" variant="ghost" onClick={() => setTarget({ kind, existing: x })}>
      Rename<span className="visually-hidden"> {x.name}</span>
    </Button>
  );

  return (
    <div className="page">
      <PageHeader
        title="Organisation"
        subtitle={
          canOrg || canPortfolio
            ? 'The PMO hierarchy: org units, the portfolios they own, and the programs within them.'
            : 'The PMO hierarchy. You can view it; changing it needs an organisation or portfolio manager role.'
        }
      />
      <div className="stack">
        <Card
          title="Org units"
          description="Projects roll up through these units."
          flush
          actions={
            canOrg ? <Button onClick={() => setTarget({ kind: 'orgUnit' })}>New org unit</Button> : null
          }
        >
          {units.isPending ? (
            <LoadingState />
          ) : units.isError ? (
            <ErrorState error={units.error} onRetry={() => units.refetch()} />
          ) : ordered.length === 0 ? (
            <EmptyState title="No org units yet" />
          ) : (
            <Table>
              <caption className="visually-hidden">Org units</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Code</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Operating model</th>
                  <th scope="col" className="num">
                    Projects
                  </th>
                  {(canOrg || canGovern) && (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {ordered.map(({ unit, depth }) => (
                  <tr key={unit.id}>
                    <td>
                      <span className="org-tree-row" style={{ paddingLeft: depth * 20 }}>
                        {depth > 0 && (
                          <span aria-hidden="true" className="subtle">
                            └
                          </span>
                        )}
                        <Link to={`/projects?orgUnitId=${unit.id}`} className="cell-name__link">
                          {unit.name}
                        </Link>
                      </span>
                    </td>
                    <td className="mono muted">{unit.code}</td>
                    <td>
                      <Badge square>{KIND_LABELS[unit.kind]}</Badge>
                    </td>
                    <td>
                      <span className="title-with-badge" title={PMO_MODEL_RULES[unit.effectivePmoModel]}>
                        <Badge tone={PMO_MODEL_TONES[unit.effectivePmoModel]}>
                          {PMO_MODEL_LABELS[unit.effectivePmoModel]}
                        </Badge>
                        <span className="cell-sub">
                          {unit.pmoModel
                            ? 'set here'
                            : unit.pmoModelDefinedAt
                              ? `from ${unitName(unit.pmoModelDefinedAt)}`
                              : 'default'}
                        </span>
                      </span>
                    </td>
                    <td className="num">{unit.projectCount}</td>
                    {(canOrg || canGovern) && (
                      <td className="num">
                        {canGovern && (
                          <Button size="sm" variant="ghost" onClick={() => setModelOf(unit)}>
                            Operating model<span className="visually-hidden"> of {unit.name}</span>
                          </Button>
                        )}
                        {canOrg && rename('orgUnit', unit)}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <div className="grid-2">
          <Card
            title="Portfolios"
            flush
            actions={
              canPortfolio ? (
                <Button onClick={() => setTarget({ kind: 'portfolio' })}>New portfolio</Button>
              ) : null
            }
          >
            {portfolios.isPending ? (
              <LoadingState />
            ) : portfolios.isError ? (
              <ErrorState error={portfolios.error} onRetry={() => portfolios.refetch()} />
            ) : portfolios.data.length === 0 ? (
              <EmptyState title="No portfolios yet" />
            ) : (
              <Table>
                <caption className="visually-hidden">Portfolios</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Org unit</th>
                    <th scope="col">Owner</th>
                    {canPortfolio && (
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {portfolios.data.map((p) => (
                    <tr key={p.id}>
                      <td>
                        <Link to={`/projects?portfolioId=${p.id}`} className="cell-name__link">
                          {p.name}
                        </Link>
                        <span className="cell-sub mono">{p.code}</span>
                      </td>
                      <td className="cell-secondary">{unitName(p.orgUnitId)}</td>
                      <td className="cell-secondary">{userName(p.ownerId)}</td>
                      {canPortfolio && <td className="num">{rename('portfolio', p)}</td>}
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>
          <Card
            title="Programs"
            flush
            actions={
              canPortfolio ? (
                <Button onClick={() => setTarget({ kind: 'program' })}>New program</Button>
              ) : null
            }
          >
            {programs.isPending ? (
              <LoadingState />
            ) : programs.isError ? (
              <ErrorState error={programs.error} onRetry={() => programs.refetch()} />
            ) : programs.data.length === 0 ? (
              <EmptyState title="No programs yet" />
            ) : (
              <Table>
                <caption className="visually-hidden">Programs</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Portfolio</th>
                    <th scope="col">Manager</th>
                    {canPortfolio && (
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {programs.data.map((p) => (
                    <tr key={p.id}>
                      <td>
                        <Link to={`/projects?programId=${p.id}`} className="cell-name__link">
                          {p.name}
                        </Link>
                        <span className="cell-sub mono">{p.code}</span>
                      </td>
                      <td className="cell-secondary">{portfolioName(p.portfolioId)}</td>
                      <td className="cell-secondary">{userName(p.managerId)}</td>
                      {canPortfolio && <td className="num">{rename('program', p)}</td>}
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>
        </div>
      </div>
      {target && <OrgNodeDialog target={target} onClose={() => setTarget(null)} />}
      {modelOf && (
        <OperatingModelDialog
          unit={modelOf}
          parentModel={
            (modelOf.parentId
              ? units.data?.find((u) => u.id === modelOf.parentId)?.effectivePmoModel
              : null) ?? 'controlling'
          }
          onClose={() => setModelOf(null)}
        />
      )}
    </div>
  );
}
