import type { StatusReportDetail } from '../../api/status-reports.ts';
import { Alert } from '../../design/Alert.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { formatDateTime } from '../../design/format.ts';
import { Table } from '../../design/Table.tsx';
import { RagBadge } from './RagBadge.tsx';
import {
  computedDimensions,
  computedRagOf,
  dimensionLabel,
  figureEntries,
  latestReturn,
  mismatchViews,
  NARRATIVE_FIELDS,
  RAG_FIELDS,
  ruleText,
  showsMismatchBanner,
} from './status-report-model.ts';

/** Baton's own health of the project: overall, and per dimension with the rules that fired and why. */
export function ComputedHealthCard({ report }: { report: StatusReportDetail }) {
  const frozen = report.status !== 'draft' && report.submittedAt;
  return (
    <Card
      title="Computed health"
      description={
        frozen
          ? `As Baton computed it when the report was submitted (${formatDateTime(frozen)}).`
          : 'Live from Baton’s figures while the report is a draft; frozen when it is submitted.'
      }
    >
      {!report.computed ? (
        <EmptyState title="Not computed">Baton has no figures for this period.</EmptyState>
      ) : (
        <div className="stack">
          <div className="sr-health-overall">
            <span className="sr-health-overall__label">Overall</span>
            <RagBadge rag={report.computed.overall} />
          </div>
          <ul className="sr-dimensions" aria-label="Computed health per dimension">
            {computedDimensions(report.computed).map((d) => (
              <li key={d.dimension} className="sr-dimension">
                <div className="sr-dimension__head">
                  <span className="sr-dimension__name">{d.label}</span>
                  <RagBadge rag={d.rag} />
                </div>
                {d.fired.length === 0 ? (
                  <p className="sr-dimension__none">No rule fired.</p>
                ) : (
                  <ul className="sr-rules">
                    {d.fired.map((r) => {
                      const t = ruleText(r);
                      return (
                        <li key={r.rule} className="sr-rule">
                          {t.title && <span className="sr-rule__title">{t.title}</span>}
                          <span className="sr-rule__text">{t.text}</span>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}

/** The figures Baton pre-filled, whatever they are, as a list of label and value. */
export function FiguresCard({ report, currency }: { report: StatusReportDetail; currency: string }) {
  const entries = figureEntries(report.figures, currency);
  return (
    <Card
      title="Figures"
      description="What Baton recorded for the period; the computed health rests on them."
    >
      {entries.length === 0 ? (
        <p className="subtle">No figures for this period.</p>
      ) : (
        <dl className="b-dl b-dl--single sr-figures">
          {entries.map((e) => (
            <div key={e.key}>
              <dt>{e.label}</dt>
              <dd className="num-strong">{e.text}</dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}

/** Once submitted: where the project reported itself better than its figures, and why they say so. */
export function MismatchBanner({ report }: { report: StatusReportDetail }) {
  if (!showsMismatchBanner(report)) return null;
  const views = mismatchViews(report);
  return (
    <section className="sr-mismatch" aria-label="Reported better than the figures">
      <Alert tone="error" title="Reported better than Baton’s figures">
        <ul className="sr-mismatch__list">
          {views.map((v) => (
            <li key={v.dimension}>
              <strong>{v.label}:</strong> {v.sentence}
              {v.explanations.length > 0 && (
                <ul className="sr-mismatch__why">
                  {v.explanations.map((x) => (
                    <li key={x}>{x}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </Alert>
    </section>
  );
}

/** Why the report is back with the project team, or that the PMO has accepted it. */
export function ReviewNotice({ report }: { report: StatusReportDetail }) {
  const returned = latestReturn(report, report.comments);
  if (report.status === 'returned')
    return (
      <Alert
        tone="warning"
        title={`Returned${returned?.authorName ? ` by ${returned.authorName}` : ''}${returned ? ` on ${formatDateTime(returned.createdAt)}` : ''}`}
      >
        {returned && <p className="sr-text">{returned.body}</p>}
        <p>Change the report as asked and submit it again.</p>
      </Alert>
    );
  if (report.status === 'reviewed')
    return (
      <Alert
        tone="success"
        title={`Accepted${report.reviewedByName ? ` by ${report.reviewedByName}` : ''}${report.reviewedAt ? ` on ${formatDateTime(report.reviewedAt)}` : ''}`}
      >
        The PMO has reviewed this report; it is a record now.
      </Alert>
    );
  return null;
}

/** The report as written, for those who may not (or no longer) change it. */
export function ReportReadOnly({ report }: { report: StatusReportDetail }) {
  return (
    <>
      <Card title="Report">
        <dl className="sr-narrative">
          {NARRATIVE_FIELDS.map((f) => {
            const text = report[f.field];
            return (
              <div key={f.field}>
                <dt>{f.label}</dt>
                <dd className={text ? 'sr-text' : 'subtle'}>{text || 'Not written'}</dd>
              </div>
            );
          })}
        </dl>
      </Card>
      <Card flush title="Reported RAG" description="What the project reports, beside what Baton computed.">
        <Table className="sr-rag-table">
          <caption className="visually-hidden">Reported and computed RAG, overall and per dimension</caption>
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col">Reported</th>
              <th scope="col">Computed</th>
            </tr>
          </thead>
          <tbody>
            {RAG_FIELDS.map((f) => (
              <tr key={f} data-mismatch={report.mismatches.some((m) => m.dimension === f) || undefined}>
                <th scope="row">{dimensionLabel(f)}</th>
                <td>
                  <RagBadge rag={report.reported[f]} none="Not reported" />
                </td>
                <td>
                  <RagBadge rag={computedRagOf(report.computed, f)} none="Not computed" />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </>
  );
}
