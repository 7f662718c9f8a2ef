ALTER TABLE "businesses" ADD COLUMN "residence" text;--> statement-breakpoint
ALTER TABLE "licenses" ADD COLUMN "supervision_agency" text;--> statement-breakpoint
ALTER TABLE "licenses" ADD COLUMN "supervision_officer" text;