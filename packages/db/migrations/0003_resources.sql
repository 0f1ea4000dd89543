CREATE TABLE "allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"resource_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"start" date NOT NULL,
	"end" date NOT NULL,
	"hours_per_week" double precision,
	"percent" double precision,
	"phases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "resource_leave" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"start" date NOT NULL,
	"end" date NOT NULL,
	"kind" text DEFAULT 'leave' NOT NULL,
	"hours_per_day" double precision,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "resource_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"rate_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "resource_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"timesheets_locked_through" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "resource_skills" (
	"resource_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"level" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"name" text NOT NULL,
	"category" text,
	"description" text
);
--> statement-breakpoint
CREATE TABLE "staffing_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"project_id" uuid NOT NULL,
	"role" text NOT NULL,
	"skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"start" date NOT NULL,
	"end" date NOT NULL,
	"hours_per_week" double precision NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resource_id" uuid,
	"allocation_id" uuid,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "timesheet_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"timesheet_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timesheet_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"timesheet_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"task_id" uuid,
	"date" date NOT NULL,
	"hours" double precision NOT NULL,
	"note" text,
	"status" text DEFAULT 'pending' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timesheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"resource_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"rejection_reason" text
);
--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "generic" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "role" text;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "user_id" uuid;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "capacity_hours_per_week" double precision DEFAULT 40 NOT NULL;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "employment_start" date;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "employment_end" date;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "actual_work_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "actual_cost_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_leave" ADD CONSTRAINT "resource_leave_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_rates" ADD CONSTRAINT "resource_rates_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_skills" ADD CONSTRAINT "resource_skills_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_skills" ADD CONSTRAINT "resource_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_requests" ADD CONSTRAINT "staffing_requests_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_requests" ADD CONSTRAINT "staffing_requests_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_requests" ADD CONSTRAINT "staffing_requests_allocation_id_allocations_id_fk" FOREIGN KEY ("allocation_id") REFERENCES "public"."allocations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timesheet_decisions" ADD CONSTRAINT "timesheet_decisions_timesheet_id_timesheets_id_fk" FOREIGN KEY ("timesheet_id") REFERENCES "public"."timesheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timesheet_decisions" ADD CONSTRAINT "timesheet_decisions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timesheet_entries" ADD CONSTRAINT "timesheet_entries_timesheet_id_timesheets_id_fk" FOREIGN KEY ("timesheet_id") REFERENCES "public"."timesheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timesheet_entries" ADD CONSTRAINT "timesheet_entries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timesheet_entries" ADD CONSTRAINT "timesheet_entries_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timesheets" ADD CONSTRAINT "timesheets_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocations_resource_idx" ON "allocations" USING btree ("resource_id","start");--> statement-breakpoint
CREATE INDEX "allocations_project_idx" ON "allocations" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "resource_leave_resource_idx" ON "resource_leave" USING btree ("resource_id","start");--> statement-breakpoint
CREATE UNIQUE INDEX "resource_rates_uq" ON "resource_rates" USING btree ("resource_id","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "resource_skills_uq" ON "resource_skills" USING btree ("resource_id","skill_id");--> statement-breakpoint
CREATE INDEX "resource_skills_skill_idx" ON "resource_skills" USING btree ("skill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skills_name_uq" ON "skills" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "staffing_requests_project_idx" ON "staffing_requests" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "staffing_requests_status_idx" ON "staffing_requests" USING btree ("status");--> statement-breakpoint
CREATE INDEX "timesheet_decisions_sheet_idx" ON "timesheet_decisions" USING btree ("timesheet_id");--> statement-breakpoint
CREATE INDEX "timesheet_entries_sheet_idx" ON "timesheet_entries" USING btree ("timesheet_id");--> statement-breakpoint
CREATE INDEX "timesheet_entries_project_idx" ON "timesheet_entries" USING btree ("project_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "timesheets_resource_week_uq" ON "timesheets" USING btree ("resource_id","week_start");--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resources_org_unit_idx" ON "resources" USING btree ("org_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resources_user_uq" ON "resources" USING btree ("user_id");--> statement-breakpoint
UPDATE "resources" SET "capacity_hours_per_week" = "max_units" * 40;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['skills','resource_skills','resource_rates','resource_leave','allocations','staffing_requests','timesheets','timesheet_entries','timesheet_decisions','resource_settings']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION baton_notify_change()', t || '_notify_change', t);
  END LOOP;
END;
$$;
