CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule" text NOT NULL,
	"severity" text NOT NULL,
	"store_id" uuid NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"subject_key" text NOT NULL,
	"status" text NOT NULL,
	"details" jsonb NOT NULL,
	"due_at" timestamp with time zone,
	"task_id" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"closing_note" text
);
--> statement-breakpoint
CREATE TABLE "bank_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_partners_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "credit_repairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"penalty_id" uuid NOT NULL,
	"business_id" uuid NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"status" text NOT NULL,
	"statement" text NOT NULL,
	"evidence_file_ids" jsonb NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dishonesty_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_id" uuid NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"penalty_id" uuid,
	"reason" text NOT NULL,
	"legal_basis" text NOT NULL,
	"listed_on" date NOT NULL,
	"until" date NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "draw_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"period" varchar(7) NOT NULL,
	"commitment" varchar(64) NOT NULL,
	"secret_sealed" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid,
	"region_code" varchar(6) NOT NULL,
	"period" varchar(7) NOT NULL,
	"algorithm" text NOT NULL,
	"declared_seed" text NOT NULL,
	"commitment_id" uuid,
	"revealed_secret" text NOT NULL,
	"population_hash" varchar(64) NOT NULL,
	"population" jsonb NOT NULL,
	"inspector_pool" jsonb NOT NULL,
	"selection" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "food_safety_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"occurred_on" date NOT NULL,
	"description" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grade_history" (
	"store_id" uuid NOT NULL,
	"model" text NOT NULL,
	"period" varchar(7) NOT NULL,
	"model_version" text NOT NULL,
	"run_id" uuid,
	"region_code" varchar(6) NOT NULL,
	"score" numeric(5, 2) NOT NULL,
	"grade" text NOT NULL,
	"risk_colour" text NOT NULL,
	"vetoed" text[] NOT NULL,
	"breakdown" jsonb NOT NULL,
	"facts" jsonb NOT NULL,
	"graded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grade_history_store_id_model_period_pk" PRIMARY KEY("store_id","model","period")
);
--> statement-breakpoint
CREATE TABLE "grading_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model" text NOT NULL,
	"model_version" text NOT NULL,
	"period" varchar(7) NOT NULL,
	"status" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"last_store_id" uuid,
	"error" text,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inspector_conflicts" (
	"user_id" uuid NOT NULL,
	"business_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspector_conflicts_user_id_business_id_pk" PRIMARY KEY("user_id","business_id")
);
--> statement-breakpoint
CREATE TABLE "penalties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_number" text NOT NULL,
	"store_id" uuid NOT NULL,
	"business_id" uuid NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"decided_on" date NOT NULL,
	"violation" text NOT NULL,
	"legal_basis" text NOT NULL,
	"fine_yuan" numeric(12, 2),
	"severity" text NOT NULL,
	"public_until" date NOT NULL,
	"repairable_from" date NOT NULL,
	"repaired_at" timestamp with time zone,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "penalties_decision_number_unique" UNIQUE("decision_number")
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"grade" text NOT NULL,
	"mode" text NOT NULL,
	"visits_required" integer NOT NULL,
	"visits_done" integer DEFAULT 0 NOT NULL,
	"draw_id" uuid,
	"inspector_ids" uuid[]
);
--> statement-breakpoint
CREATE TABLE "public_credit_scores" (
	"business_id" uuid NOT NULL,
	"period" varchar(7) NOT NULL,
	"basics" integer,
	"finance" integer,
	"governance" integer,
	"law_abiding" integer,
	"social_responsibility" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_credit_scores_business_id_period_pk" PRIMARY KEY("business_id","period")
);
--> statement-breakpoint
CREATE TABLE "referral_consents" (
	"business_id" uuid NOT NULL,
	"bank_partner_id" uuid NOT NULL,
	"consented_by" uuid,
	"consented_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "referral_consents_business_id_bank_partner_id_pk" PRIMARY KEY("business_id","bank_partner_id")
);
--> statement-breakpoint
CREATE TABLE "sampling_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_number" text NOT NULL,
	"store_id" uuid NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"sampled_on" date NOT NULL,
	"product" text NOT NULL,
	"item" text,
	"result" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sampling_results_report_number_unique" UNIQUE("report_number")
);
--> statement-breakpoint
CREATE TABLE "supervision_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"period" varchar(7) NOT NULL,
	"model" text NOT NULL,
	"model_version" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "plan_item_id" uuid;--> statement-breakpoint
ALTER TABLE "store_grades" ADD COLUMN "period" varchar(7);--> statement-breakpoint
ALTER TABLE "store_grades" ADD COLUMN "score" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "store_grades" ADD COLUMN "risk_colour" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_partners" ADD CONSTRAINT "bank_partners_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_repairs" ADD CONSTRAINT "credit_repairs_penalty_id_penalties_id_fk" FOREIGN KEY ("penalty_id") REFERENCES "public"."penalties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_repairs" ADD CONSTRAINT "credit_repairs_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_repairs" ADD CONSTRAINT "credit_repairs_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dishonesty_entries" ADD CONSTRAINT "dishonesty_entries_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dishonesty_entries" ADD CONSTRAINT "dishonesty_entries_penalty_id_penalties_id_fk" FOREIGN KEY ("penalty_id") REFERENCES "public"."penalties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dishonesty_entries" ADD CONSTRAINT "dishonesty_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draw_commitments" ADD CONSTRAINT "draw_commitments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draws" ADD CONSTRAINT "draws_plan_id_supervision_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."supervision_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draws" ADD CONSTRAINT "draws_commitment_id_draw_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."draw_commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draws" ADD CONSTRAINT "draws_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "food_safety_incidents" ADD CONSTRAINT "food_safety_incidents_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "food_safety_incidents" ADD CONSTRAINT "food_safety_incidents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_history" ADD CONSTRAINT "grade_history_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_history" ADD CONSTRAINT "grade_history_run_id_grading_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."grading_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_runs" ADD CONSTRAINT "grading_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_conflicts" ADD CONSTRAINT "inspector_conflicts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_conflicts" ADD CONSTRAINT "inspector_conflicts_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalties" ADD CONSTRAINT "penalties_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalties" ADD CONSTRAINT "penalties_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalties" ADD CONSTRAINT "penalties_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_plan_id_supervision_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."supervision_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_credit_scores" ADD CONSTRAINT "public_credit_scores_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_consents" ADD CONSTRAINT "referral_consents_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_consents" ADD CONSTRAINT "referral_consents_bank_partner_id_bank_partners_id_fk" FOREIGN KEY ("bank_partner_id") REFERENCES "public"."bank_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_consents" ADD CONSTRAINT "referral_consents_consented_by_users_id_fk" FOREIGN KEY ("consented_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_results" ADD CONSTRAINT "sampling_results_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_plans" ADD CONSTRAINT "supervision_plans_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_plans" ADD CONSTRAINT "supervision_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_open_subject_idx" ON "alerts" USING btree ("rule","store_id","subject_key") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "alerts_region_status_idx" ON "alerts" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "alerts_store_idx" ON "alerts" USING btree ("store_id","status");--> statement-breakpoint
CREATE INDEX "credit_repairs_region_idx" ON "credit_repairs" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "dishonesty_entries_business_idx" ON "dishonesty_entries" USING btree ("business_id");--> statement-breakpoint
CREATE UNIQUE INDEX "draw_commitments_region_period_idx" ON "draw_commitments" USING btree ("region_code","period");--> statement-breakpoint
CREATE INDEX "food_safety_incidents_store_idx" ON "food_safety_incidents" USING btree ("store_id");--> statement-breakpoint
CREATE INDEX "grade_history_period_idx" ON "grade_history" USING btree ("model","period","region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "grading_runs_model_period_idx" ON "grading_runs" USING btree ("model","period");--> statement-breakpoint
CREATE INDEX "penalties_store_idx" ON "penalties" USING btree ("store_id","decided_on");--> statement-breakpoint
CREATE INDEX "penalties_region_idx" ON "penalties" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_items_plan_store_mode_idx" ON "plan_items" USING btree ("plan_id","store_id","mode");--> statement-breakpoint
CREATE INDEX "plan_items_store_idx" ON "plan_items" USING btree ("store_id");--> statement-breakpoint
CREATE INDEX "sampling_results_store_idx" ON "sampling_results" USING btree ("store_id","sampled_on");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_plans_region_period_idx" ON "supervision_plans" USING btree ("region_code","period","model");