import { Link } from 'react-router';
import type { Risk, RiskMatrixSettings } from '../../api/raid.ts';
import { Badge } from '../../design/Badge.tsx';
import { formatDate } from '../../design/format.ts';
import { Table } from '../../design/Table.tsx';
import { LevelBadge, ScoreWithLevel } from './RiskBits.tsx';
import {
  PROXIMITY_HINTS,
  PROXIMITY_LABELS,
  RESPONSE_LABELS,
  RISK_STATUS_LABELS,
  RISK_STATUS_TONES,
  ratingLabel,
  SCOPE_LABELS,
  whereHeld,
} from './raid-model.ts';

function WhereHeldCell({ risk }: { risk: Risk }) {
  const held = whereHeld(risk);
  if (held.scope === 'project')
    return risk.projectId ? (
      <Link
        to={`/projects/${risk.projectId}?tab=raid`}
        className="mono"
        title={risk.projectName ?? undefined}
      >
        {held.label}
      </Link>
    ) : (
      <span className="mono">{held.label}</span>
    );
  return (
    <>
      <span className="raid-held">
        <Badge tone="violet">Shared</Badge>
        <span>
          {held.label}
          <span className="visually-hidden"> ({SCOPE_LABELS[held.scope].toLowerCase()})</span>
        </span>
      </span>
      <span className="cell-sub">
        {held.linked.length === 0 ? 'No linked projects' : `Linked: ${held.linked.join(', ')}`}
      </span>
    </>
  );
}

/** The register: one row a risk, its rating, response and review state. */
export function RiskTable({
  items,
  matrix,
  caption,
  showWhere = true,
  projectId,
}: {
  items: readonly Risk[];
  matrix: RiskMatrixSettings;
  caption: string;
  /** Hide the "Held at" column (a project's own tab) — shared risks are still marked. */
  showWhere?: boolean;
  /** On a project's tab: the project, to mark the risks it does not own. */
  projectId?: string;
}) {
  return (
    <Table className="raid-table" scrollLabel={caption}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Risk</th>
          {showWhere && <th scope="col">Held at</th>}
          <th scope="col" className="num">
            <abbr title="Probability">P</abbr>
          </th>
          <th scope="col" className="num">
            <abbr title="Impact">I</abbr>
          </th>
          <th scope="col">Score</th>
          <th scope="col">Residual</th>
          <th scope="col">Owner</th>
          <th scope="col">Proximity</th>
          <th scope="col">Response</th>
          <th scope="col">Status</th>
          <th scope="col">Reviewed</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id}>
            <td className="nowrap">
              <Link to={`/risks/${r.id}`} className="mono">
                {r.code}
              </Link>
            </td>
            <td className="raid-table__title">
              <Link to={`/risks/${r.id}`} className="cell-name__link">
                {r.title}
              </Link>
              {!showWhere && projectId && r.scope !== 'project' && (
                <span className="cell-sub">
                  <Badge tone="violet">Shared</Badge> held at {whereHeld(r).label}
                </span>
              )}
              {r.category && <span className="cell-sub">{r.category}</span>}
            </td>
            {showWhere && (
              <td className="raid-table__held">
                <WhereHeldCell risk={r} />
              </td>
            )}
            <td className="num" title={ratingLabel(matrix.probabilityLabels, r.probability)}>
              {r.probability}
            </td>
            <td className="num" title={ratingLabel(matrix.impactLabels, r.impact)}>
              {r.impact}
            </td>
            <td className="nowrap">
              <ScoreWithLevel score={r.score} level={r.level} />
            </td>
            <td className="nowrap">
              {r.residualScore !== null && r.residualLevel ? (
                <span className="raid-score">
                  <span className="raid-score__value">{r.residualScore}</span>
                  <LevelBadge level={r.residualLevel} />
                </span>
              ) : (
                <span className="subtle">—</span>
              )}
            </td>
            <td>{r.ownerName ?? <span className="subtle">Unassigned</span>}</td>
            <td className="nowrap">
              <span title={PROXIMITY_HINTS[r.proximity]}>{PROXIMITY_LABELS[r.proximity]}</span>
              {r.expectedBy && <span className="cell-sub">by {formatDate(r.expectedBy)}</span>}
            </td>
            <td>{r.response ? RESPONSE_LABELS[r.response] : <span className="subtle">None yet</span>}</td>
            <td>
              <Badge tone={RISK_STATUS_TONES[r.status]}>{RISK_STATUS_LABELS[r.status]}</Badge>
            </td>
            <td className="nowrap">
              {r.reviewedAt ? formatDate(r.reviewedAt.slice(0, 10)) : <span className="subtle">Never</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
