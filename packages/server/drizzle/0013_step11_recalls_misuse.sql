CREATE TABLE "misuse_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"api_client_id" uuid NOT NULL,
	"platform_shop_row_id" uuid NOT NULL,
	"license_number" varchar(64) NOT NULL,
	"store_id" uuid,
	"region_code" varchar(6) NOT NULL,
	"kind" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "platform_shops" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"api_client_id" uuid NOT NULL,
	"platform_shop_id" text NOT NULL,
	"shop_name" text NOT NULL,
	"shop_address" text NOT NULL,
	"license_number" varchar(64) NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recalls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"reason" text NOT NULL,
	"sampling_result_id" uuid,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"closing_note" text
);
--> statement-breakpoint
ALTER TABLE "batch_materials" ADD COLUMN "supplier_batch_number" text;--> statement-breakpoint
ALTER TABLE "misuse_flags" ADD CONSTRAINT "misuse_flags_api_client_id_api_clients_id_fk" FOREIGN KEY ("api_client_id") REFERENCES "public"."api_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "misuse_flags" ADD CONSTRAINT "misuse_flags_platform_shop_row_id_platform_shops_id_fk" FOREIGN KEY ("platform_shop_row_id") REFERENCES "public"."platform_shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "misuse_flags" ADD CONSTRAINT "misuse_flags_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "misuse_flags" ADD CONSTRAINT "misuse_flags_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_shops" ADD CONSTRAINT "platform_shops_api_client_id_api_clients_id_fk" FOREIGN KEY ("api_client_id") REFERENCES "public"."api_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recalls" ADD CONSTRAINT "recalls_batch_id_production_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."production_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recalls" ADD CONSTRAINT "recalls_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recalls" ADD CONSTRAINT "recalls_sampling_result_id_sampling_results_id_fk" FOREIGN KEY ("sampling_result_id") REFERENCES "public"."sampling_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recalls" ADD CONSTRAINT "recalls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recalls" ADD CONSTRAINT "recalls_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "misuse_flags_open_idx" ON "misuse_flags" USING btree ("platform_shop_row_id","kind") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "misuse_flags_region_status_idx" ON "misuse_flags" USING btree ("region_code","status");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_shops_client_shop_idx" ON "platform_shops" USING btree ("api_client_id","platform_shop_id");--> statement-breakpoint
CREATE INDEX "platform_shops_license_idx" ON "platform_shops" USING btree ("license_number");--> statement-breakpoint
CREATE UNIQUE INDEX "recalls_open_batch_idx" ON "recalls" USING btree ("batch_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "recalls_region_status_idx" ON "recalls" USING btree ("region_code","status");