import type { OverviewStatus, Rag } from '../../api/status-reports.ts';
import { Badge } from '../../design/Badge.tsx';
import { RAG_LABELS, RAG_TONES, REPORT_STATUS_LABELS, REPORT_STATUS_TONES } from './status-report-model.ts';

/** A red, amber or green rating, always with its word; a dash (named for screen readers) when none. */
export function RagBadge({ rag, none = 'Not rated' }: { rag: Rag | null | undefined; none?: string }) {
  if (!rag)
    return (
      <span className="subtle">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{none}</span>
      </span>
    );
  return (
    <Badge tone={RAG_TONES[rag]} dot>
      {RAG_LABELS[rag]}
    </Badge>
  );
}

/** Where a status report stands: draft, submitted, returned, reviewed — or missing. */
export function ReportStatusBadge({ status }: { status: OverviewStatus }) {
  return <Badge tone={REPORT_STATUS_TONES[status]}>{REPORT_STATUS_LABELS[status]}</Badge>;
}

/** The marker of a report rated better than Baton's figures. */
export function MismatchBadge({ mismatch }: { mismatch: boolean }) {
  if (!mismatch)
    return (
      <span className="subtle">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">No mismatch</span>
      </span>
    );
  return (
    <Badge tone="red">
      <span aria-hidden="true">⚠</span> Better than the figures
    </Badge>
  );
}
