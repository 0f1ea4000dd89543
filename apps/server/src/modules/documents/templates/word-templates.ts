import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

// The PMO's Word templates, built here so that they exist on every install, demo data or not. Each
// heading is a section a PMO expects; the italic lines say what goes there.

type Block = Paragraph | Table;

const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
const subheading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });
const hint = (text: string) =>
  new Paragraph({ children: [new TextRun({ text, italics: true, color: '595959' })] });
const blank = () => new Paragraph({ text: '' });

function cell(text: string, header = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' } } : {}),
  });
}

/** A table with a shaded header row and `rows` empty rows (or the given first-column labels). */
function grid(headers: readonly string[], rows: number | readonly string[]): Table {
  const labels = typeof rows === 'number' ? Array.from({ length: rows }, () => '') : rows;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
      ...labels.map((label) => new TableRow({ children: headers.map((_, i) => cell(i === 0 ? label : '')) })),
    ],
  });
}

/** Two columns: a field and its value, one row per field. */
const fields = (names: readonly string[]) => grid(['Field', 'Value'], names);

function section(title: string, guidance: string, ...extra: Block[]): Block[] {
  return [heading(title), hint(guidance), ...extra, blank()];
}

function build(title: string, description: string, intro: string, body: Block[]): Promise<Buffer> {
  const doc = new Document({
    title,
    description,
    creator: 'Baton PMO',
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
          hint(intro),
          blank(),
          ...body,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const approval = (roles: readonly string[]) =>
  section(
    'Approval',
    'Signing records the decision; upload the signed copy to the project’s Documents tab as a new version.',
    grid(['Role', 'Name', 'Signature', 'Date'], roles),
  );

const revisionHistory = () => [
  subheading('Revision history'),
  grid(['Version', 'Date', 'Author', 'Changes'], ['0.1']),
  blank(),
];

/** The project charter: the sponsor's authorisation of the project, evidence for Gate 1. */
export function buildCharterDocx(): Promise<Buffer> {
  return build(
    'Project charter',
    'Baton PMO template: project charter',
    'Authorises the project and the project manager to use the organisation’s resources. Keep it short: two to four pages.',
    [
      ...section(
        'Project information',
        'As recorded in Baton.',
        fields([
          'Project name',
          'Project code',
          'Org unit / portfolio / program',
          'Sponsor',
          'Project manager',
          'Date',
          'Version',
        ]),
      ),
      ...revisionHistory(),
      ...section(
        'Purpose and background',
        'Why the project exists: the problem or opportunity, and what happens if nothing is done.',
      ),
      ...section(
        'Objectives',
        'Specific, measurable objectives, each tied to a strategic objective of the organisation.',
        grid(['Objective', 'Measure', 'Target', 'Strategic objective served'], 3),
      ),
      ...section(
        'Scope',
        'What the project delivers and, as important, what it does not.',
        subheading('In scope'),
        hint('List the products, services and changes included.'),
        subheading('Out of scope'),
        hint('List what stakeholders might expect that is excluded.'),
      ),
      ...section(
        'Deliverables',
        'The main outputs, with who accepts each.',
        grid(['Deliverable', 'Description', 'Accepted by'], 4),
      ),
      ...section('Success criteria', 'How the sponsor will judge the project a success at closure.'),
      ...section(
        'Milestones',
        'The key dates, including each gate of the lifecycle the project follows.',
        grid(
          ['Milestone', 'Target date', 'Gate'],
          [
            'Charter approved (Gate 1)',
            'Baseline approved (Gate 2)',
            'Acceptance (Gate 3)',
            'Closure (Gate 4)',
          ],
        ),
      ),
      ...section(
        'Budget and resources',
        'Estimate with its accuracy range, the funding source, and the key people or skills needed.',
        fields(['Estimated cost', 'Accuracy range', 'Funding source', 'Contingency', 'Key resources']),
      ),
      ...section(
        'Stakeholders',
        'Who is affected or has a say, and how they will be engaged.',
        grid(['Stakeholder', 'Role', 'Interest / influence', 'Engagement'], 4),
      ),
      ...section(
        'Assumptions, constraints and key risks',
        'Risks go on to the project’s risk register in Baton with probability, impact and owner.',
        grid(['Type', 'Description', 'Owner'], ['Assumption', 'Constraint', 'Risk']),
      ),
      ...section(
        'Governance',
        'Decision rights, the gate reviews, change control thresholds and the reporting cycle.',
        fields(['Steering group', 'Gate reviews', 'Change authority', 'Status reporting']),
      ),
      ...approval(['Sponsor', 'Project manager', 'PMO']),
    ],
  );
}

/** The business case: the investment argument, evidence for Gate 1 and the portfolio board. */
export function buildBusinessCaseDocx(): Promise<Buffer> {
  return build(
    'Business case',
    'Baton PMO template: business case',
    'Justifies the investment: the options, their costs and benefits, and the recommendation. Revisit it at every gate.',
    [
      ...section(
        'Document information',
        'As recorded in Baton.',
        fields(['Project or proposal', 'Code', 'Sponsor', 'Author', 'Date', 'Version']),
      ),
      ...revisionHistory(),
      ...section('Executive summary', 'The recommendation and the case for it in half a page.'),
      ...section(
        'Strategic alignment',
        'The strategic objectives this serves and how much; the portfolio scoring criteria apply.',
        grid(['Strategic objective', 'Contribution', 'Evidence'], 3),
      ),
      ...section('Problem or opportunity', 'The current situation, its cost, and the drivers for change.'),
      ...section(
        'Options considered',
        'Always include “do nothing” as the baseline.',
        grid(['Option', 'Description', 'Cost', 'Benefits', 'Risks'], ['Do nothing', 'Option A', 'Option B']),
      ),
      ...section('Recommended option', 'Which option, and why it is preferred over the others.'),
      ...section(
        'Costs',
        'Capital and operating costs by year, in the project’s currency.',
        grid(
          ['Cost item', 'Year 1', 'Year 2', 'Year 3', 'Total'],
          ['Capital (capex)', 'Operating (opex)', 'Contingency', 'Total'],
        ),
      ),
      ...section(
        'Benefits',
        'Each benefit with its measure, baseline, target, timing and owner; these are tracked after delivery.',
        grid(['Benefit', 'Measure', 'Baseline', 'Target', 'When', 'Owner'], 3),
      ),
      ...section(
        'Financial appraisal',
        'Show the discount rate and the period used.',
        fields([
          'Net present value (NPV)',
          'Internal rate of return (IRR)',
          'Payback period',
          'Discount rate',
          'Appraisal period',
        ]),
      ),
      ...section(
        'Risks and dependencies',
        'The main risks to the case and what it depends on.',
        grid(['Risk or dependency', 'Effect on the case', 'Response'], 3),
      ),
      ...section('Timeline', 'The high-level schedule and the gates where the case is reviewed.'),
      ...approval(['Sponsor', 'Finance', 'Portfolio board']),
    ],
  );
}

/** The periodic status report: RAG by dimension, progress, milestones, budget, risks and decisions. */
export function buildStatusReportDocx(): Promise<Buffer> {
  const rag = ['Overall', 'Schedule', 'Cost', 'Scope', 'Risks and issues', 'Resources', 'Quality'];
  return build(
    'Project status report',
    'Baton PMO template: status report',
    'One page for the reporting period. RAG: green on track, amber at risk with a recovery plan, red needs a decision.',
    [
      ...section(
        'Report information',
        'As recorded in Baton.',
        fields(['Project', 'Project code', 'Reporting period', 'Prepared by', 'Date', 'Current phase']),
      ),
      ...section(
        'Status',
        'RAG and trend (↑ improving, → steady, ↓ worsening) for each dimension.',
        grid(['Dimension', 'RAG', 'Trend', 'Comment'], rag),
      ),
      ...section('Summary', 'Three or four sentences a sponsor reads first.'),
      ...section('Accomplished this period', 'What was completed, against the plan.'),
      ...section('Planned for next period', 'What will be done before the next report.'),
      ...section(
        'Milestones',
        'Baseline against forecast; explain any slip.',
        grid(['Milestone', 'Baseline date', 'Forecast date', 'Status'], 4),
      ),
      ...section(
        'Budget',
        'In the project’s currency.',
        grid(['Budget', 'Actual to date', 'Forecast at completion', 'Variance'], 1),
      ),
      ...section(
        'Top risks and issues',
        'From the project’s RAID log in Baton: the few that need attention.',
        grid(['ID', 'Description', 'Score / priority', 'Owner', 'Response or action'], 4),
      ),
      ...section(
        'Change requests',
        'Raised or decided in this period.',
        grid(['ID', 'Change', 'Impact', 'Status'], 2),
      ),
      ...section('Decisions and help needed', 'What the sponsor or steering group must decide, and by when.'),
    ],
  );
}
