import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useOrgUnits, usePortfolios, usePrograms } from '../../api/queries.ts';
import { fetchRoadmap, type RoadmapFilters, type RoadmapProject, scheduleKeys } from '../../api/schedule.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { Button } from '../../design/Button.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { STATUS_LABELS } from '../../design/labels.ts';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { orgUnitOptions } from '../projects/org-options.ts';
import { HEADER_HEIGHT, type TimeScale, xOf } from './schedule-model.ts';
import { formatLocalDate, localDay, nowChartDay, weekday } from './schedule-time.ts';
import { headerTiers } from './timescale.ts';

const ROW = 44;
const PX_PER_DAY = 3.2;

/** A project's bar: its scheduled dates, or the planned dates when it has no plan yet. */
function spanOf(p: RoadmapProject): { start: string; finish: string; planned: boolean } | null {
  if (p.start && p.finish) return { start: p.start, finish: p.finish, planned: false };
  if (p.plannedStart && p.plannedFinish)
    return {
      start: `${p.plannedStart.slice(0, 10)}T08:00:00`,
      finish: `${p.plannedFinish.slice(0, 10)}T17:00:00`,
      planned: true,
    };
  return null;
}

function roadmapScale(projects: readonly RoadmapProject[]): TimeScale {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const p of projects) {
    const span = spanOf(p);
    if (!span) continue;
    min = Math.min(min, localDay(span.start));
    max = Math.max(max, localDay(span.finish));
  }
  if (!Number.isFinite(min)) {
    min = Math.floor(Date.now() / 86_400_000);
    max = min + 365;
  }
  let origin = min - 30;
  origin -= weekday(origin);
  const days = Math.max(max - origin + 60, 400);
  return { origin, days, pxPerDay: PX_PER_DAY, zoom: 'month', width: Math.ceil(days * PX_PER_DAY) };
}

/** Every visible project on one time line, with its milestones and the links between projects. */
export function RoadmapPage() {
  const [params, setParams] = useSearchParams();
  const filters: RoadmapFilters = {
    ...(params.get('portfolioId') ? { portfolioId: params.get('portfolioId') ?? '' } : {}),
    ...(params.get('orgUnitId') ? { orgUnitId: params.get('orgUnitId') ?? '' } : {}),
    ...(params.get('programId') ? { programId: params.get('programId') ?? '' } : {}),
  };
  const setFilter = (key: keyof RoadmapFilters, value: string) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    setParams(p);
  };
  const units = useOrgUnits();
  const portfolios = usePortfolios();
  const programs = usePrograms();
  const query = useQuery({
    queryKey: scheduleKeys.roadmap(filters),
    queryFn: ({ signal }) => fetchRoadmap(filters, signal),
    placeholderData: keepPreviousData,
  });
  const projects = query.data?.projects ?? [];
  const scale = useMemo(() => roadmapScale(query.data?.projects ?? []), [query.data]);
  const tiers = useMemo(() => headerTiers(scale, scale.origin, scale.origin + scale.days), [scale]);
  const anyFilter = Object.keys(filters).length > 0;

  const rowOf = useMemo(() => new Map(projects.map((p, i) => [p.id, i])), [projects]);
  const arrows = useMemo(() => {
    const out: { id: string; d: string }[] = [];
    for (const link of query.data?.links ?? []) {
      const i1 = rowOf.get(link.predecessorProjectId);
      const i2 = rowOf.get(link.successorProjectId);
      const p1 = i1 === undefined ? undefined : projects[i1];
      const p2 = i2 === undefined ? undefined : projects[i2];
      if (i1 === undefined || i2 === undefined || !p1 || !p2) continue;
      const s1 = spanOf(p1);
      const s2 = spanOf(p2);
      if (!s1 || !s2) continue;
      const m1 = p1.milestones.find((m) => m.taskId === link.predecessorId)?.finish;
      const m2 = p2.milestones.find((m) => m.taskId === link.successorId)?.finish;
      const x1 = xOf(scale, m1 ?? s1.finish);
      const x2 = xOf(scale, m2 ?? s2.start);
      const y1 = i1 * ROW + ROW / 2;
      const y2 = i2 * ROW + ROW / 2 + (i2 > i1 ? -9 : 9);
      const bend = Math.max(x1 + 10, Math.min(x2, x1 + 40));
      out.push({ id: link.id, d: `M${x1},${y1} C${bend},${y1} ${x2},${(y1 + y2) / 2} ${x2},${y2}` });
    }
    return out;
  }, [query.data, rowOf, projects, scale]);
  const today = (nowChartDay() - scale.origin) * scale.pxPerDay;

  return (
    <div className="page roadmap">
      <PageHeader
        title="Roadmap"
        subtitle="Every running project on one time line: bars from the scheduled plan (or the planned dates), milestones, and links between projects."
      />
      <div className="stack">
        <section className="filter-bar" aria-label="Roadmap filters">
          <div className="filter-bar__item">
            <label htmlFor="roadmap-portfolio" className="filter-bar__label">
              Portfolio
            </label>
            <Select
              id="roadmap-portfolio"
              controlSize="sm"
              value={filters.portfolioId ?? ''}
              placeholder="All portfolios"
              options={(portfolios.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              onChange={(e) => setFilter('portfolioId', e.target.value)}
            />
          </div>
          <div className="filter-bar__item">
            <label htmlFor="roadmap-unit" className="filter-bar__label">
              Org unit
            </label>
            <Select
              id="roadmap-unit"
              controlSize="sm"
              value={filters.orgUnitId ?? ''}
              placeholder="Whole organisation"
              options={orgUnitOptions(units.data ?? [])}
              onChange={(e) => setFilter('orgUnitId', e.target.value)}
            />
          </div>
          <div className="filter-bar__item">
            <label htmlFor="roadmap-program" className="filter-bar__label">
              Program
            </label>
            <Select
              id="roadmap-program"
              controlSize="sm"
              value={filters.programId ?? ''}
              placeholder="All programs"
              options={(programs.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              onChange={(e) => setFilter('programId', e.target.value)}
            />
          </div>
          {anyFilter && (
            <div className="filter-bar__item filter-bar__item--end">
              <Button size="sm" variant="ghost" onClick={() => setParams(new URLSearchParams())}>
                Clear filters
              </Button>
            </div>
          )}
        </section>
        <div className="roadmap__legend" aria-hidden="true">
          <span>
            <span className="roadmap__swatch" /> Scheduled plan
          </span>
          <span>
            <span className="roadmap__swatch roadmap__swatch--planned" /> Planned dates (no plan yet)
          </span>
          <span>
            <span className="milestone-diamond" /> Milestone
          </span>
          <span>
            <span className="milestone-diamond is-critical" /> Critical milestone
          </span>
          <span>
            <span className="roadmap__swatch roadmap__swatch--link" /> Cross-project link
          </span>
        </div>
        {query.isPending ? (
          <LoadingState label="Loading the roadmap…" />
        ) : query.isError ? (
          <ErrorState
            error={query.error}
            title="Could not load the roadmap"
            onRetry={() => query.refetch()}
          />
        ) : projects.length === 0 ? (
          <EmptyState title={anyFilter ? 'No projects match these filters' : 'No running projects yet'}>
            The roadmap shows projects that are proposed, approved, active or on hold.
          </EmptyState>
        ) : (
          <div className="roadmap__frame">
            <div className="roadmap__names">
              <div className="roadmap__names-head" aria-hidden="true">
                Project
              </div>
              <ul className="roadmap__list" aria-label="Projects on the roadmap">
                {projects.map((p) => {
                  const span = spanOf(p);
                  return (
                    <li key={p.id} className="roadmap__name">
                      <Link to={`/projects/${p.id}?tab=schedule`}>
                        <span className="mono subtle">{p.code}</span> {p.name}
                      </Link>
                      <span className="cell-sub">
                        {STATUS_LABELS[p.status as keyof typeof STATUS_LABELS] ?? p.status} ·{' '}
                        {span
                          ? `${formatLocalDate(span.start)} → ${formatLocalDate(span.finish)}${span.planned ? ' (planned)' : ''}`
                          : 'no dates'}
                        {p.milestones.length > 0 &&
                          ` · ${p.milestones.length} ${p.milestones.length === 1 ? 'milestone' : 'milestones'}`}
                      </span>
                      {p.milestones.length > 0 && (
                        <ul className="visually-hidden">
                          {p.milestones.map((m) => (
                            <li key={m.taskId}>
                              {m.name}: {formatLocalDate(m.finish)}
                              {m.critical ? ' (critical)' : ''}
                            </li>
                          ))}
                        </ul>
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
            <section
              className="roadmap__chart"
              aria-label="Time line (scroll sideways)"
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable from the keyboard
              tabIndex={0}
            >
              <div className="gantt" aria-hidden="true" style={{ width: scale.width }}>
                <div className="gantt__header" style={{ width: scale.width, height: HEADER_HEIGHT }}>
                  <div className="gantt__tier gantt__tier--top">
                    {tiers.top.map((t) => (
                      <div key={t.key} className="gantt__tick" style={{ left: t.x, width: t.width }}>
                        <span>{t.label}</span>
                      </div>
                    ))}
                  </div>
                  <div className="gantt__tier gantt__tier--bottom">
                    {tiers.bottom.map((t) => (
                      <div key={t.key} className="gantt__tick" style={{ left: t.x, width: t.width }}>
                        <span>{t.label}</span>
                      </div>
                    ))}
                  </div>
                  {today >= 0 && today <= scale.width && (
                    <span className="gantt__flag gantt__flag--today" style={{ left: today }}>
                      Today
                    </span>
                  )}
                </div>
                <div className="roadmap__body" style={{ height: projects.length * ROW, width: scale.width }}>
                  {today >= 0 && today <= scale.width && (
                    <div className="gantt__line gantt__line--today" style={{ left: today }} />
                  )}
                  {projects.map((p, i) => {
                    const span = spanOf(p);
                    if (!span) return null;
                    const x = xOf(scale, span.start);
                    const w = Math.max(xOf(scale, span.finish) - x, 4);
                    return (
                      <div key={p.id}>
                        <div
                          className={
                            span.planned
                              ? 'roadmap__bar roadmap__bar--planned'
                              : `roadmap__bar roadmap__bar--status-${p.status}`
                          }
                          style={{ left: x, width: w, top: i * ROW + (ROW - 18) / 2 }}
                          title={`${p.code} ${p.name}`}
                        />
                        {p.milestones.map((m) =>
                          m.finish ? (
                            <div
                              key={m.taskId}
                              className={m.critical ? 'roadmap__milestone is-critical' : 'roadmap__milestone'}
                              style={{ left: xOf(scale, m.finish), top: i * ROW + ROW / 2 - 6 }}
                              title={`${m.name} · ${formatLocalDate(m.finish)}`}
                            />
                          ) : null,
                        )}
                      </div>
                    );
                  })}
                  <svg
                    className="roadmap__links"
                    width={scale.width}
                    height={projects.length * ROW}
                    role="presentation"
                  >
                    <defs>
                      <marker
                        id="roadmap-arrow"
                        viewBox="0 0 8 8"
                        refX="7"
                        refY="4"
                        markerWidth="7"
                        markerHeight="7"
                        orient="auto"
                      >
                        <path d="M0,0 L8,4 L0,8 z" className="roadmap__arrowhead" />
                      </marker>
                    </defs>
                    {arrows.map((a) => (
                      <path key={a.id} d={a.d} className="roadmap__link" markerEnd="url(#roadmap-arrow)" />
                    ))}
                  </svg>
                </div>
              </div>
            </section>
          </div>
        )}
        {query.data && query.data.links.length > 0 && (
          <section aria-label="Links between projects" className="roadmap__link-list">
            <h2 className="task-dialog__heading">Links between projects</h2>
            <ul>
              {query.data.links.map((l) => (
                <li key={l.id}>
                  {l.predecessorName} → {l.successorName} <span className="subtle">({l.type})</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  );
}
