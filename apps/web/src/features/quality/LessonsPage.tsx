import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { collectPages, exportFileName, MAX_PAGE_SIZE } from '../../api/exports.ts';
import {
  type Lesson,
  type LessonCategory,
  type LessonKind,
  listLessons,
  qualityKeys,
} from '../../api/quality.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { formatDate } from '../../design/format.ts';
import { Input } from '../../design/Input.tsx';
import { Pagination } from '../../design/Pagination.tsx';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { useProjectChoices } from '../raid/raid-queries.ts';
import { LessonDialog } from './LessonDialog.tsx';
import { lessonExportColumns, lessonExportRow } from './quality-export.ts';
import {
  hasLessonFilters,
  LESSON_CATEGORY_LIST,
  LESSON_KIND_LABELS,
  LESSON_KIND_LIST,
  LESSON_KIND_TONES,
  LESSON_PAGE_SIZE,
  type LessonSearch,
  readLessonSearch,
  toLessonQuery,
  toOptions,
  writeLessonSearch,
} from './quality-model.ts';
import './quality.css';

/** Search and filters; every change goes to the URL, the words after a short pause (or Enter). */
function LessonFilters({
  search,
  onChange,
}: {
  search: LessonSearch;
  onChange: (c: Partial<LessonSearch>) => void;
}) {
  const projects = useProjectChoices();
  const [q, setQ] = useState(search.q);
  const [tag, setTag] = useState(search.tag);
  useEffect(() => setQ(search.q), [search.q]);
  useEffect(() => setTag(search.tag), [search.tag]);
  useEffect(() => {
    if (q.trim() === search.q.trim()) return;
    const t = window.setTimeout(() => onChange({ q: q.trim() }), 400);
    return () => window.clearTimeout(t);
  }, [q, search.q, onChange]);
  return (
    <section className="filter-bar" aria-label="Search lessons learned">
      <div className="filter-bar__item filter-bar__item--grow">
        <label htmlFor="lessons-q" className="filter-bar__label">
          Search
        </label>
        <Input
          id="lessons-q"
          type="search"
          controlSize="sm"
          placeholder="Words, “a phrase”, -without"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onChange({ q: q.trim() });
          }}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="lessons-category" className="filter-bar__label">
          Category
        </label>
        <Select
          id="lessons-category"
          controlSize="sm"
          value={search.category}
          placeholder="Any category"
          options={toOptions(LESSON_CATEGORY_LIST)}
          onChange={(e) => onChange({ category: e.target.value as LessonCategory | '' })}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="lessons-kind" className="filter-bar__label">
          Kind
        </label>
        <Select
          id="lessons-kind"
          controlSize="sm"
          value={search.kind}
          placeholder="Keep and improve"
          options={toOptions(LESSON_KIND_LIST, LESSON_KIND_LABELS)}
          onChange={(e) => onChange({ kind: e.target.value as LessonKind | '' })}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="lessons-project" className="filter-bar__label">
          Project
        </label>
        <Select
          id="lessons-project"
          controlSize="sm"
          value={search.projectId}
          placeholder="Any project"
          options={(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
          onChange={(e) => onChange({ projectId: e.target.value })}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="lessons-tag" className="filter-bar__label">
          Tag
        </label>
        <Input
          id="lessons-tag"
          controlSize="sm"
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          onBlur={() => tag.trim() !== search.tag && onChange({ tag: tag.trim().toLowerCase() })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onChange({ tag: tag.trim().toLowerCase() });
          }}
        />
      </div>
      {hasLessonFilters(search) && (
        <div className="filter-bar__item filter-bar__item--end">
          <Button
            size="sm"
            variant="ghost"
            onClick={() => onChange({ q: '', category: '', kind: '', projectId: '', tag: '' })}
          >
            Clear
          </Button>
        </div>
      )}
    </section>
  );
}

function LessonCard({ lesson, onTag }: { lesson: Lesson; onTag: (tag: string) => void }) {
  return (
    <article className="q-lesson">
      <header className="q-lesson__head">
        <h2 className="q-lesson__title">
          <span className="mono subtle">{lesson.code}</span> {lesson.title}
        </h2>
        <span className="row">
          <Badge tone={LESSON_KIND_TONES[lesson.kind]}>{LESSON_KIND_LABELS[lesson.kind]}</Badge>
          <Badge>{toOptions([lesson.category])[0]?.label}</Badge>
        </span>
      </header>
      <p className="subtle">
        {lesson.projectId ? (
          <Link to={`/projects/${lesson.projectId}?tab=quality`}>
            {lesson.projectCode} {lesson.projectName}
          </Link>
        ) : (
          'Organisation-wide'
        )}{' '}
        · {formatDate(lesson.createdAt.slice(0, 10))}
      </p>
      <p className="q-lesson__text">
        {lesson.excerpt?.some((e) => e.match)
          ? lesson.excerpt.map((e, i) =>
              // biome-ignore lint/suspicious/noArrayIndexKey: the runs of one excerpt never reorder
              e.match ? <mark key={i}>{e.text}</mark> : <span key={i}>{e.text}</span>,
            )
          : lesson.whatHappened}
      </p>
      {lesson.recommendation && !lesson.excerpt?.some((e) => e.match) && (
        <p className="q-lesson__text">
          <strong>Recommendation:</strong> {lesson.recommendation}
        </p>
      )}
      {lesson.tags.length > 0 && (
        <ul className="q-tags" aria-label="Tags">
          {lesson.tags.map((t) => (
            <li key={t}>
              <button
                type="button"
                className="b-tag q-tag"
                aria-label={`Show lessons tagged ${t}`}
                onClick={() => onTag(t)}
              >
                {t}
              </button>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** The lessons-learned register: every project the user may see and the organisation’s own, searchable. */
export function LessonsPage() {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const search = readLessonSearch(params);
  const query = toLessonQuery(search);
  const list = useQuery({
    queryKey: qualityKeys.lessonList(query),
    queryFn: ({ signal }) => listLessons(query, signal),
    placeholderData: keepPreviousData,
  });
  const [adding, setAdding] = useState(false);
  const change = (c: Partial<LessonSearch>) => setParams((p) => writeLessonSearch(p, c), { replace: true });
  const items = list.data?.items ?? [];
  return (
    <div className="page">
      <PageHeader
        title="Lessons learned"
        subtitle="What projects learned — to keep doing and to improve — searchable across every project you may see."
        actions={
          <>
            <ExportButtons
              fileName={exportFileName('lessons')}
              what="lessons"
              columns={lessonExportColumns()}
              disabled={(list.data?.total ?? 0) === 0}
              rows={async () => {
                // Every page of the search, not only the page on screen.
                const all = await collectPages(
                  (page, pageSize) => listLessons({ ...query, page, pageSize }),
                  MAX_PAGE_SIZE,
                );
                return all.map(lessonExportRow);
              }}
            />
            {can('project.update') ? (
              <Button variant="primary" onClick={() => setAdding(true)}>
                <span aria-hidden="true">+</span> Add lesson
              </Button>
            ) : null}
          </>
        }
      />
      <div className="stack">
        <LessonFilters search={search} onChange={change} />
        <p className="subtle" aria-live="polite">
          {list.data
            ? `${list.data.total} lesson${list.data.total === 1 ? '' : 's'}${search.q ? `, most relevant first` : ', newest first'}.`
            : ' '}
        </p>
        {list.isPending ? (
          <LoadingState label="Searching lessons…" />
        ) : list.isError ? (
          <ErrorState error={list.error} title="Could not load the lessons" onRetry={() => list.refetch()} />
        ) : items.length === 0 ? (
          <Card>
            <EmptyState title={hasLessonFilters(search) ? 'No lesson matches' : 'No lessons yet'}>
              {hasLessonFilters(search)
                ? 'Try other words, or clear the filters.'
                : 'Record what a project learned so the next one starts from it.'}
            </EmptyState>
          </Card>
        ) : (
          <section className="q-lessons" aria-label="Lessons found">
            {items.map((l) => (
              <LessonCard key={l.id} lesson={l} onTag={(tag) => change({ tag })} />
            ))}
          </section>
        )}
        {list.data && list.data.total > LESSON_PAGE_SIZE && (
          <Pagination
            page={search.page}
            pageSize={LESSON_PAGE_SIZE}
            total={list.data.total}
            onPageChange={(page) => change({ page })}
            label="Pages of lessons"
          />
        )}
      </div>
      {adding && <LessonDialog onClose={() => setAdding(false)} />}
    </div>
  );
}
