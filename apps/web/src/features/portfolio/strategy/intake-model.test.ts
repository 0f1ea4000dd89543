import { describe, expect, it } from 'vitest';
import type { IntakeField } from '../../../api/portfolio.ts';
import {
  describeServerFieldError,
  draftOf,
  fieldOf,
  keyFromLabel,
  moveItem,
  validateField,
  validateForm,
} from './intake-model.ts';

const theme: IntakeField = {
  key: 'strategic_theme',
  label: 'Strategic theme',
  type: 'select',
  required: true,
  options: ['Digital', 'Operations'],
};

describe('intake field keys', () => {
  it('proposes a key from the label', () => {
    expect(keyFromLabel('Strategic theme')).toBe('strategic_theme');
    expect(keyFromLabel('  2nd Opinion – Café! ')).toBe('nd_opinion_cafe');
    expect(keyFromLabel('???')).toBe('');
  });

  it('rejects keys that are not lower-case identifiers, or used twice', () => {
    const d = (key: string) => ({ ...draftOf(null), key, label: 'X' });
    expect(validateField(d('ok_1'), [])).toEqual({});
    expect(validateField(d('Bad'), []).key).toMatch(/Lower-case/);
    expect(validateField(d('1abc'), []).key).toMatch(/Lower-case/);
    expect(validateField(d('a-b'), []).key).toMatch(/Lower-case/);
    expect(validateField(d(`a${'b'.repeat(40)}`), []).key).toMatch(/Lower-case/);
    expect(validateField(d(''), []).key).toMatch(/Give/);
    expect(validateField(d('dup'), ['dup']).key).toMatch(/already/);
  });

  it('needs a label and, for a choice, options', () => {
    const errors = validateField({ ...draftOf(null), key: 'k', type: 'select', options: ' \n ' }, []);
    expect(errors.label).toBeDefined();
    expect(errors.options).toBeDefined();
  });
});

describe('drafts', () => {
  it('round-trips a field, dropping options of non-choices and empty help', () => {
    expect(fieldOf(draftOf(theme))).toEqual(theme);
    const d = { ...draftOf(theme), type: 'text' as const, help: '  ' };
    expect(fieldOf(d)).toEqual({
      key: 'strategic_theme',
      label: 'Strategic theme',
      type: 'text',
      required: true,
    });
    expect(fieldOf({ ...draftOf(theme), options: 'A\nA\n B \n' }).options).toEqual(['A', 'B']);
  });
});

describe('the whole form', () => {
  it('names each problem with its field', () => {
    const problems = validateForm([theme, { ...theme, label: 'Copy' }], []);
    expect(problems).toEqual([
      'Field 1 (“Strategic theme”): Another field already uses the key “strategic_theme”.',
      'Field 2 (“Copy”): Another field already uses the key “strategic_theme”.',
    ]);
    expect(validateForm([theme], ['Growth'])).toEqual([]);
  });

  it('moves fields up and down, clamped to the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('turns server error paths into sentences', () => {
    const fields = [theme, { ...theme, key: 'other', label: 'Other' }];
    expect(describeServerFieldError({ field: 'fields.1.key', message: 'bad' }, fields)).toBe(
      'Field 2 (“Other”), key: bad',
    );
    expect(describeServerFieldError({ field: 'fields[0].options', message: 'give options' }, fields)).toBe(
      'Field 1 (“Strategic theme”), options: give options',
    );
    expect(describeServerFieldError({ field: 'categories.2', message: 'too long' }, fields)).toBe(
      'Category 3: too long',
    );
    expect(describeServerFieldError({ field: '(root)', message: 'oops' }, fields)).toBe('oops');
  });
});
