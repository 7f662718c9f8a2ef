-- Step 8, personal data at rest (docs/security.md "Personal data at rest"): staff.health_certificate_no (健康证明编号,
-- some issuers embed the 身份证 number) becomes health_certificate_no_sealed (secret box, AES-256-GCM) +
-- health_certificate_no_masked. SQL cannot seal, so existing clear numbers are kept in
-- health_certificate_no_unsealed and sealed by sealLegacyPersonalData() (modules/entities/personal-data.ts), run
-- after the migrations by every migrate/serve; it drops that column in the same transaction. A table without
-- staff drops the clear column here.
ALTER TABLE "staff" ADD COLUMN "health_certificate_no_sealed" text;--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "health_certificate_no_masked" text;--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "staff") THEN
    ALTER TABLE "staff" RENAME COLUMN "health_certificate_no" TO "health_certificate_no_unsealed";
  ELSE
    ALTER TABLE "staff" DROP COLUMN "health_certificate_no";
  END IF;
END $$;
