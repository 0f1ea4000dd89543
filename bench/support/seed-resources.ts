import { type Database, queryRows } from '@baton/db';
import { sql } from 'drizzle-orm';

/**
 * Adds a resource pool to a seeded organisation in set-based statements: `resources` people over the
 * departments with skills, two to six bookings each on open projects over 2027, and task work: one
 * task a resource (dated in 2027) assigned to it. Deterministic (setseed).
 */
export async function seedResourcePool(
  db: Database,
  resources: number,
): Promise<{ departmentIds: string[] }> {
  await db.execute(sql`select setseed(0.17)`);
  await db.execute(sql`
    insert into skills (name) select 'Skill ' || g from generate_series(1, 20) g`);
  await db.execute(sql`
    with d as (select id, row_number() over (order by code) - 1 as i from org_units where kind = 'department')
    insert into resources (name, role, org_unit_id, capacity_hours_per_week, max_units)
    select 'Resource ' || lpad(g::text, 5, '0'),
           (array['Developer','Analyst','Tester','Engineer','Designer'])[1 + g % 5],
           (select id from d where d.i = g % 12),
           (array[40, 40, 40, 32, 20])[1 + g % 5], 1
    from generate_series(1, ${resources}) g`);
  await db.execute(sql`
    with r as (select id, row_number() over (order by name) as i from resources),
         s as (select id, row_number() over (order by name) as i from skills)
    insert into resource_skills (resource_id, skill_id, level)
    select r.id, s.id, 1 + (r.i + s.i) % 5 from r join s on (r.i + s.i) % 7 = 0`);
  await db.execute(sql`
    with r as (select id, row_number() over (order by name) as i from resources),
         p as (select id, row_number() over (order by code) as i from projects where status in ('proposed','approved','active','on_hold')),
         n as (select count(*) as c from p)
    insert into allocations (resource_id, project_id, start, "end", hours_per_week)
    select r.i_id, (select id from p where p.i = 1 + ((r.i * 31 + k * 17) % (select c from n))),
           date '2027-01-04' + ((r.i + k * 13) % 300)::int,
           date '2027-01-04' + ((r.i + k * 13) % 300)::int + 14 + ((r.i * k) % 120)::int,
           (array[4, 8, 12, 16, 20])[1 + (r.i + k) % 5]
    from (select id as i_id, i from r) r, generate_series(1, 4) k
    union all
    select r.i_id, (select id from p where p.i = 1 + ((r.i * 7 + k * 5) % (select c from n))),
           date '2027-01-04' + ((r.i * 3 + k * 29) % 330)::int,
           date '2027-01-04' + ((r.i * 3 + k * 29) % 330)::int + 7 + ((r.i + k) % 60)::int,
           (array[8, 16, 24])[1 + (r.i + k) % 3]
    from (select id as i_id, i from r) r, generate_series(1, 2) k
    where r.i % 3 <> 0`);
  await db.execute(sql`
    with r as (select id, row_number() over (order by name) as i from resources),
         p as (select id, row_number() over (order by code) as i from projects where status = 'active'),
         n as (select count(*) as c from p)
    insert into tasks (project_id, position, uid, name, duration_minutes, work_minutes, start, finish)
    select (select id from p where p.i = 1 + (r.i % (select c from n))), r.i::int, r.i::int, 'Task ' || r.i, 4800, 4800,
           to_char(date '2027-01-04' + 7 * ((r.i * 11) % 45)::int, 'YYYY-MM-DD') || 'T08:00:00',
           to_char(date '2027-01-04' + 7 * ((r.i * 11) % 45)::int + 11, 'YYYY-MM-DD') || 'T17:00:00'
    from r`);
  await db.execute(sql`
    insert into assignments (task_id, resource_id, work_minutes)
    select t.id, r.id, 4800 from tasks t join resources r on r.name = 'Resource ' || lpad(t.uid::text, 5, '0')`);
  const deps = await queryRows<{ id: string }>(
    db,
    sql`select id from org_units where kind = 'department' order by code`,
  );
  await db.execute(sql`analyze`);
  return { departmentIds: deps.map((d) => d.id) };
}
