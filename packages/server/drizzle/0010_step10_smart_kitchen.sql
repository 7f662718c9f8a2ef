CREATE TABLE "kitchen_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"key_hash" varchar(64) NOT NULL,
	"status" text NOT NULL,
	"registered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone,
	CONSTRAINT "kitchen_devices_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "kitchen_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	"store_id" uuid NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"confidence" double precision,
	"details" jsonb,
	"snapshot_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"response" text,
	"responded_at" timestamp with time zone,
	"responded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "kitchen_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"feed_id" uuid,
	"store_id" uuid NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"bytes" integer NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kitchen_feeds" ADD COLUMN "snapshot_key_hash" varchar(64);--> statement-breakpoint
ALTER TABLE "kitchen_feeds" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "kitchen_devices" ADD CONSTRAINT "kitchen_devices_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kitchen_devices" ADD CONSTRAINT "kitchen_devices_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kitchen_events" ADD CONSTRAINT "kitchen_events_device_id_kitchen_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."kitchen_devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kitchen_events" ADD CONSTRAINT "kitchen_events_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kitchen_events" ADD CONSTRAINT "kitchen_events_snapshot_id_kitchen_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."kitchen_snapshots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kitchen_events" ADD CONSTRAINT "kitchen_events_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kitchen_snapshots" ADD CONSTRAINT "kitchen_snapshots_feed_id_kitchen_feeds_id_fk" FOREIGN KEY ("feed_id") REFERENCES "public"."kitchen_feeds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kitchen_snapshots" ADD CONSTRAINT "kitchen_snapshots_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kitchen_devices_store_idx" ON "kitchen_devices" USING btree ("store_id");--> statement-breakpoint
CREATE UNIQUE INDEX "kitchen_events_device_event_idx" ON "kitchen_events" USING btree ("device_id","event_id");--> statement-breakpoint
CREATE INDEX "kitchen_events_store_at_idx" ON "kitchen_events" USING btree ("store_id","at");--> statement-breakpoint
CREATE INDEX "kitchen_events_at_idx" ON "kitchen_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "kitchen_snapshots_store_taken_idx" ON "kitchen_snapshots" USING btree ("store_id","taken_at");--> statement-breakpoint
CREATE INDEX "kitchen_snapshots_expires_idx" ON "kitchen_snapshots" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "kitchen_feeds" ADD CONSTRAINT "kitchen_feeds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kitchen_feeds" ADD CONSTRAINT "kitchen_feeds_snapshot_key_hash_unique" UNIQUE("snapshot_key_hash");