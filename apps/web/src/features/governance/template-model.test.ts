import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LifecycleTemplate, PhaseDefinition } from '../../api/governance.ts';
import {
  createBodyOf,
  definedAt,
  describePath,
  emptyCriterion,
  isShownPath,
  KEY_PATTERN,
  keyFromText,
  keyProblem,
  moveItem,
  phaseErrorCount,
  phasesOf,
  type TemplateDraft,
  templateCounts,
  templateDraftOf,
  validateDraft,
  versionBodyOf,
  withoutPath,
} from './template-model.ts';

const phases: PhaseDefinition[] = [
  {
    key: 'initiate',
    name: 'Initiate',
    gate: {
      name: 'Gate 1 — charter',
      criteria: [
        { key: 'charter', text: 'Charter approved', required: true },
        { key: 'stakeholders', text: 'Stakeholders identified', required: false },
      ],
      deliverables: [{ key: 'charter-doc', name: 'Project charter', required: true }],
    },
  },
  {
    key: 'plan',
    name: 'Plan',
    gate: { name: 'Gate 2 — baseline', criteria: [], deliverables: [] },
  },
];

const template: LifecycleTemplate = {
  id: '00000000-0000-4000-8000-000000000001',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  key: 'stage-gate',
  templateVersion: 2,
  latest: true,
  name: 'Predictive (stage-gate)',
  approach: 'predictive',
  description: 'Four phases, four gates.',
  orgUnitId: null,
  orgUnitName: null,
  phases,
  projectCount: 3,
};

describe('keys', () => {
  it('follows the server rule: lower-case letters, digits, - and _, starting with a letter', () => {
    expect(keyProblem('plan')).toBeNull();
    expect(keyProblem('gate-1_b')).toBeNull();
    expect(keyProblem('')).toMatch(/Give/);
    expect(keyProblem('Plan')).toMatch(/Lower-case/);
    expect(keyProblem('1plan')).toMatch(/Lower-case/);
    expect(keyProblem('-plan')).toMatch(/Lower-case/);
    expect(keyProblem('plan phase')).toMatch(/Lower-case/);
    expect(keyProblem(`a${'b'.repeat(39)}`)).toBeNull();
    expect(keyProblem(`a${'b'.repeat(40)}`)).toMatch(/40/);
  });

  it('must be unique within its list', () => {
    expect(keyProblem('plan', ['initiate', 'plan'])).toMatch(/twice/);
    expect(keyProblem('plan', ['initiate'])).toBeNull();
  });

  it('proposes a key from a name', () => {
    expect(keyFromText('Gate 1 — Charter')).toBe('gate-1-charter');
    expect(keyFromText('  Café Übergabe ')).toBe('cafe-ubergabe');
    expect(keyFromText('1st review')).toBe('st-review');
    expect(keyFromText('???')).toBe('');
  });

  it('proposes only keys that validate (or nothing)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const key = keyFromText(text);
        return key === '' || (KEY_PATTERN.test(key) && keyProblem(key) === null);
      }),
    );
  });
});

describe('drafts', () => {
  it('round-trips a template’s phases', () => {
    expect(phasesOf(templateDraftOf(template))).toEqual(phases);
  });

  it('builds the create body: trimmed, empty description as null, whole organisation as null', () => {
    const draft: TemplateDraft = {
      ...templateDraftOf(null),
      key: ' agile ',
      name: ' Agile ',
      description: '  ',
      phases: templateDraftOf(template).phases,
    };
    expect(createBodyOf(draft)).toEqual({
      key: 'agile',
      name: 'Agile',
      approach: 'predictive',
      description: null,
      orgUnitId: null,
      phases,
    });
    expect(createBodyOf({ ...draft, orgUnitId: 'u1' }).orgUnitId).toBe('u1');
  });

  it('builds the version body without key, approach or org unit', () => {
    const body = versionBodyOf(templateDraftOf(template));
    expect(body).toEqual({ name: template.name, description: template.description, phases });
  });

  it('starts a new template with one empty phase', () => {
    const d = templateDraftOf(null);
    expect(d.phases).toHaveLength(1);
    expect(d.orgUnitId).toBe('');
  });

  const keyArb = fc.stringMatching(/^[a-z][a-z0-9_-]{0,39}$/);
  const phaseArb = fc.record({
    key: keyArb,
    name: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== ''),
    gate: fc.record({
      name: fc.constant('Gate'),
      criteria: fc.uniqueArray(
        fc.record({ key: keyArb, text: fc.constant('A criterion'), required: fc.boolean() }),
        { selector: (c) => c.key, maxLength: 4 },
      ),
      deliverables: fc.uniqueArray(
        fc.record({ key: keyArb, name: fc.constant('A deliverable'), required: fc.boolean() }),
        { selector: (d) => d.key, maxLength: 4 },
      ),
    }),
  });

  it('round-trips any valid phases, and finds nothing wrong with them', () => {
    fc.assert(
      fc.property(fc.uniqueArray(phaseArb, { selector: (p) => p.key, minLength: 1, maxLength: 6 }), (ps) => {
        const draft = { ...templateDraftOf({ ...template, phases: ps }) };
        expect(phasesOf(draft)).toEqual(ps);
        expect(validateDraft(draft, 'version')).toEqual({});
      }),
    );
  });
});

describe('validation', () => {
  it('names problems with the server’s field paths', () => {
    const draft = templateDraftOf(template);
    const [first, second] = draft.phases;
    if (!first || !second) throw new Error('fixture');
    const broken: TemplateDraft = {
      ...draft,
      key: 'Bad Key',
      name: ' ',
      phases: [
        { ...first, criteria: [...first.criteria, { ...emptyCriterion(), key: 'charter' }] },
        { ...second, key: 'initiate', gateName: '' },
      ],
    };
    const errors = validateDraft(broken, 'create');
    expect(Object.keys(errors).sort()).toEqual([
      'key',
      'name',
      'phases.0.gate.criteria.0.key',
      'phases.0.gate.criteria.2.key',
      'phases.0.gate.criteria.2.text',
      'phases.0.key',
      'phases.1.gate.name',
      'phases.1.key',
    ]);
    expect(validateDraft(broken, 'version').key).toBeUndefined();
    expect(phaseErrorCount(errors, 0)).toBe(4);
    expect(phaseErrorCount(errors, 1)).toBe(2);
  });

  it('needs at least one phase', () => {
    expect(validateDraft({ ...templateDraftOf(template), phases: [] }, 'version').phases).toMatch(
      /one phase/,
    );
  });

  it('tells which server paths it shows inline, and describes the others', () => {
    const draft = templateDraftOf(template);
    expect(isShownPath('phases.1.key', draft)).toBe(true);
    expect(isShownPath('phases.0.gate.criteria.1.text', draft)).toBe(true);
    expect(isShownPath('phases.0.gate.criteria.5.text', draft)).toBe(false);
    expect(isShownPath('phases.7.key', draft)).toBe(false);
    expect(isShownPath('(root)', draft)).toBe(false);
    expect(describePath('phases.1.key', draft)).toBe('Phase 2 (“Plan”), key');
    expect(describePath('phases.0.gate.criteria.1.text', draft)).toBe(
      'Phase 1 (“Initiate”), criterion 2 text',
    );
    expect(describePath('phases.0.gate.name', draft)).toBe('Phase 1 (“Initiate”), gate name');
    expect(describePath('(root)', draft)).toBe('(root)');
  });

  it('drops an error once its field is edited', () => {
    expect(withoutPath({ a: 'x', 'phases.0.key': 'y' }, 'phases.0.key')).toEqual({ a: 'x' });
  });
});

describe('helpers', () => {
  it('moves items up and down, unchanged at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('keeps every item when moving', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 10 }),
        fc.nat(12),
        fc.constantFrom(-1 as const, 1 as const),
        (list, i, d) => {
          expect([...moveItem(list, i, d)].sort()).toEqual([...list].sort());
        },
      ),
    );
  });

  it('counts a template and says where it is defined', () => {
    expect(templateCounts(phases)).toEqual({ phases: 2, criteria: 2, deliverables: 1 });
    expect(definedAt(template)).toBe('Whole organisation');
    expect(definedAt({ orgUnitId: 'u', orgUnitName: 'Digital PMO' })).toBe('Digital PMO');
  });
});
