import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PMO_MODEL,
  enforceGate,
  finding,
  type GateFinding,
  PMO_MODELS,
  type PmoModel,
  pmoOwnsDecisions,
  resolvePmoModel,
  unitChain,
} from './operating-model.ts';

const charter = finding('criterion', 'charter', 'Charter approved', 'not ticked');
const report = finding('compliance', 'status-report', 'Status report submitted', 'May 2027 not submitted');

describe('resolvePmoModel', () => {
  it('takes the nearest unit that sets a model, else the default', () => {
    expect(resolvePmoModel([])).toEqual({ model: DEFAULT_PMO_MODEL, definedAt: null });
    expect(
      resolvePmoModel([
        { orgUnitId: 'top', pmoModel: 'directive' },
        { orgUnitId: 'bu', pmoModel: null },
        { orgUnitId: 'team', pmoModel: null },
      ]),
    ).toEqual({ model: 'directive', definedAt: 'top' });
    expect(
      resolvePmoModel([
        { orgUnitId: 'top', pmoModel: 'controlling' },
        { orgUnitId: 'bu', pmoModel: 'supportive' },
        { orgUnitId: 'team', pmoModel: null },
      ]),
    ).toEqual({ model: 'supportive', definedAt: 'bu' });
  });

  it('unitChain walks from the top down and survives a broken parent', () => {
    const units = [
      { id: 'a', parentId: null },
      { id: 'b', parentId: 'a' },
      { id: 'c', parentId: 'b' },
      { id: 'x', parentId: 'gone' },
    ];
    expect(unitChain(units, 'c').map((u) => u.id)).toEqual(['a', 'b', 'c']);
    expect(unitChain(units, 'x').map((u) => u.id)).toEqual(['x']);
    expect(unitChain(units, 'nope')).toEqual([]);
  });
});

describe('enforceGate in each mode', () => {
  it('supportive: unmet items warn and are recorded; nothing blocks', () => {
    const e = enforceGate('supportive', [charter, report], new Set());
    expect(e.outcome).toBe('warn');
    expect(e.warnings.map((f) => f.item)).toEqual(['criterion:charter', 'compliance:status-report']);
    expect(e.blocking).toEqual([]);
  });

  it('controlling: unmet items block until met or waived', () => {
    expect(enforceGate('controlling', [charter, report], new Set()).outcome).toBe('block');
    const partly = enforceGate('controlling', [charter, report], new Set(['compliance:status-report']));
    expect(partly.outcome).toBe('block');
    expect(partly.blocking).toEqual([charter]);
    expect(partly.waived).toEqual([report]);
    const all = enforceGate(
      'controlling',
      [charter, report],
      new Set(['criterion:charter', 'compliance:status-report']),
    );
    expect(all.outcome).toBe('pass');
    expect(enforceGate('controlling', [], new Set()).outcome).toBe('pass');
  });

  it('directive: enforces like controlling and the PMO owns the decisions', () => {
    expect(enforceGate('directive', [charter], new Set()).outcome).toBe('block');
    expect(enforceGate('directive', [charter], new Set(['criterion:charter'])).outcome).toBe('pass');
    expect(pmoOwnsDecisions('directive')).toBe(true);
    expect(pmoOwnsDecisions('controlling')).toBe(false);
    expect(pmoOwnsDecisions('supportive')).toBe(false);
  });

  it('every finding ends up in exactly one list, and the outcome follows the lists', () => {
    const findingArb = fc
      .record({
        kind: fc.constantFrom('criterion', 'deliverable', 'policy', 'compliance' as const),
        key: fc.stringMatching(/^[a-z]{1,6}$/),
      })
      .map(({ kind, key }) => finding(kind, key, key, ''));
    fc.assert(
      fc.property(
        fc.constantFrom<PmoModel>(...PMO_MODELS),
        fc.uniqueArray(findingArb, { selector: (f: GateFinding) => f.item, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        (model, findings, waive) => {
          const waived = new Set(findings.filter((_, i) => waive[i]).map((f) => f.item));
          const e = enforceGate(model, findings, waived);
          const listed = [...e.warnings, ...e.blocking, ...e.waived].map((f) => f.item).sort();
          expect(listed).toEqual(findings.map((f) => f.item).sort());
          if (model === 'supportive') expect(e.blocking).toEqual([]);
          else expect(e.blocking.every((f) => !waived.has(f.item))).toBe(true);
          expect(e.outcome === 'block').toBe(e.blocking.length > 0);
          expect(e.outcome === 'pass').toBe(e.blocking.length === 0 && e.warnings.length === 0);
        },
      ),
    );
  });
});
