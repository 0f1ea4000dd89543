import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { complianceKeys, fetchProjectCompliance, type ProjectCompliance } from '../../api/compliance.ts';
import {
  type ComplianceCheck,
  fetchComplianceChecks,
  fetchStandardsAt,
  type ProjectComplianceChecks,
  standardKeys,
} from '../../api/standards.ts';
import type { Project } from '../../api/types.ts';
import { useSession } from '../../app/session-context.ts';
import { Alert } from '../../design/Alert.tsx';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { formatDate, formatDateTime } from '../../design/format.ts';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { scoreTone } from '../compliance/CompliancePage.tsx';
import { AttestDialog } from './AttestDialog.tsx';
import {
  CHECK_STATE_LABELS,
  CHECK_STATE_TONES,
  checkStateOf,
  checksSummary,
  groupChecks,
  RULE_STATE_LABELS,
  RULE_STATE_TONES,
  ruleStateOf,
} from './standards-model.ts';
import '../governance/governance.css';
import './standards.css';

function ScoreCard({ data }: { data: ProjectCompliance }) {
  const p = data.project;
  return (
    <Card
      title="Compliance score"
      description={`As of ${formatDate(data.asOf)}: the share of the rules that apply to the project that it meets; each checklist item counts as one rule.`}
    >
      {!p ? (
        <EmptyState title="No rule applies yet">
          Compliance is scored once the project is approved, and while it is active or on hold.
        </EmptyState>
      ) : (
        <div className="stack">
          <div className="std-score">
            <span className="std-score__value">{p.score === null ? '—' : `${p.score} %`}</span>
            <Badge tone={scoreTone(p.score)}>
              {p.score === null ? 'Not scored' : p.belowTarget ? 'Below target' : 'On target'}
            </Badge>
            <span className="subtle">target {p.target} % (the PMO policy in force)</span>
          </div>
          {p.belowTarget && (
            <Alert tone="warning" title={`Below the policy’s ${p.target} %`}>
              The failed rules below say what is missing.
            </Alert>
          )}
        </div>
      )}
    </Card>
  );
}

function RulesCard({ data }: { data: ProjectCompliance }) {
  const p = data.project;
  if (!p) return null;
  return (
    <Card
      flush
      title="Rules"
      description="Checked from what Baton records, and the PMO checklist attested below."
    >
      <Table scrollLabel="Compliance rules">
        <caption className="visually-hidden">The project’s result for each compliance rule</caption>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Result</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {data.rules.map((r) => {
            const result = p.results.find((x) => x.rule === r.key);
            const state = ruleStateOf(result);
            return (
              <tr key={r.key} data-state={state}>
                <td>{r.title}</td>
                <td>
                  <Badge tone={RULE_STATE_TONES[state]}>{RULE_STATE_LABELS[state]}</Badge>
                </td>
                <td className={state === 'na' ? 'subtle' : undefined}>{result?.detail || '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </Card>
  );
}

function CheckItem({
  check,
  mayEdit,
  onAttest,
}: {
  check: ComplianceCheck;
  mayEdit: boolean;
  onAttest: (check: ComplianceCheck) => void;
}) {
  const state = checkStateOf(check);
  return (
    <li
      className="gov-item"
      data-done={state === 'met' || undefined}
      data-failed={state === 'not-met' || undefined}
    >
      <span className="gov-item__static">
        <span className="gov-item__mark" aria-hidden="true">
          {state === 'met' ? '✓' : state === 'not-met' ? '✗' : '○'}
        </span>
        <span>
          <span className="gov-item__name">{check.text}</span>
          <span className="gov-item__who">
            Set by {check.orgUnitName}
            {check.checkedAt &&
              ` · attested ${formatDateTime(check.checkedAt)}${check.checkedByName ? ` by ${check.checkedByName}` : ''}`}
          </span>
        </span>
      </span>
      <span className="gov-item__meta">
        <Badge tone={CHECK_STATE_TONES[state]}>{CHECK_STATE_LABELS[state]}</Badge>
        {mayEdit && (
          <Button size="sm" onClick={() => onAttest(check)}>
            {state === 'open' ? 'Attest' : 'Change'}
            <span className="visually-hidden">: {check.text}</span>
          </Button>
        )}
      </span>
      {check.note && <p className="gov-item__note">{check.note}</p>}
    </li>
  );
}

function ChecklistCard({
  projectId,
  checks,
  mayEdit,
  standardIds,
}: {
  projectId: string;
  checks: ProjectComplianceChecks;
  mayEdit: boolean;
  standardIds: ReadonlyMap<string, string>;
}) {
  const [attesting, setAttesting] = useState<ComplianceCheck | null>(null);
  return (
    <Card
      title="PMO checklist"
      description={
        checks.items.length > 0
          ? `${checksSummary(checks.items)}. The items of the project’s org unit and the units above it, less those waived.`
          : undefined
      }
    >
      {checks.items.length === 0 ? (
        <EmptyState title="No checklist items apply">
          The PMO of this project’s unit, or of a unit above it, has not set any (or waived them).
        </EmptyState>
      ) : (
        <div className="stack">
          {groupChecks(checks.items).map((g) => {
            const id = g.key ? standardIds.get(g.key) : undefined;
            return (
              <section key={g.key ?? 'none'} aria-label={g.title}>
                <h3 className="gov-checklist__title">
                  {id ? (
                    <Link className="std-inline-link" to={`/governance/standards/${id}`}>
                      {g.title}
                    </Link>
                  ) : (
                    g.title
                  )}{' '}
                  <span className="gov-checklist__count">{checksSummary(g.checks)}</span>
                </h3>
                <ul className="gov-items">
                  {g.checks.map((c) => (
                    <CheckItem key={c.itemId} check={c} mayEdit={mayEdit} onAttest={setAttesting} />
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
      {attesting && (
        <AttestDialog projectId={projectId} check={attesting} onClose={() => setAttesting(null)} />
      )}
    </Card>
  );
}

/**
 * A project's compliance: its score against the target, each rule's result, and the PMO's checklist
 * the project team attests (read-only for those who may not change the project).
 */
export function ProjectComplianceTab({ project }: { project: Project }) {
  const { can } = useSession();
  const mayEdit = can('project.update') && project.status !== 'cancelled';
  const compliance = useQuery({
    queryKey: complianceKeys.project(project.id),
    queryFn: ({ signal }) => fetchProjectCompliance(project.id, signal),
  });
  const checks = useQuery({
    queryKey: standardKeys.checks(project.id),
    queryFn: ({ signal }) => fetchComplianceChecks(project.id, signal),
  });
  const standards = useQuery({
    queryKey: standardKeys.atUnit({ projectId: project.id }),
    queryFn: ({ signal }) => fetchStandardsAt({ projectId: project.id }, signal),
  });
  const standardIds = new Map((standards.data?.inForce ?? []).map((s) => [s.key, s.id]));
  return (
    <div className="stack">
      {compliance.isPending ? (
        <Card>
          <LoadingState label="Checking compliance…" />
        </Card>
      ) : compliance.isError ? (
        <Card>
          <ErrorState
            error={compliance.error}
            title="Could not check compliance"
            onRetry={() => compliance.refetch()}
          />
        </Card>
      ) : (
        <>
          <ScoreCard data={compliance.data} />
          <RulesCard data={compliance.data} />
        </>
      )}
      {checks.isPending ? (
        <Card title="PMO checklist">
          <LoadingState label="Loading the checklist…" />
        </Card>
      ) : checks.isError ? (
        <Card title="PMO checklist">
          <ErrorState
            error={checks.error}
            title="Could not load the checklist"
            onRetry={() => checks.refetch()}
          />
        </Card>
      ) : (
        <ChecklistCard
          projectId={project.id}
          checks={checks.data}
          mayEdit={mayEdit}
          standardIds={standardIds}
        />
      )}
    </div>
  );
}
