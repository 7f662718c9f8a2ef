CREATE TABLE "certificate_usage" (
	"day" date NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "certificate_usage_day_region_code_kind_channel_pk" PRIMARY KEY("day","region_code","kind","channel")
);
--> statement-breakpoint
CREATE TABLE "open_data_feeds" (
	"region_code" varchar(6) PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"counts" jsonb NOT NULL,
	"built_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistics_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"figures" jsonb NOT NULL,
	"xlsx_file_id" uuid NOT NULL,
	"pdf_file_id" uuid NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"generated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "certificate_usage" ADD CONSTRAINT "certificate_usage_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_data_feeds" ADD CONSTRAINT "open_data_feeds_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_data_feeds" ADD CONSTRAINT "open_data_feeds_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_reports" ADD CONSTRAINT "statistics_reports_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_reports" ADD CONSTRAINT "statistics_reports_xlsx_file_id_files_id_fk" FOREIGN KEY ("xlsx_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_reports" ADD CONSTRAINT "statistics_reports_pdf_file_id_files_id_fk" FOREIGN KEY ("pdf_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_reports" ADD CONSTRAINT "statistics_reports_generated_by_users_id_fk" FOREIGN KEY ("generated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "statistics_reports_kind_period_region_idx" ON "statistics_reports" USING btree ("kind","period","region_code");