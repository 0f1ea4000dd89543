import { describe, expect, it } from 'vitest';
import {
  expandProposalChanges,
  formatProposalValue,
  labelOfProposalField,
  type ProposalLookup,
} from './proposal-history-format.ts';

const LOOKUP: ProposalLookup = {
  users: new Map([['u1', 'Dana Director']]),
  orgUnits: new Map(),
  portfolios: new Map(),
  proposals: new Map([['p2', 'PR-002 E-invoicing mandate']]),
  objectives: new Map([['o1', 'Grow digital revenue']]),
  fields: [{ key: 'sponsor_confirmed', label: 'Sponsor confirmed', type: 'boolean', required: false }],
  currency: 'EUR',
};

describe('proposal history', () => {
  it('splits alignment and answers per key, in the order of the form', () => {
    const changes = expandProposalChanges([
      { field: 'answers', from: { sponsor_confirmed: false }, to: { sponsor_confirmed: true } },
      { field: 'alignment', from: null, to: { o1: 4, o2: 0 } },
      { field: 'title', from: 'A', to: 'B' },
    ]);
    expect(changes.map((c) => c.field)).toEqual(['title', 'alignment.o1', 'answers.sponsor_confirmed']);
    expect(labelOfProposalField('alignment.o1', LOOKUP)).toBe('Alignment: Grow digital revenue');
    expect(labelOfProposalField('answers.sponsor_confirmed', LOOKUP)).toBe('Sponsor confirmed');
  });

  it('puts values in words', () => {
    expect(formatProposalValue('status', 'under_review', LOOKUP)).toBe('Under review');
    expect(formatProposalValue('sponsorId', 'u1', LOOKUP)).toBe('Dana Director');
    expect(formatProposalValue('requires', ['p2'], LOOKUP)).toBe('PR-002 E-invoicing mandate');
    expect(formatProposalValue('answers.sponsor_confirmed', true, LOOKUP)).toBe('Yes');
    expect(
      formatProposalValue(
        'businessCase',
        [
          { capexMinor: 100_00, opexMinor: 50_00, benefitMinor: 0 },
          { capexMinor: 0, opexMinor: 50_00, benefitMinor: 400_00 },
        ],
        LOOKUP,
      ),
    ).toMatch(/^2 months · cost .*200 · benefit .*400$/);
    expect(formatProposalValue('demand', [{ key: 'Developer', kind: 'role', hours: [80, 40] }], LOOKUP)).toBe(
      'Developer 120 h',
    );
  });
});
