import type { Database } from '@baton/db';
import { sql } from 'drizzle-orm';

/**
 * Adds what the portfolio dashboard reads to a seeded organisation, set-based and deterministic
 * (task numbers from 1001, after those the resource pool seeds):
 * `tasksPerProject` tasks per project (every 25th a milestone), one project_metrics row per project
 * with plausible figures and its open milestones of the next 120 days, and three risks per project.
 */
export async function seedDashboard(db: Database, tasksPerProject: number): Promise<void> {
  await db.execute(sql`select setseed(0.23)`);
  await db.execute(sql`
    insert into tasks (project_id, position, uid, name, duration_minutes, milestone, percent_complete,
                       cost_minor, start, finish)
    select p.id, 1000 + g, 1000 + g, 'Task ' || g, case when g % 25 = 0 then 0 else 2400 end, g % 25 = 0, (g * 7) % 101,
           100000 + (g % 13) * 5000,
           to_char(p.planned_start + (g * 3), 'YYYY-MM-DD') || 'T08:00:00',
           to_char(p.planned_start + (g * 3) + 5, 'YYYY-MM-DD') || 'T17:00:00'
    from projects p cross join generate_series(1, ${tasksPerProject}) g`);
  await db.execute(sql`
    insert into project_metrics (project_id, as_of, computed_at, health, dimensions, bac_minor, pv_minor,
                                 ev_minor, ac_minor, eac_minor, spi, cpi, budget_minor, finish,
                                 baseline_finish, percent_complete, facts)
    select p.id, current_date, now(),
           (array['green','green','amber','red'])[1 + (abs(hashtext(p.code)) % 4)],
           jsonb_build_object('schedule', (array['green','amber','red'])[1 + abs(hashtext(p.code || 's')) % 3],
                              'cost', (array['green','amber','red'])[1 + abs(hashtext(p.code || 'c')) % 3],
                              'scope', 'green', 'risk', (array['green','amber'])[1 + abs(hashtext(p.code || 'r')) % 2],
                              'resources', 'green'),
           coalesce(p.budget_minor, 0), coalesce(p.budget_minor, 0) * 0.6, coalesce(p.budget_minor, 0) * 0.55,
           coalesce(p.budget_minor, 0) * 0.58, coalesce(p.budget_minor, 0) * (0.9 + random() * 0.3),
           0.8 + random() * 0.3, 0.85 + random() * 0.3, p.budget_minor,
           p.planned_finish + (random() * 40)::int - 10, p.planned_finish, 55,
           jsonb_build_object('milestones', (
             select coalesce(jsonb_agg(jsonb_build_object(
               'taskId', gen_random_uuid(), 'name', 'Milestone ' || k,
               'finish', to_char(current_date + ((abs(hashtext(p.code || k)) % 120)), 'YYYY-MM-DD'),
               'baselineFinish', to_char(current_date + ((abs(hashtext(p.code || k)) % 120)) - (k * 3), 'YYYY-MM-DD'))), '[]'::jsonb)
             from generate_series(1, 1 + abs(hashtext(p.code)) % 3) k))
    from projects p`);
  await db.execute(sql`
    insert into risks (code, title, project_id, probability, impact, status)
    select 'RBENCH-' || row_number() over (), 'Bench risk', p.id, 1 + (abs(hashtext(p.code || k)) % 5),
           1 + (abs(hashtext(k || p.code)) % 5), (array['open','open','monitoring','closed'])[1 + k % 4]
    from projects p cross join generate_series(1, 3) k`);
  await db.execute(sql`analyze`);
}
