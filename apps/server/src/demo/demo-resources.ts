import { fromDayNumber, startOfIsoWeek, toDayNumber } from '@baton/core';
import { SYSTEM_ACTOR } from '../modules/access/access.service.ts';
import type { Services } from '../services.ts';

const SKILLS: [string, string][] = [
  ['TypeScript', 'Engineering'],
  ['Java', 'Engineering'],
  ['Cloud architecture', 'Engineering'],
  ['Data engineering', 'Data'],
  ['Business analysis', 'Delivery'],
  ['Project management', 'Delivery'],
  ['Change management', 'Delivery'],
  ['Testing', 'Engineering'],
  ['Network engineering', 'Infrastructure'],
  ['SAP FI/CO', 'Enterprise apps'],
  ['UX design', 'Design'],
  ['Security', 'Infrastructure'],
];

type DemoPerson = {
  name: string;
  role: string;
  unit: string;
  hours: number;
  rate: number;
  skills: [string, number][];
  email?: string;
};

const PEOPLE: DemoPerson[] = [
  {
    name: 'Mia Member',
    role: 'Developer',
    unit: 'CPLAT',
    hours: 40,
    rate: 8500,
    skills: [
      ['TypeScript', 4],
      ['Testing', 3],
    ],
    email: 'member@baton.local',
  },
  {
    name: 'Noah Becker',
    role: 'Developer',
    unit: 'CPLAT',
    hours: 40,
    rate: 9000,
    skills: [
      ['TypeScript', 5],
      ['Cloud architecture', 3],
    ],
  },
  {
    name: 'Olivia Grant',
    role: 'Developer',
    unit: 'CPLAT',
    hours: 32,
    rate: 8000,
    skills: [
      ['TypeScript', 3],
      ['UX design', 2],
    ],
  },
  {
    name: 'Liam Duarte',
    role: 'Developer',
    unit: 'INFRA',
    hours: 40,
    rate: 8800,
    skills: [
      ['Java', 4],
      ['Data engineering', 3],
    ],
  },
  {
    name: 'Emma Novak',
    role: 'Cloud engineer',
    unit: 'INFRA',
    hours: 40,
    rate: 9500,
    skills: [
      ['Cloud architecture', 5],
      ['Security', 3],
    ],
  },
  {
    name: 'Lucas Moreau',
    role: 'Network engineer',
    unit: 'INFRA',
    hours: 40,
    rate: 7800,
    skills: [
      ['Network engineering', 5],
      ['Security', 2],
    ],
  },
  {
    name: 'Sofia Lind',
    role: 'Business analyst',
    unit: 'CPLAT',
    hours: 40,
    rate: 8200,
    skills: [
      ['Business analysis', 5],
      ['Change management', 3],
    ],
  },
  {
    name: 'Ethan Park',
    role: 'Business analyst',
    unit: 'SCM',
    hours: 24,
    rate: 7900,
    skills: [
      ['Business analysis', 3],
      ['Data engineering', 2],
    ],
  },
  {
    name: 'Ava Jensen',
    role: 'Tester',
    unit: 'CPLAT',
    hours: 40,
    rate: 7000,
    skills: [
      ['Testing', 5],
      ['TypeScript', 2],
    ],
  },
  {
    name: 'Mateo Silva',
    role: 'Data engineer',
    unit: 'INFRA',
    hours: 40,
    rate: 9200,
    skills: [
      ['Data engineering', 5],
      ['Java', 3],
    ],
  },
  {
    name: 'Isabella Rossi',
    role: 'Project manager',
    unit: 'DIGI',
    hours: 40,
    rate: 10500,
    skills: [
      ['Project management', 5],
      ['Change management', 4],
    ],
  },
  {
    name: 'James Walker',
    role: 'Project manager',
    unit: 'OPS',
    hours: 40,
    rate: 10000,
    skills: [['Project management', 4]],
  },
  {
    name: 'Chloe Martin',
    role: 'SAP consultant',
    unit: 'CORP',
    hours: 40,
    rate: 11500,
    skills: [
      ['SAP FI/CO', 5],
      ['Business analysis', 3],
    ],
  },
  {
    name: 'Benjamin Ortiz',
    role: 'SAP consultant',
    unit: 'CORP',
    hours: 20,
    rate: 11000,
    skills: [['SAP FI/CO', 4]],
  },
  {
    name: 'Grace Kim',
    role: 'UX designer',
    unit: 'CPLAT',
    hours: 40,
    rate: 8700,
    skills: [
      ['UX design', 5],
      ['Business analysis', 2],
    ],
  },
  {
    name: 'Henry Adeyemi',
    role: 'Security engineer',
    unit: 'INFRA',
    hours: 40,
    rate: 9800,
    skills: [
      ['Security', 5],
      ['Network engineering', 3],
    ],
  },
  {
    name: 'Zoe Fischer',
    role: 'Change manager',
    unit: 'EPMO',
    hours: 32,
    rate: 8600,
    skills: [
      ['Change management', 5],
      ['Project management', 3],
    ],
  },
  {
    name: 'Samuel Reyes',
    role: 'Logistics analyst',
    unit: 'SCM',
    hours: 40,
    rate: 7600,
    skills: [
      ['Business analysis', 4],
      ['Data engineering', 2],
    ],
  },
  {
    name: 'Hannah Vogel',
    role: 'Facilities coordinator',
    unit: 'FAC',
    hours: 40,
    rate: 6500,
    skills: [['Project management', 3]],
  },
  {
    name: 'Daniel Costa',
    role: 'Developer',
    unit: 'SCM',
    hours: 40,
    rate: 8300,
    skills: [
      ['Java', 4],
      ['Testing', 3],
    ],
  },
];

const ROLES: [string, string, number][] = [
  ['Developer (to be named)', 'Developer', 40],
  ['Business analyst (to be named)', 'Business analyst', 40],
  ['Tester (to be named)', 'Tester', 40],
];

/**
 * The demo pool: a skills catalogue, twenty people and three placeholder roles with rates and
 * leave, bookings on the running and proposed projects (some people deliberately double-booked),
 * task assignments on the planned projects, a staffing request and a submitted timesheet.
 */
export async function loadDemoResources(
  s: Services,
  input: {
    unitIds: Record<string, string>;
    projectIds: readonly string[];
    plannedProjectIds: readonly string[];
    userIds: Record<string, string>;
    today: string;
  },
): Promise<void> {
  const a = SYSTEM_ACTOR;
  const skillId = new Map<string, string>();
  for (const [name, category] of SKILLS)
    skillId.set(name, (await s.resources.createSkill(a, { name, category })).id);
  const thisMonday = fromDayNumber(startOfIsoWeek(toDayNumber(input.today)));
  const shift = (days: number) => fromDayNumber(toDayNumber(thisMonday) + days);
  const resourceIds: string[] = [];
  for (const [i, p] of PEOPLE.entries()) {
    const r = await s.resources.create(a, {
      name: p.name,
      capacityHoursPerWeek: p.hours,
      role: p.role,
      orgUnitId: input.unitIds[p.unit] ?? null,
      email: p.email ?? `${p.name.toLowerCase().replace(/[^a-z]+/g, '.')}@baton.local`,
      userId: p.email ? (input.userIds[p.email] ?? null) : null,
      employmentStart: i === 19 ? shift(21) : '2019-03-01',
      skills: p.skills.flatMap(([n, level]) => {
        const id = skillId.get(n);
        return id ? [{ skillId: id, level }] : [];
      }),
      rate: { rateMinor: p.rate, currency: 'EUR', effectiveFrom: '2026-01-01' },
    });
    resourceIds.push(r.id);
    if (i % 6 === 2)
      await s.resources.addLeave(a, r.id, {
        version: r.version,
        start: shift(14),
        end: shift(18),
        kind: 'leave',
        note: 'Annual leave',
      });
  }
  for (const [name, role, hours] of ROLES)
    await s.resources.create(a, { name, role, kind: 'role', capacityHoursPerWeek: hours });

  // Bookings: each open project gets two or three people for the next months.
  const open: { id: string; status: string }[] = [];
  for (const id of input.projectIds) {
    const p = await s.projects.get(id);
    if (['proposed', 'approved', 'active', 'on_hold'].includes(p.status)) open.push({ id, status: p.status });
  }
  for (const [k, p] of open.entries()) {
    // Mia (resource 0) works only on the project her login is granted on, booked below.
    const team = [1 + (k % 19), 1 + ((k * 7 + 3) % 19), 1 + ((k * 11 + 5) % 19)];
    for (const [j, r] of team.slice(0, k % 3 === 0 ? 2 : 1).entries()) {
      const resourceId = resourceIds[r];
      if (!resourceId) continue;
      await s.allocations.create(a, {
        resourceId,
        projectId: p.id,
        start: shift(-28 + ((k + j) % 4) * 7),
        end: shift(7 * (10 + ((k * 3 + j) % 14))),
        hoursPerWeek: [4, 8, 8, 12, 16][(k + j * 2) % 5] ?? 8,
      });
    }
  }
  const miaProject = input.projectIds[3];
  if (miaProject && resourceIds[0])
    await s.allocations.create(a, {
      resourceId: resourceIds[0],
      projectId: miaProject,
      start: shift(-28),
      end: shift(120),
      hoursPerWeek: 32,
    });
  // Noah is the team's strongest developer, and everybody wants him: a clear over-allocation.
  const noah = resourceIds[1];
  const [p1, p2] = open;
  if (noah && p1 && p2) {
    await s.allocations.create(a, {
      resourceId: noah,
      projectId: p1.id,
      start: shift(0),
      end: shift(55),
      hoursPerWeek: 24,
    });
    await s.allocations.create(a, {
      resourceId: noah,
      projectId: p2.id,
      start: shift(14),
      end: shift(69),
      hoursPerWeek: 20,
    });
  }

  // Task work in the planned projects: the build and test tasks go to named people.
  for (const [k, projectId] of input.plannedProjectIds.entries()) {
    const plan = await s.schedule.view(projectId);
    for (const t of plan.tasks.filter((x) => !x.summary && !x.milestone && x.durationMinutes > 0)) {
      const who = /Build|Data migration/.test(t.name)
        ? [resourceIds[(k + 1) % 4], resourceIds[9]]
        : /test/i.test(t.name)
          ? [resourceIds[8]]
          : /design|Requirements/i.test(t.name)
            ? [resourceIds[6]]
            : [];
      const list = who.filter((x): x is string => !!x);
      if (!list.length) continue;
      await s.assignments.set(a, t.id, {
        taskVersion: t.version,
        assignments: list.map((resourceId) => ({ resourceId, units: 0.5 })),
      });
    }
  }

  const [first] = open;
  if (first) {
    const ts = skillId.get('TypeScript');
    await s.allocations.createStaffing(a, {
      projectId: first.id,
      role: 'Senior developer',
      skills: ts ? [{ skillId: ts, minLevel: 4 }] : [],
      start: shift(28),
      end: shift(90),
      hoursPerWeek: 20,
      notes: 'Front-end rebuild of the order pages.',
    });
  }

  // Mia logged last week on her project and sent it for approval.
  const mia = input.userIds['member@baton.local'];
  if (mia && miaProject && resourceIds[0]) {
    const actor = {
      userId: mia,
      grants: [{ role: 'team_member' as const, scopeType: 'project' as const, scopeId: miaProject }],
      requestId: null,
    };
    const week = shift(-7);
    const saved = await s.timesheets.save(actor, {
      week,
      version: 0,
      entries: [0, 1, 2, 3].map((d) => ({
        projectId: miaProject,
        date: fromDayNumber(toDayNumber(week) + d),
        hours: d === 3 ? 4 : 6,
        note: null,
      })),
    });
    if (saved.id) await s.timesheets.submit(actor, saved.id, saved.version);
  }
}
