import { type Database, queryRows } from '@baton/db';
import { sql } from 'drizzle-orm';

/**
 * Fills an empty, migrated database with a large organisation in a few set-based statements:
 * 1 enterprise PMO, 4 business units, 12 departments, 8 portfolios, 24 programs, 60 users and
 * `projects` projects spread over them (deterministic: setseed).
 */
export async function seedLargeOrganisation(
  db: Database,
  projects: number,
): Promise<{ businessUnitIds: string[] }> {
  await db.execute(sql`select setseed(0.42)`);
  await db.execute(
    sql`insert into org_units (code, name, kind, parent_id) values ('EPMO', 'Enterprise PMO', 'enterprise_pmo', null)`,
  );
  await db.execute(sql`
    insert into org_units (code, name, kind, parent_id)
    select 'BU' || g, 'Business unit ' || g, 'business_unit_pmo', (select id from org_units where code = 'EPMO')
    from generate_series(1, 4) g`);
  await db.execute(sql`
    insert into org_units (code, name, kind, parent_id)
    select 'D' || g, 'Department ' || g, 'department', (select id from org_units where code = 'BU' || (1 + g % 4))
    from generate_series(1, 12) g`);
  await db.execute(sql`
    insert into users (email, name, password_hash)
    select 'person' || g || '@bench.local', 'Person ' || g, 'not-a-login'
    from generate_series(1, 60) g`);
  await db.execute(sql`
    insert into portfolios (code, name, org_unit_id)
    select 'PF' || g, 'Portfolio ' || g, (select id from org_units where code = 'BU' || (1 + g % 4))
    from generate_series(1, 8) g`);
  await db.execute(sql`
    insert into programs (code, name, portfolio_id)
    select 'PG' || g, 'Program ' || g, (select id from portfolios where code = 'PF' || (1 + g % 8))
    from generate_series(1, 24) g`);
  await db.execute(sql`
    with d as (select id, row_number() over (order by code) - 1 as i from org_units where kind = 'department'),
         u as (select id, row_number() over (order by email) - 1 as i from users),
         pf as (select id, row_number() over (order by code) - 1 as i from portfolios)
    insert into projects (code, name, description, status, org_unit_id, portfolio_id, manager_id, sponsor_id,
                          planned_start, planned_finish, budget_minor, priority, tags)
    select 'P' || lpad(g::text, 6, '0'),
           (array['Upgrade','Migrate','Launch','Consolidate','Automate','Redesign'])[1 + g % 6] || ' ' ||
           (array['billing','warehouse','portal','network','CRM','reporting','payroll','logistics'])[1 + (g / 6) % 8] || ' ' || g,
           'Benchmark project ' || g,
           (array['proposed','approved','active','active','active','on_hold','completed','cancelled'])[1 + g % 8],
           (select id from d where d.i = g % 12),
           case when g % 5 = 0 then null else (select id from pf where pf.i = g % 8) end,
           (select id from u where u.i = g % 60),
           (select id from u where u.i = (g * 7) % 60),
           date '2025-01-01' + (g % 900),
           date '2025-01-01' + (g % 900) + 90 + (g % 400),
           (10000 + (random() * 5000000)::int) * 100,
           1 + g % 4,
           array[(array['cloud','security','customer','regulatory','data'])[1 + g % 5]]
    from generate_series(1, ${projects}) g`);
  const bus = await queryRows<{ id: string }>(
    db,
    sql`select id from org_units where kind = 'business_unit_pmo' order by code`,
  );
  await db.execute(sql`analyze`);
  return { businessUnitIds: bus.map((b) => b.id) };
}
