import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/client.ts';
import type { ComputedHealth, OverviewRow, StatusReport } from '../../api/status-reports.ts';
import {
  computedDimensions,
  computedRagOf,
  currentPeriod,
  dimensionLabel,
  draftOf,
  dueText,
  fieldMessages,
  figureEntries,
  figureLabel,
  filterRows,
  formatFigure,
  formatPeriod,
  isDraftChanged,
  isMoneyFigure,
  isPeriod,
  latestReturn,
  mismatchSentence,
  mismatchViews,
  normaliseField,
  RAG_FIELDS,
  readShow,
  reportActions,
  rowLink,
  ruleText,
  sentence,
  shiftPeriod,
  showCounts,
  showsMismatchBanner,
  sortReports,
  sortRows,
  toUpdateBody,
} from './status-report-model.ts';

const computed: ComputedHealth = {
  overall: 'red',
  dimensions: {
    schedule: {
      rag: 'red',
      fired: [
        {
          rule: 'spi-low',
          title: 'SPI below 0.8',
          value: 0.72,
          threshold: 0.8,
          rag: 'red',
          explanation: 'SPI is 0.72, below 0.8: the project earns less than planned.',
        },
      ],
    },
    cost: { rag: 'green', fired: [] },
    risk: {
      rag: 'amber',
      fired: [
        {
          rule: 'high-risks',
          title: 'Open high risks',
          value: 2,
          threshold: 1,
          rag: 'amber',
          explanation: '2 high risks are open.',
        },
      ],
    },
    quality: { rag: 'green', fired: [] },
  },
};

function report(patch: Partial<StatusReport> = {}): StatusReport {
  return {
    id: 'r1',
    version: 3,
    createdAt: '2026-03-01T10:00:00Z',
    updatedAt: '2026-03-02T10:00:00Z',
    projectId: 'p1',
    projectCode: 'PRJ-001',
    projectName: 'Apollo',
    period: '2026-03',
    dueDate: '2026-04-05',
    overdue: false,
    status: 'draft',
    summary: null,
    accomplishments: null,
    nextSteps: null,
    decisionsNeeded: null,
    reported: {},
    computed,
    figures: null,
    mismatches: [],
    submittedAt: null,
    submittedByName: null,
    reviewedAt: null,
    reviewedByName: null,
    moves: ['submitted'],
    commentCount: 0,
    ...patch,
  } as StatusReport;
}

function row(patch: Partial<OverviewRow>): OverviewRow {
  return {
    projectId: 'p',
    code: 'PRJ-001',
    name: 'Apollo',
    managerName: 'Priya',
    reportId: null,
    status: 'missing',
    overdue: false,
    reportedOverall: null,
    computedOverall: null,
    mismatch: false,
    ...patch,
  };
}

describe('what a report allows', () => {
  const all = { edit: true, review: true };
  it('lets the project team edit and submit a draft or a returned report', () => {
    expect(reportActions(report(), all)).toEqual(['edit', 'submit']);
    expect(reportActions(report({ status: 'returned', moves: ['submitted'] }), all)).toEqual([
      'edit',
      'submit',
    ]);
    expect(reportActions(report(), { edit: false, review: true })).toEqual([]);
  });

  it('lets the PMO review a submitted report only', () => {
    const submitted = report({ status: 'submitted', moves: ['reviewed', 'returned'] });
    expect(reportActions(submitted, all)).toEqual(['review']);
    expect(reportActions(submitted, { edit: true, review: false })).toEqual([]);
    expect(reportActions(report({ status: 'reviewed', moves: [] }), all)).toEqual([]);
  });

  it('does not offer submitting when the server allows no such move', () => {
    expect(reportActions(report({ moves: [] }), all)).toEqual(['edit']);
  });
});

describe('periods', () => {
  it('defaults to the current month and moves across years', () => {
    expect(currentPeriod(new Date(2026, 0, 31, 12))).toBe('2026-01');
    expect(currentPeriod(new Date(2026, 11, 1, 12))).toBe('2026-12');
    expect(shiftPeriod('2026-01', -1)).toBe('2025-12');
    expect(shiftPeriod('2026-12', 1)).toBe('2027-01');
    expect(shiftPeriod('2026-05', -17)).toBe('2024-12');
    expect(shiftPeriod('nonsense', 1)).toBe('nonsense');
  });

  it('accepts only YYYY-MM', () => {
    expect(isPeriod('2026-03')).toBe(true);
    expect(isPeriod('2026-13')).toBe(false);
    expect(isPeriod('2026-3')).toBe(false);
    expect(isPeriod('')).toBe(false);
    expect(isPeriod(null)).toBe(false);
  });

  it('names the month in words', () => {
    expect(formatPeriod('2026-03')).toMatch(/March/);
    expect(formatPeriod('2026-03')).toMatch(/2026/);
    expect(formatPeriod('soon')).toBe('soon');
  });

  it('sorts the newest period first and tells when it is due', () => {
    const sorted = sortReports([{ period: '2025-12' }, { period: '2026-02' }, { period: '2026-01' }]);
    expect(sorted.map((r) => r.period)).toEqual(['2026-02', '2026-01', '2025-12']);
    expect(dueText({ dueDate: '2026-04-05', overdue: false })).toMatch(/^Due .*2026$/);
    expect(dueText({ dueDate: '2026-04-05', overdue: true })).toMatch(/^Overdue since /);
  });
});

describe('figures', () => {
  it('labels known and unknown keys', () => {
    expect(figureLabel('spi')).toMatch(/^SPI/);
    expect(figureLabel('evMinor')).toBe('Earned value (EV)');
    expect(figureLabel('milestonesDue')).toBe('Milestones due');
    expect(figureLabel('open_high_risks')).toBe('Open high risks');
    expect(figureLabel('vendorScore')).toBe('Vendor score');
    expect(isMoneyFigure('ac')).toBe(true);
    expect(isMoneyFigure('budgetMinor')).toBe(true);
    expect(isMoneyFigure('spi')).toBe(false);
  });

  it('formats money from minor units, ratios to two decimals, and the rest as it comes', () => {
    expect(formatFigure('evMinor', 12_345_600, 'EUR')).toMatch(/123,456/);
    expect(formatFigure('spi', 0.87654, 'EUR')).toBe('0.88');
    expect(formatFigure('overdueIssues', 1200, 'EUR')).toBe('1,200');
    expect(formatFigure('cpi', null, 'EUR')).toBe('—');
    expect(formatFigure('baselined', true, 'EUR')).toBe('Yes');
    expect(formatFigure('asOf', '2026-03-31', 'EUR')).toMatch(/2026/);
    expect(formatFigure('phases', ['Plan', 'Build'], 'EUR')).toBe('Plan, Build');
    expect(formatFigure('risks', [{ id: 1 }, { id: 2 }], 'EUR')).toBe('2');
    expect(formatFigure('spi', Number.NaN, 'EUR')).toBe('—');
    // The earned-value amounts are minor units too, without the suffix.
    expect(formatFigure('bac', 15_000_000, 'EUR')).toMatch(/150,000/);
    expect(formatFigure('cv', -250_050, 'EUR')).toMatch(/2,500\.50/);
    expect(formatFigure('eacMethod', 'AC + (BAC − EV)', 'EUR')).toBe('AC + (BAC − EV)');
    expect(figureLabel('daysSinceStatusReport')).toBe('Days since the last status report');
  });

  it('lists whatever keys come, spreads one level of objects and uses their currency', () => {
    const entries = figureEntries(
      { zeta: 'z', milestones: { missed: 1, due: 3 }, acMinor: 100_000, currency: 'USD', spi: 0.9 },
      'EUR',
    );
    // Earned value first, whatever order the keys are stored in; the rest alphabetically.
    expect(entries.map((e) => e.key)).toEqual([
      'spi',
      'acMinor',
      'milestones.due',
      'milestones.missed',
      'zeta',
    ]);
    expect(entries[1]?.text).toMatch(/\$|US/);
    expect(entries[2]?.label).toBe('Milestones: due');
    expect(figureEntries(null, 'EUR')).toEqual([]);
  });
});

describe('computed health and mismatches', () => {
  it('orders the dimensions as usual, unknown ones after', () => {
    expect(computedDimensions(computed).map((d) => d.dimension)).toEqual([
      'schedule',
      'cost',
      'risk',
      'quality',
    ]);
    expect(computedDimensions(null)).toEqual([]);
    expect(dimensionLabel('resources')).toBe('Resources');
    expect(dimensionLabel('vendorHealth')).toBe('Vendor health');
  });

  it('reads Baton’s RAG for overall and each dimension', () => {
    expect(computedRagOf(computed, 'overall')).toBe('red');
    expect(computedRagOf(computed, 'risk')).toBe('amber');
    expect(computedRagOf(computed, 'scope')).toBeNull();
    expect(computedRagOf(null, 'overall')).toBeNull();
  });

  it('leads a rule with its title only when the explanation does not name it', () => {
    expect(
      ruleText({ title: 'Open high risks', explanation: 'Open high risks 3 is above the red threshold 2' }),
    ).toEqual({
      title: null,
      text: 'Open high risks 3 is above the red threshold 2',
    });
    expect(
      ruleText({ title: 'SPI below 0.8', explanation: 'The project earns less than planned.' }).title,
    ).toBe('SPI below 0.8');
  });

  it('says each mismatch in words, with the rules behind it', () => {
    expect(mismatchSentence({ reported: 'green', computed: 'red' })).toBe(
      'Reported green — the figures say red',
    );
    const views = mismatchViews(
      report({
        mismatches: [
          { dimension: 'overall', reported: 'green', computed: 'red' },
          { dimension: 'risk', reported: 'green', computed: 'amber' },
        ],
      }),
    );
    expect(views[0]).toMatchObject({ label: 'Overall', sentence: 'Reported green — the figures say red' });
    expect(views[0]?.explanations).toEqual(['SPI is 0.72, below 0.8: the project earns less than planned.']);
    expect(views[1]?.explanations).toEqual(['2 high risks are open.']);
  });

  it('shows the banner once submitted, not on a draft', () => {
    const m = [{ dimension: 'overall', reported: 'green', computed: 'red' }] as const;
    expect(showsMismatchBanner(report({ mismatches: [...m] }))).toBe(false);
    expect(showsMismatchBanner(report({ status: 'submitted', mismatches: [...m] }))).toBe(true);
    expect(showsMismatchBanner(report({ status: 'submitted' }))).toBe(false);
  });
});

describe('the report form', () => {
  it('starts from the report and sends empty text as null', () => {
    const d = draftOf(report({ summary: 'On track', reported: { overall: 'green' } }));
    expect(d).toEqual({
      summary: 'On track',
      accomplishments: '',
      nextSteps: '',
      decisionsNeeded: '',
      reported: { overall: 'green' },
    });
    expect(toUpdateBody(3, { ...d, nextSteps: '   ' })).toEqual({
      version: 3,
      summary: 'On track',
      accomplishments: null,
      nextSteps: null,
      decisionsNeeded: null,
      reported: { overall: 'green' },
    });
  });

  it('knows when something was changed', () => {
    const d = draftOf(report());
    expect(isDraftChanged(d, draftOf(report()))).toBe(false);
    expect(isDraftChanged({ ...d, summary: 'x' }, d)).toBe(true);
    expect(isDraftChanged({ ...d, reported: { cost: 'red' } }, d)).toBe(true);
    expect(RAG_FIELDS).toEqual(['overall', 'schedule', 'cost', 'scope', 'risk', 'resources']);
  });

  it('puts the server’s messages at their fields, as sentences', () => {
    const problem = new ApiProblem({
      type: 'validation',
      title: 'Not submitted',
      status: 422,
      errors: [
        { field: 'summary', rule: 'required', message: 'write the summary of the period' },
        { field: '/reported/overall', rule: 'required', message: 'report the overall RAG' },
        { field: 'reported.overall', rule: 'required', message: 'a second message' },
      ],
    });
    expect(fieldMessages(problem)).toEqual({
      summary: 'Write the summary of the period.',
      'reported.overall': 'Report the overall RAG.',
    });
    expect(fieldMessages(new Error('boom'))).toEqual({});
    expect(normaliseField('body.reported.cost')).toBe('reported.cost');
    expect(sentence('Done!')).toBe('Done!');
  });

  it('finds why the report was returned', () => {
    const comments = [
      {
        id: 'a',
        authorName: 'Dana',
        body: 'Explain the slip',
        decision: 'returned',
        createdAt: '2026-04-01',
      },
      { id: 'b', authorName: 'Priya', body: 'Done', decision: null, createdAt: '2026-04-02' },
      { id: 'c', authorName: 'Dana', body: 'Still vague', decision: 'returned', createdAt: '2026-04-03' },
    ] as const;
    expect(latestReturn(report({ status: 'returned' }), [...comments])?.id).toBe('c');
    expect(latestReturn(report({ status: 'submitted' }), [...comments])).toBeNull();
  });
});

describe('the PMO overview', () => {
  const rows = [
    row({ projectId: 'a', code: 'PRJ-003', status: 'reviewed', reportId: 'ra' }),
    row({ projectId: 'b', code: 'PRJ-002', status: 'missing', overdue: true }),
    row({ projectId: 'c', code: 'PRJ-010', status: 'submitted', reportId: 'rc', mismatch: true }),
    row({ projectId: 'd', code: 'PRJ-001', status: 'draft', reportId: 'rd' }),
  ];

  it('reads the filter from the URL, all by default', () => {
    expect(readShow('mismatch')).toBe('mismatch');
    expect(readShow('missing')).toBe('missing');
    expect(readShow('weird')).toBe('all');
    expect(readShow(null)).toBe('all');
  });

  it('filters and counts', () => {
    expect(filterRows(rows, 'missing').map((r) => r.projectId)).toEqual(['b']);
    expect(filterRows(rows, 'mismatch').map((r) => r.projectId)).toEqual(['c']);
    expect(showCounts(rows)).toEqual({ all: 4, missing: 1, overdue: 1, mismatch: 1 });
  });

  it('puts what needs the PMO first', () => {
    expect(sortRows(rows).map((r) => r.projectId)).toEqual(['b', 'c', 'd', 'a']);
  });

  it('links to the report, or to the project’s Status tab when none', () => {
    expect(rowLink({ reportId: 'ra', projectId: 'a' }, '2026-03')).toBe('/status-reports/ra');
    expect(rowLink({ reportId: null, projectId: 'b' }, '2026-03')).toBe(
      '/projects/b?tab=status&period=2026-03',
    );
  });
});
