import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isApiProblem } from '../../api/client.ts';
import {
  fetchTemplate,
  governanceKeys,
  type LifecycleTemplate,
  listTemplates,
  type PhaseDefinition,
} from '../../api/governance.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { Badge } from '../../design/Badge.tsx';
import { Button, ButtonLink } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { formatDate } from '../../design/format.ts';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { TemplateEditorDialog } from './TemplateEditorDialog.tsx';
import { APPROACH_LABELS, APPROACH_TONES, definedAt, plural, templateCounts } from './template-model.ts';
import './governance.css';

type Editing = { base: LifecycleTemplate | null } | null;

function ApproachBadge({ approach }: { approach: LifecycleTemplate['approach'] }) {
  return <Badge tone={APPROACH_TONES[approach]}>{APPROACH_LABELS[approach]}</Badge>;
}

function RequiredWord({ required }: { required: boolean }) {
  return required ? <Badge tone="blue">Required</Badge> : <Badge>Optional</Badge>;
}

/** One phase of a template: its gate, with the criteria and deliverables the gate asks for. */
function PhaseDefinitionCard({ phase, position }: { phase: PhaseDefinition; position: number }) {
  const { criteria, deliverables } = phase.gate;
  return (
    <li className="gov-def">
      <div className="gov-def__head">
        <span className="gov-def__number" aria-hidden="true">
          {position}
        </span>
        <div>
          <h3 className="gov-def__name">
            <span className="visually-hidden">Phase {position}: </span>
            {phase.name} <span className="mono subtle">{phase.key}</span>
          </h3>
          <p className="gov-def__gate">
            Closed by <strong>{phase.gate.name}</strong>
          </p>
        </div>
      </div>
      <div className="gov-def__lists">
        <section>
          <h4 className="gov-checklist__title">Criteria ({criteria.length})</h4>
          {criteria.length === 0 ? (
            <p className="subtle">None</p>
          ) : (
            <ul className="gov-def__items">
              {criteria.map((c) => (
                <li key={c.key}>
                  <span>
                    {c.text} <span className="mono subtle">{c.key}</span>
                  </span>
                  <RequiredWord required={c.required} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section>
          <h4 className="gov-checklist__title">Deliverables ({deliverables.length})</h4>
          {deliverables.length === 0 ? (
            <p className="subtle">None</p>
          ) : (
            <ul className="gov-def__items">
              {deliverables.map((d) => (
                <li key={d.key}>
                  <span>
                    {d.name} <span className="mono subtle">{d.key}</span>
                  </span>
                  <RequiredWord required={d.required} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </li>
  );
}

function TemplateDetail({
  id,
  mayManage,
  onNewVersion,
}: {
  id: string;
  mayManage: boolean;
  onNewVersion: (base: LifecycleTemplate) => void;
}) {
  const query = useQuery({
    queryKey: governanceKeys.template(id),
    queryFn: ({ signal }) => fetchTemplate(id, signal),
  });
  const versions = useQuery({
    queryKey: governanceKeys.templates({ all: true }),
    queryFn: ({ signal }) => listTemplates({ all: true }, signal),
  });
  const back = (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link to={{ search: '' }}>Methodology library</Link>
      <span aria-hidden="true">/</span>
      <span className="mono">{query.data?.key ?? '…'}</span>
    </nav>
  );
  if (query.isPending) return <LoadingState label="Loading the template…" />;
  if (query.isError) {
    if (isApiProblem(query.error, 404) || isApiProblem(query.error, 400))
      return (
        <EmptyState
          title="Template not found"
          actions={<ButtonLink to={{ search: '' }}>Back to the library</ButtonLink>}
        >
          The link may be wrong.
        </EmptyState>
      );
    return (
      <ErrorState error={query.error} title="Could not load the template" onRetry={() => query.refetch()} />
    );
  }
  const t = query.data;
  const counts = templateCounts(t.phases);
  const siblings = (versions.data?.items ?? []).filter((v) => v.key === t.key);
  const newest = siblings.reduce((n, v) => Math.max(n, v.templateVersion), t.templateVersion);
  return (
    <>
      <PageHeader
        documentTitle={`${t.name} v${t.templateVersion}`}
        eyebrow={back}
        title={
          <span className="title-with-badge">
            {t.name}
            <ApproachBadge approach={t.approach} />
            <Badge tone={t.latest ? 'green' : 'amber'}>
              v{t.templateVersion} · {t.latest ? 'latest' : `superseded by v${newest}`}
            </Badge>
          </span>
        }
        subtitle={t.description ?? undefined}
        actions={
          mayManage ? (
            <Button variant="primary" onClick={() => onNewVersion(t)}>
              New version…
            </Button>
          ) : undefined
        }
      />
      <div className="gov-detail">
        <div className="stack">
          <Card title="Phases and gates" description={`${plural(counts.phases, 'phase')}, in order`}>
            <ol className="gov-defs">
              {t.phases.map((p, i) => (
                <PhaseDefinitionCard key={p.key} phase={p} position={i + 1} />
              ))}
            </ol>
          </Card>
        </div>
        <div className="stack">
          <Card title="About" headingLevel={2}>
            <dl className="b-dl b-dl--single">
              <div>
                <dt>Key</dt>
                <dd className="mono">{t.key}</dd>
              </div>
              <div>
                <dt>Defined at</dt>
                <dd>{definedAt(t)}</dd>
              </div>
              <div>
                <dt>Checklist</dt>
                <dd>
                  {plural(counts.criteria, 'criterion', 'criteria')},{' '}
                  {plural(counts.deliverables, 'deliverable')}
                </dd>
              </div>
              <div>
                <dt>Projects following this version</dt>
                <dd>{t.projectCount}</dd>
              </div>
              <div>
                <dt>Published</dt>
                <dd>{formatDate(t.createdAt)}</dd>
              </div>
            </dl>
          </Card>
          <Card title="Versions" flush>
            {versions.isPending ? (
              <LoadingState label="Loading the versions…" />
            ) : versions.isError ? (
              <ErrorState
                error={versions.error}
                title="Could not load the versions"
                onRetry={() => versions.refetch()}
              />
            ) : (
              <ul className="gov-versions">
                {siblings.map((v) => (
                  <li key={v.id}>
                    {v.id === t.id ? (
                      <span aria-current="page" className="gov-versions__current">
                        v{v.templateVersion} (shown)
                      </span>
                    ) : (
                      <Link to={`?template=${v.id}`}>v{v.templateVersion}</Link>
                    )}
                    <span className="gov-meta">
                      {formatDate(v.createdAt)} · {plural(v.projectCount, 'project')}
                      {v.latest ? ' · latest' : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}

function TemplateList({
  all,
  setAll,
  mayManage,
  onNew,
}: {
  all: boolean;
  setAll: (all: boolean) => void;
  mayManage: boolean;
  onNew: () => void;
}) {
  const query = useQuery({
    queryKey: governanceKeys.templates({ all }),
    queryFn: ({ signal }) => listTemplates({ all }, signal),
  });
  const items = query.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Methodology library"
        subtitle="Lifecycle templates: phases, each closed by a stage gate with criteria and deliverables."
        actions={
          mayManage ? (
            <Button variant="primary" onClick={onNew}>
              New template…
            </Button>
          ) : undefined
        }
      />
      <section className="filter-bar gov-toolbar" aria-label="Library filter">
        <label className="b-checkbox">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
          All versions
        </label>
      </section>
      <Card flush as="div">
        {query.isPending ? (
          <LoadingState label="Loading the library…" />
        ) : query.isError ? (
          <ErrorState
            error={query.error}
            title="Could not load the library"
            onRetry={() => query.refetch()}
          />
        ) : items.length === 0 ? (
          <EmptyState
            title="No lifecycle templates yet"
            actions={mayManage ? <Button onClick={onNew}>New template…</Button> : undefined}
          >
            A template gives projects their phases, gates and checklists.
          </EmptyState>
        ) : (
          <Table scrollLabel="Lifecycle templates">
            <caption className="visually-hidden">
              {all ? 'Every version of every lifecycle template' : 'Lifecycle templates, latest versions'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Template</th>
                <th scope="col">Approach</th>
                <th scope="col">Version</th>
                <th scope="col">Defined at</th>
                <th scope="col" className="num">
                  Phases
                </th>
                <th scope="col" className="num">
                  Projects following
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((t) => (
                <tr key={t.id}>
                  <td className="cell-name">
                    <Link
                      to={`?${new URLSearchParams({ template: t.id }).toString()}`}
                      className="cell-name__link"
                    >
                      {t.name}
                    </Link>
                    {t.description && <span className="cell-sub gov-clamp">{t.description}</span>}
                  </td>
                  <td>
                    <ApproachBadge approach={t.approach} />
                  </td>
                  <td className="nowrap">
                    v{t.templateVersion}
                    {all &&
                      (t.latest ? (
                        <span className="cell-sub">Latest</span>
                      ) : (
                        <span className="cell-sub">Superseded</span>
                      ))}
                  </td>
                  <td>{definedAt(t)}</td>
                  <td className="num">{t.phases.length}</td>
                  <td className="num">{t.projectCount}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}

/** The methodology library: lifecycle templates, one in detail with `?template=<id>`. */
export function LifecycleTemplatesPage() {
  const { can } = useSession();
  const mayManage = can('governance.manage');
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<Editing>(null);
  const templateId = params.get('template');
  const all = params.get('all') === 'true';
  const setAll = (value: boolean) => {
    const next = new URLSearchParams(params);
    if (value) next.set('all', 'true');
    else next.delete('all');
    setParams(next, { replace: true });
  };
  return (
    <div className="page">
      {templateId ? (
        <TemplateDetail
          key={templateId}
          id={templateId}
          mayManage={mayManage}
          onNewVersion={(base) => setEditing({ base })}
        />
      ) : (
        <TemplateList
          all={all}
          setAll={setAll}
          mayManage={mayManage}
          onNew={() => setEditing({ base: null })}
        />
      )}
      {editing && (
        <TemplateEditorDialog
          base={editing.base}
          onClose={() => setEditing(null)}
          onSaved={(t) => {
            setEditing(null);
            const next = new URLSearchParams(params);
            next.set('template', t.id);
            setParams(next);
          }}
        />
      )}
    </div>
  );
}
