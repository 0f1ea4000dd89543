import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ChecklistItemRecord,
  checklistInForce,
  checkReplacement,
  checkWaiver,
  type StandardRecord,
  standardAction,
  standardsInForce,
} from './standards.ts';

const chain = ['ent', 'bu', 'team'];
const std = (over: Partial<StandardRecord & { title: string }>): StandardRecord & { title: string } => ({
  id: `${over.key ?? 'STD-1'}-${over.standardVersion ?? 1}`,
  key: 'STD-1',
  standardVersion: 1,
  orgUnitId: 'ent',
  status: 'published',
  overridable: false,
  replacesKey: null,
  title: 'Status reporting',
  ...over,
});

describe('PMO standards down the hierarchy', () => {
  it('keeps the newest published version of each standard from the units on the chain', () => {
    const all = [
      std({ standardVersion: 1, status: 'superseded' }),
      std({ standardVersion: 2 }),
      std({ standardVersion: 3, status: 'draft' }),
      std({ key: 'STD-2', orgUnitId: 'bu' }),
      std({ key: 'STD-3', orgUnitId: 'elsewhere' }),
      std({ key: 'STD-4', status: 'retired' }),
    ];
    const { inForce } = standardsInForce(chain, all);
    expect(inForce.map((s) => `${s.key}v${s.standardVersion}`)).toEqual(['STD-1v2', 'STD-2v1']);
    expect(standardsInForce(['ent'], all).inForce.map((s) => s.key)).toEqual(['STD-1']);
  });

  it('lets a unit replace an overridable standard of a unit above, and only that', () => {
    const all = [
      std({ key: 'STD-1', overridable: true }),
      std({ key: 'STD-2', overridable: false, title: 'Risk management' }),
      std({ key: 'STD-9', orgUnitId: 'bu', replacesKey: 'STD-1' }),
      std({ key: 'STD-8', orgUnitId: 'bu', replacesKey: 'STD-2' }),
    ];
    const { inForce, replaced } = standardsInForce(chain, all);
    expect(inForce.map((s) => s.key).sort()).toEqual(['STD-2', 'STD-8', 'STD-9']);
    expect(replaced.map((r) => `${r.standard.key}→${r.by.key}`)).toEqual(['STD-1→STD-9']);
    // Above the replacing unit the original still applies.
    expect(standardsInForce(['ent'], all).inForce.map((s) => s.key)).toEqual(['STD-1', 'STD-2']);
    expect(checkReplacement(['ent', 'bu'], all, 'STD-1')).toBeNull();
    expect(checkReplacement(['ent', 'bu'], all, 'STD-2')).toMatch(
      /STD-2 “Risk management” is not overridable/,
    );
    expect(checkReplacement(['ent', 'bu'], all, 'STD-404')).toMatch(/no published standard STD-404/);
    expect(checkReplacement(['ent'], all, 'STD-1')).toMatch(/no unit above/);
  });

  it('offers the actions of each status', () => {
    expect(standardAction('draft')).toEqual(['edit', 'publish']);
    expect(standardAction('published')).toEqual(['revise', 'retire']);
    expect(standardAction('superseded')).toEqual([]);
  });

  it('never drops a standard that is not overridable, and lists each key once (property)', () => {
    const record = fc.record({
      key: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
      standardVersion: fc.integer({ min: 1, max: 3 }),
      orgUnitId: fc.constantFrom('ent', 'bu', 'team', 'other'),
      status: fc.constantFrom('draft', 'published', 'superseded', 'retired'),
      overridable: fc.boolean(),
      replacesKey: fc.option(fc.constantFrom('A', 'B', 'C', 'D', 'E'), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), (raw) => {
        // One record per key and version, and a key lives at one unit (as storage guarantees).
        const unitOf = new Map<string, string>();
        const seen = new Set<string>();
        const all = raw.flatMap((r, i) => {
          const orgUnitId = unitOf.get(r.key) ?? r.orgUnitId;
          unitOf.set(r.key, orgUnitId);
          const id = `${r.key}${r.standardVersion}`;
          if (seen.has(id)) return [];
          seen.add(id);
          return [{ ...r, orgUnitId, id: `${id}-${i}` }];
        });
        const { inForce, replaced } = standardsInForce(chain, all);
        expect(new Set(inForce.map((s) => s.key)).size).toBe(inForce.length);
        for (const s of inForce) expect(chain).toContain(s.orgUnitId);
        for (const r of replaced) expect(r.standard.overridable).toBe(true);
        for (const s of all.filter(
          (x) => x.status === 'published' && !x.overridable && x.orgUnitId !== 'other',
        )) {
          const newest = Math.max(
            ...all.filter((x) => x.key === s.key && x.status === 'published').map((x) => x.standardVersion),
          );
          if (newest === s.standardVersion) expect(inForce.map((x) => x.id)).toContain(s.id);
        }
      }),
    );
  });
});

describe('checklist items down the hierarchy', () => {
  const item = (over: Partial<ChecklistItemRecord>): ChecklistItemRecord => ({
    id: 'i1',
    orgUnitId: 'ent',
    overridable: true,
    retired: false,
    ...over,
  });

  it('applies items from the chain, lifts those waived below their unit, and refuses bad waivers', () => {
    const items = [
      item({ id: 'i1' }),
      item({ id: 'i2', overridable: false }),
      item({ id: 'i3', orgUnitId: 'bu' }),
      item({ id: 'i4', retired: true }),
      item({ id: 'i5', orgUnitId: 'other' }),
    ];
    const waivers = [
      { itemId: 'i1', orgUnitId: 'bu', reason: 'Covered by the BU’s own gate' },
      { itemId: 'i2', orgUnitId: 'bu', reason: 'ignored: not overridable' },
      { itemId: 'i3', orgUnitId: 'bu', reason: 'ignored: its own unit' },
    ];
    const r = checklistInForce(chain, items, waivers);
    expect(r.map((x) => [x.item.id, x.waiver?.reason ?? null])).toEqual([
      ['i1', 'Covered by the BU’s own gate'],
      ['i2', null],
      ['i3', null],
    ]);
    // At the enterprise PMO itself nothing is waived.
    expect(checklistInForce(['ent'], items, waivers).every((x) => x.waiver === null)).toBe(true);
    expect(checkWaiver(['ent', 'bu'], item({}))).toBeNull();
    expect(checkWaiver(['ent', 'bu'], item({ overridable: false }))).toMatch(/not overridable/);
    expect(checkWaiver(['ent'], item({}))).toMatch(/own item/);
    expect(checkWaiver(['ent', 'bu'], item({ orgUnitId: 'other' }))).toMatch(/does not apply/);
    expect(checkWaiver(['ent', 'bu'], item({ retired: true }))).toMatch(/retired/);
  });

  it('never waives an item that is not overridable (property)', () => {
    const arb = fc.record({
      items: fc.array(
        fc.record({
          id: fc.constantFrom('a', 'b', 'c', 'd'),
          orgUnitId: fc.constantFrom('ent', 'bu', 'team'),
          overridable: fc.boolean(),
          retired: fc.boolean(),
        }),
        { maxLength: 8 },
      ),
      waivers: fc.array(
        fc.record({
          itemId: fc.constantFrom('a', 'b', 'c', 'd'),
          orgUnitId: fc.constantFrom('ent', 'bu', 'team'),
          reason: fc.constant('r'),
        }),
        { maxLength: 8 },
      ),
    });
    fc.assert(
      fc.property(arb, ({ items, waivers }) => {
        const r = checklistInForce(chain, items, waivers);
        for (const x of r) {
          expect(x.item.retired).toBe(false);
          if (x.waiver) {
            expect(x.item.overridable).toBe(true);
            expect(chain.indexOf(x.waiver.orgUnitId)).toBeGreaterThan(chain.indexOf(x.item.orgUnitId));
          }
        }
        expect(r.length).toBe(items.filter((i) => !i.retired).length);
      }),
    );
  });
});
