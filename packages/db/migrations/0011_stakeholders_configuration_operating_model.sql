CREATE TABLE "change_request_items" (
	"change_request_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"note" text,
	"new_version_id" uuid,
	CONSTRAINT "change_request_items_change_request_id_item_id_pk" PRIMARY KEY("change_request_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "communication_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"project_id" uuid,
	"org_unit_id" uuid,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"description" text,
	"channel" text NOT NULL,
	"frequency" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"owner_id" uuid,
	"audience" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "communication_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by" uuid,
	"recipients" jsonb NOT NULL,
	"summary" text,
	"status_report_id" uuid,
	"report_file_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "configuration_baseline_items" (
	"baseline_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	CONSTRAINT "configuration_baseline_items_baseline_id_item_id_pk" PRIMARY KEY("baseline_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "configuration_baselines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "configuration_item_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"label" text NOT NULL,
	"status" text NOT NULL,
	"notes" text,
	"change_request_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "configuration_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"code" text NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"owner_id" uuid
);
--> statement-breakpoint
CREATE TABLE "gate_waivers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"phase_key" text NOT NULL,
	"item_key" text NOT NULL,
	"reason" text NOT NULL,
	"waived_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stakeholder_projects" (
	"stakeholder_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	CONSTRAINT "stakeholder_projects_stakeholder_id_project_id_pk" PRIMARY KEY("stakeholder_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "stakeholders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"name" text NOT NULL,
	"role" text,
	"organisation" text,
	"email" text,
	"phone" text,
	"influence" smallint NOT NULL,
	"interest" smallint NOT NULL,
	"attitude" text DEFAULT 'neutral' NOT NULL,
	"engagement_current" text DEFAULT 'neutral' NOT NULL,
	"engagement_desired" text DEFAULT 'supportive' NOT NULL,
	"owner_id" uuid,
	"org_unit_id" uuid,
	"notes" text
);
--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "pmo_model" text;--> statement-breakpoint
ALTER TABLE "change_request_items" ADD CONSTRAINT "change_request_items_change_request_id_change_requests_id_fk" FOREIGN KEY ("change_request_id") REFERENCES "public"."change_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_request_items" ADD CONSTRAINT "change_request_items_item_id_configuration_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."configuration_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_request_items" ADD CONSTRAINT "change_request_items_new_version_id_configuration_item_versions_id_fk" FOREIGN KEY ("new_version_id") REFERENCES "public"."configuration_item_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_items" ADD CONSTRAINT "communication_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_items" ADD CONSTRAINT "communication_items_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_items" ADD CONSTRAINT "communication_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_records" ADD CONSTRAINT "communication_records_item_id_communication_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."communication_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_records" ADD CONSTRAINT "communication_records_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_records" ADD CONSTRAINT "communication_records_status_report_id_status_reports_id_fk" FOREIGN KEY ("status_report_id") REFERENCES "public"."status_reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_records" ADD CONSTRAINT "communication_records_report_file_id_report_files_id_fk" FOREIGN KEY ("report_file_id") REFERENCES "public"."report_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "configuration_baseline_items" ADD CONSTRAINT "configuration_baseline_items_baseline_id_configuration_baselines_id_fk" FOREIGN KEY ("baseline_id") REFERENCES "public"."configuration_baselines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "configuration_baseline_items" ADD CONSTRAINT "configuration_baseline_items_item_id_configuration_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."configuration_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "configuration_baseline_items" ADD CONSTRAINT "configuration_baseline_items_version_id_configuration_item_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."configuration_item_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "configuration_baselines" ADD CONSTRAINT "configuration_baselines_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "configuration_item_versions" ADD CONSTRAINT "configuration_item_versions_item_id_configuration_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."configuration_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "configuration_item_versions" ADD CONSTRAINT "configuration_item_versions_change_request_id_change_requests_id_fk" FOREIGN KEY ("change_request_id") REFERENCES "public"."change_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "configuration_items" ADD CONSTRAINT "configuration_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "configuration_items" ADD CONSTRAINT "configuration_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_waivers" ADD CONSTRAINT "gate_waivers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_waivers" ADD CONSTRAINT "gate_waivers_waived_by_users_id_fk" FOREIGN KEY ("waived_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_projects" ADD CONSTRAINT "stakeholder_projects_stakeholder_id_stakeholders_id_fk" FOREIGN KEY ("stakeholder_id") REFERENCES "public"."stakeholders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_projects" ADD CONSTRAINT "stakeholder_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholders" ADD CONSTRAINT "stakeholders_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholders" ADD CONSTRAINT "stakeholders_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "communication_items_project_idx" ON "communication_items" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "communication_records_uq" ON "communication_records" USING btree ("item_id","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "configuration_baselines_name_uq" ON "configuration_baselines" USING btree ("project_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "configuration_item_versions_uq" ON "configuration_item_versions" USING btree ("item_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "configuration_items_code_uq" ON "configuration_items" USING btree ("code");--> statement-breakpoint
CREATE INDEX "configuration_items_project_idx" ON "configuration_items" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gate_waivers_uq" ON "gate_waivers" USING btree ("project_id","phase_key","item_key");--> statement-breakpoint
CREATE INDEX "stakeholder_projects_project_idx" ON "stakeholder_projects" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "stakeholders_name_idx" ON "stakeholders" USING btree ("name");--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['gate_waivers','stakeholders','stakeholder_projects','communication_items','communication_records','configuration_items','configuration_item_versions','configuration_baselines','configuration_baseline_items','change_request_items']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION baton_notify_change()', t || '_notify_change', t);
  END LOOP;
END;
$$;
