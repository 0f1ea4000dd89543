import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditConfiguration, type CiAuditVersion, selectBaselineVersions, summariseAudit } from './audit.ts';
import {
  CI_VERSION_STATUSES,
  type ConfigurationVersionStatus,
  checkVersionTransition,
  compareLabels,
  currentVersions,
  labelForNewVersion,
  nextMinorLabel,
  versionMoves,
} from './items.ts';

describe('version status transitions', () => {
  it('allows draft → in_review → approved, and in_review back to draft', () => {
    expect(checkVersionTransition('draft', 'in_review')).toEqual({ ok: true });
    expect(checkVersionTransition('in_review', 'approved')).toEqual({ ok: true });
    expect(checkVersionTransition('in_review', 'draft')).toEqual({ ok: true });
  });

  it('refuses skipping review, touching approved versions and superseding by hand', () => {
    const skip = checkVersionTransition('draft', 'approved');
    expect(skip.ok).toBe(false);
    expect(!skip.ok && skip.message).toContain('in review');
    const back = checkVersionTransition('approved', 'draft');
    expect(!back.ok && back.message).toContain('record a new version');
    const sup = checkVersionTransition('in_review', 'superseded');
    expect(!sup.ok && sup.message).toContain('only by approving');
    expect(checkVersionTransition('superseded', 'draft').ok).toBe(false);
    expect(checkVersionTransition('draft', 'draft').ok).toBe(false);
  });

  it('versionMoves agrees with checkVersionTransition for every pair', () => {
    for (const from of CI_VERSION_STATUSES)
      for (const to of CI_VERSION_STATUSES)
        expect(checkVersionTransition(from, to).ok, `${from}→${to}`).toBe(versionMoves(from).includes(to));
  });

  it('no sequence of moves leaves approved or superseded', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CI_VERSION_STATUSES), { maxLength: 20 }), (targets) => {
        let at: ConfigurationVersionStatus = 'draft';
        let reachedApproved = false;
        for (const to of targets) {
          if (checkVersionTransition(at, to).ok) at = to;
          if (at === 'approved') reachedApproved = true;
          if (reachedApproved) expect(at).toBe('approved');
        }
        expect(at).not.toBe('superseded');
      }),
    );
  });
});

describe('labels', () => {
  it('bumps the minor number', () => {
    expect(nextMinorLabel('1.0')).toBe('1.1');
    expect(nextMinorLabel('1.9')).toBe('1.10');
    expect(nextMinorLabel('2')).toBe('2.1');
    expect(nextMinorLabel('3.4.1')).toBe('3.5');
    expect(nextMinorLabel('draft')).toBe('draft.1');
  });

  it('skips labels already taken', () => {
    expect(nextMinorLabel('1.0', ['1.1', '1.2'])).toBe('1.3');
  });

  it('orders labels numerically and starts new items at 1.0', () => {
    expect(['1.10', '1.2', '2.0', 'a'].sort(compareLabels)).toEqual(['a', '1.2', '1.10', '2.0']);
    expect(labelForNewVersion([])).toBe('1.0');
    expect(labelForNewVersion(['1.0', '1.10', '1.2'])).toBe('1.11');
  });

  it('a new label is never one already taken', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^\d{1,2}(\.\d{1,2})?$/), { maxLength: 15 }), (labels) => {
        expect(labels).not.toContain(labelForNewVersion(labels));
      }),
    );
  });
});

describe('current versions', () => {
  it('finds the approved and the latest version', () => {
    const vs = [
      { id: 'a', number: 1, status: 'superseded' as const },
      { id: 'b', number: 2, status: 'approved' as const },
      { id: 'c', number: 3, status: 'draft' as const },
    ];
    expect(currentVersions(vs)).toEqual({ approved: vs[1], latest: vs[2] });
    expect(currentVersions([])).toEqual({ approved: null, latest: null });
  });
});

const v = (
  id: string,
  itemId: string,
  number: number,
  status: ConfigurationVersionStatus,
  changeRequestId: string | null = null,
): CiAuditVersion => ({ id, itemId, number, label: `1.${number - 1}`, status, changeRequestId });

const ITEMS = [
  { id: 'i1', code: 'CI-0001', name: 'Design', kind: 'document' },
  { id: 'i2', code: 'CI-0002', name: 'API spec', kind: 'specification' },
  { id: 'i3', code: 'CI-0003', name: 'Build', kind: 'component' },
  { id: 'i4', code: 'CI-0004', name: 'Test plan', kind: 'document' },
  { id: 'i5', code: 'CI-0005', name: 'Manual', kind: 'deliverable' },
];

describe('configuration audit', () => {
  it('names each status and the changes that explain a difference', () => {
    const versions = [
      v('a1', 'i1', 1, 'approved'),
      v('b1', 'i2', 1, 'superseded'),
      v('b2', 'i2', 2, 'approved', 'cr1'),
      v('c1', 'i3', 1, 'superseded'),
      v('c2', 'i3', 2, 'approved'),
      v('d1', 'i4', 1, 'approved'),
      v('e1', 'i5', 1, 'in_review'),
    ];
    const audit = auditConfiguration({
      items: ITEMS,
      versions,
      baseline: {
        id: 'bl',
        name: 'Design baseline',
        createdAt: '2026-01-01T00:00:00Z',
        entries: [
          { itemId: 'i1', versionId: 'a1' },
          { itemId: 'i2', versionId: 'b1' },
          { itemId: 'i3', versionId: 'c1' },
        ],
      },
      changes: [{ id: 'cr1', code: 'CR-001', status: 'approved' }],
    });
    const by = new Map(audit.items.map((l) => [l.code, l]));
    expect(by.get('CI-0001')?.status).toBe('matches');
    expect(by.get('CI-0002')).toMatchObject({
      status: 'changed',
      baselineVersion: { id: 'b1', number: 1 },
      approvedVersion: { id: 'b2', number: 2 },
      changeRequests: [{ id: 'cr1', code: 'CR-001' }],
    });
    expect(by.get('CI-0003')).toMatchObject({ status: 'unexplained', changeRequests: [] });
    expect(by.get('CI-0004')).toMatchObject({ status: 'added', baselineVersion: null });
    expect(by.get('CI-0005')).toMatchObject({ status: 'no-approved-version', approvedVersion: null });
    expect(audit.summary).toEqual({
      matches: 1,
      changed: 1,
      unexplained: 1,
      added: 1,
      noApprovedVersion: 1,
      total: 5,
    });
    expect(audit.baseline).toEqual({ id: 'bl', name: 'Design baseline', createdAt: '2026-01-01T00:00:00Z' });
  });

  it('a change request that was not approved explains nothing', () => {
    const audit = auditConfiguration({
      items: [ITEMS[0] as (typeof ITEMS)[number]],
      versions: [v('a1', 'i1', 1, 'superseded'), v('a2', 'i1', 2, 'approved', 'cr9')],
      baseline: { id: 'b', name: 'B', createdAt: 'x', entries: [{ itemId: 'i1', versionId: 'a1' }] },
      changes: [{ id: 'cr9', code: 'CR-009', status: 'rejected' }],
    });
    expect(audit.items[0]?.status).toBe('unexplained');
  });

  it('lists every change since the baseline, but only the current one decides explained', () => {
    const audit = auditConfiguration({
      items: [ITEMS[0] as (typeof ITEMS)[number]],
      versions: [
        v('a1', 'i1', 1, 'superseded'),
        v('a2', 'i1', 2, 'superseded', 'cr1'),
        v('a3', 'i1', 3, 'approved'),
      ],
      baseline: { id: 'b', name: 'B', createdAt: 'x', entries: [{ itemId: 'i1', versionId: 'a1' }] },
      changes: [{ id: 'cr1', code: 'CR-001', status: 'approved' }],
    });
    expect(audit.items[0]).toMatchObject({ status: 'unexplained', changeRequests: [{ code: 'CR-001' }] });
  });

  it('without a baseline, approved items are added', () => {
    const audit = auditConfiguration({
      items: ITEMS.slice(0, 2),
      versions: [v('a1', 'i1', 1, 'approved'), v('b1', 'i2', 1, 'draft')],
      baseline: null,
      changes: [],
    });
    expect(audit.items.map((l) => l.status)).toEqual(['added', 'no-approved-version']);
    expect(audit.baseline).toBeNull();
  });
});

describe('baseline selection', () => {
  const versions = [
    { id: 'a1', itemId: 'i1', number: 1, status: 'superseded' as const },
    { id: 'a2', itemId: 'i1', number: 2, status: 'approved' as const },
    { id: 'a3', itemId: 'i1', number: 3, status: 'draft' as const },
    { id: 'b1', itemId: 'i2', number: 1, status: 'in_review' as const },
  ];
  it('freezes the approved version, and names the items without one', () => {
    expect(selectBaselineVersions(ITEMS.slice(0, 2), versions)).toEqual({
      entries: [{ itemId: 'i1', versionId: 'a2' }],
      missing: ['i2'],
    });
  });
  it('takes only the chosen items', () => {
    expect(selectBaselineVersions(ITEMS.slice(0, 2), versions, ['i1'])).toEqual({
      entries: [{ itemId: 'i1', versionId: 'a2' }],
      missing: [],
    });
  });
});

// Random projects: items with version histories (at most one approved each), some changes.
const arbProject = fc
  .array(
    fc.record({
      statuses: fc.array(fc.constantFrom<ConfigurationVersionStatus>('draft', 'in_review', 'superseded'), {
        maxLength: 4,
      }),
      approvedAt: fc.option(fc.nat(4), { nil: null }),
      byChange: fc.option(fc.constantFrom('cr1', 'cr2', 'cr3'), { nil: null }),
    }),
    { maxLength: 12 },
  )
  .map((specs) => {
    const items = specs.map((_, i) => ({
      id: `i${i}`,
      code: `CI-${String(i).padStart(4, '0')}`,
      name: `n${i}`,
      kind: 'document',
    }));
    const versions: CiAuditVersion[] = [];
    specs.forEach((s, i) => {
      const statuses = [...s.statuses];
      if (s.approvedAt !== null) statuses.splice(Math.min(s.approvedAt, statuses.length), 0, 'approved');
      for (const [k, status] of statuses.entries())
        versions.push(v(`v${i}-${k + 1}`, `i${i}`, k + 1, status, status === 'approved' ? s.byChange : null));
    });
    return { items, versions };
  });

const CHANGES = [
  { id: 'cr1', code: 'CR-001', status: 'approved' },
  { id: 'cr2', code: 'CR-002', status: 'approved' },
  { id: 'cr3', code: 'CR-003', status: 'rejected' },
];

describe('audit properties', () => {
  it('a baseline frozen now audits as all matching; the rest are exactly the items without approval', () => {
    fc.assert(
      fc.property(arbProject, ({ items, versions }) => {
        const { entries, missing } = selectBaselineVersions(items, versions);
        const audit = auditConfiguration({
          items,
          versions,
          baseline: { id: 'b', name: 'now', createdAt: 'x', entries },
          changes: CHANGES,
        });
        expect(audit.summary.matches).toBe(entries.length);
        expect(audit.summary.noApprovedVersion).toBe(missing.length);
        expect(audit.summary.total).toBe(items.length);
        expect(audit.summary.changed + audit.summary.unexplained + audit.summary.added).toBe(0);
      }),
    );
  });

  it('statuses agree with the versions, and the summary counts the lines', () => {
    fc.assert(
      fc.property(arbProject, fc.array(fc.nat(20)), ({ items, versions }, picks) => {
        // A baseline of arbitrary (not necessarily approved) versions of some items.
        const entries = picks
          .map((p) => versions[p % Math.max(versions.length, 1)])
          .filter((x): x is CiAuditVersion => x !== undefined)
          .filter((x, i, all) => all.findIndex((y) => y.itemId === x.itemId) === i)
          .map((x) => ({ itemId: x.itemId, versionId: x.id }));
        const audit = auditConfiguration({
          items,
          versions,
          baseline: { id: 'b', name: 'old', createdAt: 'x', entries },
          changes: CHANGES,
        });
        expect(audit.summary).toEqual(summariseAudit(audit.items));
        for (const line of audit.items) {
          const frozen = entries.find((e) => e.itemId === line.itemId);
          if (!line.approvedVersion) expect(line.status).toBe('no-approved-version');
          else if (!frozen) expect(line.status).toBe('added');
          else if (frozen.versionId === line.approvedVersion.id) expect(line.status).toBe('matches');
          else {
            const approved = versions.find((x) => x.id === line.approvedVersion?.id);
            const explained = approved?.changeRequestId === 'cr1' || approved?.changeRequestId === 'cr2';
            expect(line.status).toBe(explained ? 'changed' : 'unexplained');
            for (const c of line.changeRequests) expect(['CR-001', 'CR-002']).toContain(c.code);
          }
        }
      }),
    );
  });
});
