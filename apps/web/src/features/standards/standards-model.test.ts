import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/client.ts';
import type {
  ComplianceCheck,
  ComplianceItem,
  StandardInForce,
  StandardVersion,
} from '../../api/standards.ts';
import {
  actionsFor,
  checkStateOf,
  checksSummary,
  emptyDraft,
  groupChecks,
  itemActionsFor,
  itemsOfStandard,
  problemLines,
  replaceableOptions,
  ruleStateOf,
  sortItems,
  sortVersions,
  toCreateBody,
  toUpdateBody,
  validateStandardDraft,
} from './standards-model.ts';

const ROOT = '00000000-0000-4000-8000-000000000001';
const DIGITAL = '00000000-0000-4000-8000-000000000002';
const TEAM = '00000000-0000-4000-8000-000000000003';
const T = '2027-01-10T09:00:00.000Z';

const version = (n: number, status: StandardVersion['status']): StandardVersion => ({
  id: `v${n}`,
  standardVersion: n,
  status,
  title: 'Risk management',
  publishedAt: status === 'draft' ? null : T,
  publishedByName: status === 'draft' ? null : 'Dana Director',
});

const standard = (over: Partial<StandardInForce>): StandardInForce => ({
  id: 's1',
  version: 1,
  createdAt: T,
  updatedAt: T,
  key: 'STD-001',
  standardVersion: 1,
  kind: 'standard',
  title: 'Risk management',
  body: 'Review the register monthly.',
  orgUnitId: ROOT,
  orgUnitName: 'Enterprise PMO',
  overridable: true,
  replacesKey: null,
  replacesTitle: null,
  status: 'published',
  publishedAt: T,
  publishedByName: 'Dana Director',
  effectiveFrom: null,
  checklistCount: 0,
  inherited: true,
  ...over,
});

const item = (over: Partial<ComplianceItem>): ComplianceItem => ({
  id: 'i1',
  version: 1,
  createdAt: T,
  updatedAt: T,
  text: 'Risk register reviewed with the sponsor',
  orgUnitId: ROOT,
  orgUnitName: 'Enterprise PMO',
  standardKey: 'STD-001',
  standardTitle: 'Risk management',
  overridable: true,
  retiredAt: null,
  inherited: true,
  waiver: null,
  ...over,
});

const check = (over: Partial<ComplianceCheck>): ComplianceCheck => ({
  itemId: 'i1',
  text: 'Risk register reviewed',
  orgUnitName: 'Enterprise PMO',
  standardKey: 'STD-001',
  standardTitle: 'Risk management',
  met: null,
  note: null,
  checkedAt: null,
  checkedByName: null,
  ...over,
});

describe('what a version of a standard allows', () => {
  it('edits and publishes a draft', () => {
    expect(actionsFor({ status: 'draft', versions: [version(1, 'draft')] }, true)).toEqual([
      'edit',
      'publish',
    ]);
  });

  it('revises or retires the published version, but revises only once', () => {
    expect(actionsFor({ status: 'published', versions: [version(1, 'published')] }, true)).toEqual([
      'revise',
      'retire',
    ]);
    expect(
      actionsFor({ status: 'published', versions: [version(1, 'published'), version(2, 'draft')] }, true),
    ).toEqual(['retire']);
  });

  it('keeps superseded and retired versions as a record, and offers nothing without the right', () => {
    expect(actionsFor({ status: 'superseded', versions: [] }, true)).toEqual([]);
    expect(actionsFor({ status: 'retired', versions: [] }, true)).toEqual([]);
    expect(actionsFor({ status: 'draft', versions: [] }, false)).toEqual([]);
  });

  it('lists versions newest first', () => {
    expect(
      sortVersions([version(1, 'superseded'), version(3, 'draft'), version(2, 'published')]).map(
        (v) => v.standardVersion,
      ),
    ).toEqual([3, 2, 1]);
  });
});

describe('the standard form', () => {
  it('needs a title and a well-formed date', () => {
    expect(validateStandardDraft(emptyDraft())).toEqual({ title: 'Give the standard a title.' });
    expect(
      validateStandardDraft({ ...emptyDraft(), title: 'Risk management', effectiveFrom: '31/01/2027' }),
    ).toEqual({ effectiveFrom: 'A date, such as 2027-01-31.' });
    expect(validateStandardDraft({ ...emptyDraft(), title: 'Risk management' })).toEqual({});
  });

  it('sends empty choices as null, the title trimmed and the body as typed', () => {
    const d = { ...emptyDraft(), title: '  Risk management ', body: '# Rules\n\n- one\n' };
    expect(toCreateBody(DIGITAL, d)).toEqual({
      orgUnitId: DIGITAL,
      kind: 'standard',
      title: 'Risk management',
      body: '# Rules\n\n- one\n',
      overridable: false,
      replacesKey: null,
      effectiveFrom: null,
    });
    expect(
      toUpdateBody(4, { ...d, overridable: true, replacesKey: 'STD-001', effectiveFrom: '2027-02-01' }),
    ).toEqual({
      version: 4,
      kind: 'standard',
      title: 'Risk management',
      body: '# Rules\n\n- one\n',
      overridable: true,
      replacesKey: 'STD-001',
      effectiveFrom: '2027-02-01',
    });
  });

  it('offers to replace only the overridable standards from above', () => {
    const inForce = [
      standard({ key: 'STD-001', title: 'Risk management' }),
      standard({ key: 'STD-002', title: 'Charter', overridable: false }),
      standard({ key: 'STD-003', title: 'Own one', inherited: false, orgUnitName: 'Digital PMO' }),
    ];
    expect(replaceableOptions(inForce)).toEqual([
      { value: 'STD-001', label: 'STD-001 Risk management (Enterprise PMO)' },
    ]);
    // A draft that already replaces a standard (no longer in force beneath the unit) keeps it listed.
    expect(replaceableOptions(inForce, { key: 'STD-009', title: 'Old reporting' })[0]).toEqual({
      value: 'STD-009',
      label: 'STD-009 Old reporting',
    });
  });
});

describe('the checklist at a unit', () => {
  it('lets a unit edit and retire its own items, and restore retired ones', () => {
    expect(itemActionsFor(item({ inherited: false }), ROOT, true)).toEqual(['edit', 'retire']);
    expect(itemActionsFor(item({ inherited: false, retiredAt: T }), ROOT, true)).toEqual(['restore']);
  });

  it('waives an inherited overridable item, never a fixed one', () => {
    expect(itemActionsFor(item({}), DIGITAL, true)).toEqual(['waive']);
    expect(itemActionsFor(item({ overridable: false }), DIGITAL, true)).toEqual([]);
    expect(itemActionsFor(item({}), DIGITAL, false)).toEqual([]);
  });

  it('lifts only a waiver the unit made itself', () => {
    const waiver = {
      orgUnitId: DIGITAL,
      orgUnitName: 'Digital PMO',
      reason: 'Covered by SAFe',
      createdAt: T,
    };
    expect(itemActionsFor(item({ waiver }), DIGITAL, true)).toEqual(['lift']);
    expect(itemActionsFor(item({ waiver }), TEAM, true)).toEqual([]);
  });

  it('shows what is in force first, then the waived, then the retired', () => {
    const waiver = { orgUnitId: DIGITAL, orgUnitName: 'Digital PMO', reason: 'r', createdAt: T };
    const sorted = sortItems([
      item({ id: 'retired', inherited: false, retiredAt: T }),
      item({ id: 'waived', waiver }),
      item({ id: 'own', inherited: false }),
      item({ id: 'above' }),
    ]);
    expect(sorted.map((i) => i.id)).toEqual(['above', 'own', 'waived', 'retired']);
  });

  it('finds the items of a standard', () => {
    expect(
      itemsOfStandard([item({ id: 'a' }), item({ id: 'b', standardKey: 'STD-002' })], 'STD-001').map(
        (i) => i.id,
      ),
    ).toEqual(['a']);
  });
});

describe('a project’s compliance', () => {
  it('reads a rule result as passed, failed or not applicable', () => {
    expect(ruleStateOf({ rule: 'r', applicable: true, passed: true, detail: '' })).toBe('passed');
    expect(ruleStateOf({ rule: 'r', applicable: true, passed: false, detail: '' })).toBe('failed');
    expect(ruleStateOf({ rule: 'r', applicable: false, passed: false, detail: '' })).toBe('na');
    expect(ruleStateOf(undefined)).toBe('na');
  });

  it('tells met, not met and not yet attested apart', () => {
    expect([check({ met: true }), check({ met: false }), check({})].map(checkStateOf)).toEqual([
      'met',
      'not-met',
      'open',
    ]);
  });

  it('groups the checks by standard, the untied last', () => {
    const groups = groupChecks([
      check({ itemId: 'a', standardKey: null, standardTitle: null }),
      check({ itemId: 'b', standardKey: 'STD-010', standardTitle: 'Reporting' }),
      check({ itemId: 'c' }),
      check({ itemId: 'd' }),
    ]);
    expect(groups.map((g) => [g.title, g.checks.map((c) => c.itemId)])).toEqual([
      ['STD-001 Risk management', ['c', 'd']],
      ['STD-010 Reporting', ['b']],
      ['Not tied to a standard', ['a']],
    ]);
  });

  it('sums up what is met and what waits to be attested', () => {
    expect(checksSummary([check({ met: true }), check({ met: false }), check({})])).toBe(
      '1 of 3 met · 1 not attested yet',
    );
    expect(checksSummary([check({ met: true })])).toBe('1 of 1 met');
    expect(checksSummary([])).toBe('0 of 0 met');
  });
});

describe('a refusal shown inline', () => {
  const refusal = (status: number, errors: { field: string; rule: string; message: string }[]) =>
    new ApiProblem({ type: 'validation', title: 'Unprocessable content', status, detail: 'x: y', errors });

  it('names the rules broken, not the field-prefixed detail', () => {
    const e = refusal(422, [{ field: 'id', rule: 'one-draft', message: 'STD-001 already has a draft (v2)' }]);
    expect(problemLines(e)).toEqual(['STD-001 already has a draft (v2)']);
  });

  it('points to the form when every message sits beside its field', () => {
    const e = refusal(422, [{ field: 'replacesKey', rule: 'overridable', message: 'STD-001 is fixed' }]);
    expect(problemLines(e, ['replacesKey'])).toEqual(['Check the marked fields.']);
  });

  it('tells a stale version by the server’s sentence', () => {
    const e = new ApiProblem({
      type: 'stale-version',
      title: 'Conflict',
      status: 409,
      detail: 'This record was changed by someone else.',
      errors: [{ field: 'version', rule: 'current', message: 'must be 3' }],
    });
    expect(problemLines(e)).toEqual(['This record was changed by someone else.']);
  });
});
