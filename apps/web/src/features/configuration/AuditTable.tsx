import { Link } from 'react-router';
import type { ConfigurationAuditLine, ConfigurationAuditSummary } from '../../api/configuration.ts';
import { Badge } from '../../design/Badge.tsx';
import { Table } from '../../design/Table.tsx';
import {
  AUDIT_STATUS_LABELS,
  AUDIT_STATUS_LIST,
  AUDIT_STATUS_TONES,
  auditExplanation,
  versionText,
} from './configuration-model.ts';

const COUNT_OF = {
  matches: 'matches',
  changed: 'changed',
  unexplained: 'unexplained',
  added: 'added',
  'no-approved-version': 'noApprovedVersion',
} as const;

/** The audit's counts by status, as badges. */
export function AuditSummaryBadges({
  summary,
  hideZero = false,
}: {
  summary: ConfigurationAuditSummary;
  hideZero?: boolean;
}) {
  return (
    <ul className="ci-summary" aria-label="Audit summary">
      {AUDIT_STATUS_LIST.filter((s) => !hideZero || summary[COUNT_OF[s]] > 0).map((s) => (
        <li key={s}>
          <Badge tone={summary[COUNT_OF[s]] > 0 ? AUDIT_STATUS_TONES[s] : 'gray'}>
            {AUDIT_STATUS_LABELS[s]}: {summary[COUNT_OF[s]]}
          </Badge>
        </li>
      ))}
    </ul>
  );
}

/** Each item's baseline version against its approved one, with the change requests that explain it. */
export function AuditTable({
  lines,
  caption,
  itemLink,
  changesLink,
}: {
  lines: readonly ConfigurationAuditLine[];
  caption: string;
  itemLink: (itemId: string) => string;
  changesLink: string;
}) {
  return (
    <Table scrollLabel={caption}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Audit</th>
          <th scope="col">Baseline</th>
          <th scope="col">Approved now</th>
          <th scope="col">Change requests</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.itemId} data-status={l.status}>
            <td>
              <Link to={itemLink(l.itemId)}>
                <span className="mono subtle">{l.code}</span> {l.name}
              </Link>
            </td>
            <td>
              <Badge tone={AUDIT_STATUS_TONES[l.status]} dot>
                {AUDIT_STATUS_LABELS[l.status]}
              </Badge>
              <span className="visually-hidden">: {auditExplanation(l)}</span>
            </td>
            <td className="nowrap">{versionText(l.baselineVersion)}</td>
            <td className="nowrap">{versionText(l.approvedVersion)}</td>
            <td>
              {l.changeRequests.length === 0 ? (
                <span className="subtle">—</span>
              ) : (
                l.changeRequests.map((c, i) => (
                  <span key={c.id}>
                    {i > 0 && ', '}
                    <Link to={changesLink} className="mono">
                      {c.code}
                    </Link>
                  </span>
                ))
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
