-- Every committed change to what the API serves announces itself on channel baton_changes, so each
-- server (and the embedded one) can drop cached reads. Statement-level: one notification per statement,
-- collapsed by PostgreSQL within a transaction and delivered at commit.
CREATE OR REPLACE FUNCTION baton_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('baton_changes', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['users','role_assignments','sessions','api_tokens','org_units','portfolios','programs','projects','custom_field_definitions','project_schedules','tasks','task_links','calendars','baselines','resources','assignments']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION baton_notify_change()', t || '_notify_change', t);
  END LOOP;
END;
$$;
