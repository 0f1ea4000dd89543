import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isLooser,
  POLICY_KEYS,
  POLICY_SETTINGS,
  type PolicyKey,
  resolvePolicy,
  type UnitPolicy,
} from './policy.ts';

const days = (value: number, overridable: boolean) => ({ riskReviewDays: { value, overridable } });

describe('resolvePolicy', () => {
  it('uses the defaults with no policies', () => {
    const { effective, ignored } = resolvePolicy([]);
    for (const k of POLICY_KEYS) expect(effective[k].value).toBe(POLICY_SETTINGS[k].default);
    expect(ignored).toEqual([]);
  });

  it('lets a unit below tighten a fixed setting, but not relax it', () => {
    const tighten = resolvePolicy([
      { orgUnitId: 'ent', settings: days(30, false) },
      { orgUnitId: 'bu', settings: days(14, true) },
    ]);
    expect(tighten.effective.riskReviewDays).toMatchObject({ value: 14, definedAt: 'bu', limit: 30 });
    const relax = resolvePolicy(
      [
        { orgUnitId: 'ent', settings: days(30, false) },
        { orgUnitId: 'bu', settings: days(60, true) },
      ],
      (id) => (id === 'ent' ? 'Enterprise PMO' : id),
    );
    expect(relax.effective.riskReviewDays).toMatchObject({ value: 30, definedAt: 'ent' });
    expect(relax.ignored).toEqual([
      {
        orgUnitId: 'bu',
        key: 'riskReviewDays',
        value: 60,
        reason: 'Enterprise PMO fixes this at 30 or stricter',
      },
    ]);
  });

  it('lets a unit below relax an overridable setting, down to the limit fixed higher up', () => {
    const r = resolvePolicy([
      { orgUnitId: 'ent', settings: days(45, false) },
      { orgUnitId: 'bu', settings: days(14, true) },
      { orgUnitId: 'team', settings: days(40, true) },
    ]);
    expect(r.effective.riskReviewDays).toMatchObject({ value: 40, definedAt: 'team', limitAt: 'ent' });
    const beyond = resolvePolicy([
      { orgUnitId: 'ent', settings: days(45, false) },
      { orgUnitId: 'bu', settings: days(14, true) },
      { orgUnitId: 'team', settings: days(50, true) },
    ]);
    expect(beyond.effective.riskReviewDays.value).toBe(14);
  });

  it('treats a flag set to true as the stricter side', () => {
    const r = resolvePolicy([
      { orgUnitId: 'ent', settings: { blockGoWithOpenHighRisks: { value: true, overridable: false } } },
      { orgUnitId: 'bu', settings: { blockGoWithOpenHighRisks: { value: false, overridable: true } } },
    ]);
    expect(r.effective.blockGoWithOpenHighRisks.value).toBe(true);
    expect(r.ignored).toHaveLength(1);
  });

  const arbitraryValue = (k: PolicyKey) => {
    const s = POLICY_SETTINGS[k];
    return s.kind === 'flag' ? fc.boolean() : fc.integer({ min: s.min, max: s.max });
  };
  const unitPolicy = (i: number) =>
    fc
      .record(
        Object.fromEntries(
          POLICY_KEYS.map((k) => [
            k,
            fc.option(fc.record({ value: arbitraryValue(k), overridable: fc.boolean() }), { nil: undefined }),
          ]),
        ) as Record<PolicyKey, fc.Arbitrary<{ value: number | boolean; overridable: boolean } | undefined>>,
      )
      .map(
        (settings): UnitPolicy => ({
          orgUnitId: `u${i}`,
          settings: Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)),
        }),
      );
  const chain = fc
    .integer({ min: 0, max: 6 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => unitPolicy(i))));

  it('never ends looser than any setting a unit above fixed (property)', () => {
    fc.assert(
      fc.property(chain, (units) => {
        const { effective } = resolvePolicy(units);
        units.forEach((u, i) => {
          const atThatPoint = resolvePolicy(units.slice(0, i + 1)).effective;
          for (const k of POLICY_KEYS) {
            const set = u.settings[k];
            const accepted = set && atThatPoint[k].definedAt === u.orgUnitId;
            if (set && accepted && !set.overridable)
              expect(isLooser(k, effective[k].value, set.value)).toBe(false);
          }
        });
      }),
    );
  });

  it('with nothing fixed, the lowest unit that sets a value wins (property)', () => {
    fc.assert(
      fc.property(chain, (units) => {
        const open = units.map((u) => ({
          ...u,
          settings: Object.fromEntries(
            Object.entries(u.settings).map(([k, v]) => [k, { ...v, overridable: true }]),
          ),
        }));
        const { effective, ignored } = resolvePolicy(open);
        expect(ignored).toEqual([]);
        for (const k of POLICY_KEYS) {
          const last = [...open].reverse().find((u) => u.settings[k]);
          expect(effective[k].value).toBe(last ? last.settings[k]?.value : POLICY_SETTINGS[k].default);
        }
      }),
    );
  });

  it('always accepts tightening (property)', () => {
    fc.assert(
      fc.property(chain, fc.constantFrom(...POLICY_KEYS), (units, k) => {
        const { effective } = resolvePolicy(units);
        const s = POLICY_SETTINGS[k];
        const stricter = s.kind === 'flag' ? true : s.direction === 'lower-is-stricter' ? s.min : s.max;
        const r = resolvePolicy([
          ...units,
          { orgUnitId: 'leaf', settings: { [k]: { value: stricter, overridable: true } } },
        ]);
        expect(r.effective[k]).toMatchObject({ value: stricter, definedAt: 'leaf' });
        expect(isLooser(k, r.effective[k].value, effective[k].value)).toBe(false);
      }),
    );
  });
});
