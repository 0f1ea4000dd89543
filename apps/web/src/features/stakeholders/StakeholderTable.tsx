import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Stakeholder } from '../../api/stakeholders.ts';
import { Badge } from '../../design/Badge.tsx';
import { Table } from '../../design/Table.tsx';
import {
  ATTITUDE_LABELS,
  ATTITUDE_TONES,
  engagementText,
  QUADRANT_LABELS,
  QUADRANT_TONES,
} from './stakeholder-model.ts';

/** The quadrant as a badge, its ratings beside it. */
export function QuadrantBadge({ s }: { s: Pick<Stakeholder, 'quadrant' | 'influence' | 'interest'> }) {
  return (
    <span className="sh-quadrant">
      <Badge tone={QUADRANT_TONES[s.quadrant]}>{QUADRANT_LABELS[s.quadrant]}</Badge>
      <span className="cell-sub">
        <abbr title="Influence">Inf</abbr> {s.influence} · <abbr title="Interest">Int</abbr> {s.interest}
      </span>
    </span>
  );
}

/** The codes of a stakeholder's projects as links, the first few shown. */
function ProjectLinks({ s, max = 4 }: { s: Stakeholder; max?: number }) {
  if (s.projects.length === 0) return <span className="subtle">None</span>;
  const shown = s.projects.slice(0, max);
  return (
    <span className="sh-projects">
      {shown.map((p) => (
        <Link key={p.id} to={`/projects/${p.id}?tab=stakeholders`} className="mono" title={p.name}>
          {p.code}
        </Link>
      ))}
      {s.projects.length > max && <span className="subtle">+{s.projects.length - max}</span>}
    </span>
  );
}

/** The register: one row a stakeholder, with its quadrant, attitude, engagement and projects. */
export function StakeholderTable({
  items,
  caption,
  onOpen,
  actions,
  showProjects = true,
}: {
  items: readonly Stakeholder[];
  caption: string;
  onOpen: (s: Stakeholder) => void;
  /** The buttons at the end of each row (edit, delete, unlink…). */
  actions?: ((s: Stakeholder) => ReactNode) | undefined;
  showProjects?: boolean;
}) {
  return (
    <Table className="sh-table" scrollLabel={caption}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Stakeholder</th>
          <th scope="col">Organisation</th>
          <th scope="col">Quadrant</th>
          <th scope="col">Attitude</th>
          <th scope="col">Engagement</th>
          <th scope="col">Owner</th>
          {showProjects && (
            <th scope="col" className="num">
              Projects
            </th>
          )}
          {actions && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {items.map((s) => (
          <tr key={s.id}>
            <td className="cell-name">
              <button type="button" className="sh-name" onClick={() => onOpen(s)}>
                {s.name}
              </button>
              {s.role && <span className="cell-sub">{s.role}</span>}
            </td>
            <td>
              {s.organisation ?? <span className="subtle">—</span>}
              {s.email && (
                <span className="cell-sub">
                  <a href={`mailto:${s.email}`}>{s.email}</a>
                </span>
              )}
            </td>
            <td className="nowrap">
              <QuadrantBadge s={s} />
            </td>
            <td>
              <Badge tone={ATTITUDE_TONES[s.attitude]}>{ATTITUDE_LABELS[s.attitude]}</Badge>
            </td>
            <td className="nowrap">
              {engagementText(s)}
              {s.engagementGap > 0 && <span className="cell-sub">to raise by {s.engagementGap}</span>}
            </td>
            <td>{s.ownerName ?? <span className="subtle">Unassigned</span>}</td>
            {showProjects && (
              <td className="num">
                <strong>{s.projectCount}</strong>
                <span className="cell-sub">
                  <ProjectLinks s={s} />
                </span>
              </td>
            )}
            {actions && (
              <td className="nowrap">
                <span className="row">{actions(s)}</span>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
