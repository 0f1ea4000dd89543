import { useQuery } from '@tanstack/react-query';
import { fetchProjectHistory, projectKeys } from '../../api/projects.ts';
import type { JournalEntry, Project } from '../../api/types.ts';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { formatDateTime, formatRelative } from '../../design/format.ts';
import { LoadingState } from '../../design/Spinner.tsx';
import { expandChanges, formatFieldValue, labelOfField, type NameLookup } from './field-labels.ts';
import { useNameLookup } from './use-name-lookup.ts';

const ACTION_LABELS: Record<string, string> = {
  create: 'created the project',
  update: 'edited the project',
  transition: 'changed the status',
  delete: 'deleted the project',
};

export function describeAction(entry: JournalEntry): string {
  if (entry.action === 'update' && entry.changes.length === 1 && entry.changes[0]?.field === 'status') {
    return 'changed the status';
  }
  return ACTION_LABELS[entry.action] ?? entry.action.replace(/[_.]/g, ' ');
}

/** One journal entry: who, when, what, and each field's old → new value. */
export function JournalChanges({ entry, lookup }: { entry: JournalEntry; lookup: NameLookup }) {
  const changes = expandChanges(entry.changes);
  if (changes.length === 0) return <p className="subtle">No field changed.</p>;
  const creating = entry.action === 'create';
  return (
    <dl className="changes">
      {changes.map((c) => (
        <div key={c.field} className="changes__row">
          <dt>{labelOfField(c.field, lookup)}</dt>
          <dd>
            {!creating && (
              <>
                <span className="changes__from">{formatFieldValue(c.field, c.from, lookup)}</span>
                <span className="changes__arrow" aria-hidden="true">
                  →
                </span>
                <span className="visually-hidden">changed to</span>
              </>
            )}
            <span className="changes__to">{formatFieldValue(c.field, c.to, lookup)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function ProjectHistory({ project }: { project: Project }) {
  const lookup = useNameLookup(project.currency);
  const query = useQuery({
    queryKey: projectKeys.history(project.id),
    queryFn: ({ signal }) => fetchProjectHistory(project.id, signal),
  });
  if (query.isPending) return <LoadingState label="Loading history…" />;
  if (query.isError)
    return (
      <ErrorState error={query.error} title="Could not load the history" onRetry={() => query.refetch()} />
    );
  if (query.data.items.length === 0)
    return <EmptyState title="No history yet">Changes to this project will appear here.</EmptyState>;
  return (
    <ol className="timeline" aria-label="Project history, newest first">
      {query.data.items.map((entry) => (
        <li key={entry.id} className="timeline__item">
          <span className={`timeline__dot timeline__dot--${entry.action}`} aria-hidden="true" />
          <div className="timeline__card">
            <p className="timeline__head">
              <strong>{entry.actorName ?? 'System'}</strong> {describeAction(entry)}
              <time className="timeline__time" dateTime={entry.at} title={formatDateTime(entry.at)}>
                {formatRelative(entry.at)}
              </time>
            </p>
            <JournalChanges entry={entry} lookup={lookup} />
          </div>
        </li>
      ))}
    </ol>
  );
}
