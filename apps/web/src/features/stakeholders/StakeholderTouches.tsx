import { summariseProjectsTouched } from '@baton/core';
import { Link } from 'react-router';
import type { Stakeholder } from '../../api/stakeholders.ts';
import { Card } from '../../design/Card.tsx';
import { Table } from '../../design/Table.tsx';
import { QuadrantBadge } from './StakeholderTable.tsx';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The portfolio-wide view: who is touched by how many projects — the few figures, how many
 * stakeholders each number of projects touches, and everyone ranked by their projects.
 */
export function StakeholderTouches({
  stakeholders,
  onOpen,
}: {
  stakeholders: readonly Stakeholder[];
  onOpen: (s: Stakeholder) => void;
}) {
  const summary = summariseProjectsTouched(stakeholders);
  const widest = Math.max(1, ...summary.histogram.map((h) => h.stakeholders));
  return (
    <div className="stack">
      <dl className="sh-figures">
        <div className="kpi">
          <dt className="kpi__label">Stakeholders</dt>
          <dd className="kpi__value">{stakeholders.length}</dd>
        </div>
        <div className="kpi">
          <dt className="kpi__label">On two projects or more</dt>
          <dd className="kpi__value">{summary.shared}</dd>
        </div>
        <div className="kpi">
          <dt className="kpi__label">On no project</dt>
          <dd className="kpi__value">{summary.unlinked}</dd>
        </div>
        <div className="kpi">
          <dt className="kpi__label">Most projects for one</dt>
          <dd className="kpi__value">{summary.most}</dd>
        </div>
      </dl>
      <div className="sh-touches">
        <Card title="How many projects touch each stakeholder" headingLevel={3}>
          <ul className="bars">
            {summary.histogram.map((h) => (
              <li key={h.projectCount}>
                <div className="bar__head">
                  <span>Touched by {plural(h.projectCount, 'project')}</span>
                  <strong className="num">{plural(h.stakeholders, 'stakeholder')}</strong>
                </div>
                <div className="bar__track" aria-hidden="true">
                  <div className="bar__fill" style={{ width: `${(h.stakeholders / widest) * 100}%` }} />
                </div>
              </li>
            ))}
          </ul>
        </Card>
        <Card flush title="Most shared first" headingLevel={3}>
          <Table scrollLabel="Stakeholders by the number of projects touching them">
            <caption className="visually-hidden">
              Stakeholders by the number of projects touching them
            </caption>
            <thead>
              <tr>
                <th scope="col">Stakeholder</th>
                <th scope="col">Quadrant</th>
                <th scope="col" className="num">
                  Projects
                </th>
                <th scope="col">Touched by</th>
              </tr>
            </thead>
            <tbody>
              {summary.ranked.map((s) => (
                <tr key={s.id}>
                  <td className="cell-name">
                    <button type="button" className="sh-name" onClick={() => onOpen(s)}>
                      {s.name}
                    </button>
                    {s.organisation && <span className="cell-sub">{s.organisation}</span>}
                  </td>
                  <td className="nowrap">
                    <QuadrantBadge s={s} />
                  </td>
                  <td className="num">
                    <strong>{s.projectCount}</strong>
                  </td>
                  <td>
                    {s.projects.length === 0 ? (
                      <span className="subtle">No project</span>
                    ) : (
                      <ul className="sh-touched">
                        {s.projects.map((p) => (
                          <li key={p.id}>
                            <Link to={`/projects/${p.id}?tab=stakeholders`}>
                              <span className="mono">{p.code}</span> {p.name}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      </div>
    </div>
  );
}
