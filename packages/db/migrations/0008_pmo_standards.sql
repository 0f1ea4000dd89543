ALTER TABLE "compliance_items" ALTER COLUMN "org_unit_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "pmo_standards" ALTER COLUMN "org_unit_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "pmo_standards" ADD COLUMN "published_by" uuid;--> statement-breakpoint
ALTER TABLE "pmo_standards" ADD CONSTRAINT "pmo_standards_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pmo_standards_unit_idx" ON "pmo_standards" USING btree ("org_unit_id");