import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ComplianceFacts, checkCompliance, complianceScore, unitScore } from './compliance.ts';

const good: ComplianceFacts = {
  status: 'active',
  hasManager: true,
  hasLifecycle: true,
  charterApproved: true,
  lastRiskReviewDays: 3,
  openRiskCount: 2,
  hasBaseline: true,
};

describe('compliance', () => {
  it('scores a fully compliant executing project 100', () => {
    expect(complianceScore(checkCompliance(good))).toBe(100);
  });

  it('fails each rule on its own fact and says why', () => {
    const r = checkCompliance({ ...good, hasBaseline: false, lastRiskReviewDays: 45 });
    expect(r.find((x) => x.rule === 'baseline')).toMatchObject({
      passed: false,
      detail: 'Executing without a baseline',
    });
    expect(r.find((x) => x.rule === 'risk-review')).toMatchObject({
      passed: false,
      detail: 'Last reviewed 45 days ago (policy: every 30 days)',
    });
    expect(complianceScore(r)).toBe(60);
    expect(checkCompliance({ ...good, openRiskCount: 0 }).find((x) => x.rule === 'risk-review')?.passed).toBe(
      false,
    );
  });

  it('reviews risks against the policy in force, and counts overdue high audit findings', () => {
    const strict = checkCompliance({ ...good, lastRiskReviewDays: 20, riskReviewDays: 14 });
    expect(strict.find((x) => x.rule === 'risk-review')?.passed).toBe(false);
    expect(
      checkCompliance({ ...good, lastRiskReviewDays: 20, riskReviewDays: 21 }).find(
        (x) => x.rule === 'risk-review',
      )?.passed,
    ).toBe(true);
    expect(checkCompliance(good).find((x) => x.rule === 'audit-findings')?.applicable).toBe(false);
    const findings = checkCompliance({ ...good, openFindings: 3, overdueHighFindings: 1 });
    expect(findings.find((x) => x.rule === 'audit-findings')).toMatchObject({
      applicable: true,
      passed: false,
      detail: '1 high or critical finding past due',
    });
    expect(
      checkCompliance({ ...good, openFindings: 3, overdueHighFindings: 0 }).find(
        (x) => x.rule === 'audit-findings',
      )?.passed,
    ).toBe(true);
  });

  it('leaves execution rules out before execution, and everything out for closed projects', () => {
    const approved = checkCompliance({ ...good, status: 'approved', hasBaseline: false });
    expect(approved.find((x) => x.rule === 'baseline')?.applicable).toBe(false);
    expect(complianceScore(approved)).toBe(100);
    expect(complianceScore(checkCompliance({ ...good, status: 'completed' }))).toBeNull();
  });

  it('counts each attested checklist item as one rule in the score', () => {
    const r = checkCompliance({ ...good, checklist: { met: 1, total: 4 } });
    const item = r.find((x) => x.rule === 'checklist');
    expect(item).toMatchObject({ applicable: true, passed: false, detail: '1 of 4 attested' });
    const auto = r.filter((x) => x.applicable && x.rule !== 'checklist');
    // Every automatic rule passes for `good`: (n + 1) of (n + 4).
    expect(complianceScore(r)).toBe(Math.round((100 * (auto.length + 1)) / (auto.length + 4)));
    expect(
      checkCompliance({ ...good, checklist: { met: 0, total: 0 } }).find((x) => x.rule === 'checklist')
        ?.applicable,
    ).toBe(false);
    expect(complianceScore(checkCompliance({ ...good, checklist: { met: 3, total: 3 } }))).toBe(100);
  });

  it('asks an executing project for the report last due', () => {
    const rule = (f: Partial<ComplianceFacts>) =>
      checkCompliance({ ...good, ...f }).find((x) => x.rule === 'status-report');
    expect(rule({ statusReport: { period: '2026-10', submitted: false } })).toMatchObject({
      applicable: true,
      passed: false,
      detail: 'No report submitted for 2026-10',
    });
    expect(rule({ statusReport: { period: '2026-10', submitted: true } })?.passed).toBe(true);
    expect(rule({ statusReport: null })?.applicable).toBe(false);
    expect(
      rule({ status: 'approved', statusReport: { period: '2026-10', submitted: false } })?.applicable,
    ).toBe(false);
  });

  it('averages units over projects with a score', () => {
    expect(unitScore([100, 50, null])).toBe(75);
    expect(unitScore([null])).toBeNull();
  });

  it('stays within 0–100 and never drops when a fact improves (property)', () => {
    const facts = fc.record({
      status: fc.constantFrom('proposed', 'approved', 'active', 'on_hold', 'completed', 'cancelled'),
      hasManager: fc.boolean(),
      hasLifecycle: fc.boolean(),
      charterApproved: fc.constantFrom(true, false, null),
      lastRiskReviewDays: fc.option(fc.nat(400), { nil: null }),
      openRiskCount: fc.nat(10),
      hasBaseline: fc.boolean(),
      checklist: fc.nat(6).chain((total) => fc.record({ met: fc.nat(total), total: fc.constant(total) })),
    });
    fc.assert(
      fc.property(facts, (f) => {
        const s = complianceScore(checkCompliance(f));
        if (s !== null) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(100);
          const better = complianceScore(checkCompliance({ ...f, hasBaseline: true, hasManager: true }));
          expect(better as number).toBeGreaterThanOrEqual(s);
          const attested = { met: f.checklist.total, total: f.checklist.total };
          expect(
            complianceScore(checkCompliance({ ...f, checklist: attested })) as number,
          ).toBeGreaterThanOrEqual(s);
        }
      }),
    );
  });
});
