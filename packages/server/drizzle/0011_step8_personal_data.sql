-- Step 8, personal data at rest (docs/security.md "Personal data at rest"): businesses.phone becomes
-- phone_sealed (secret box, AES-256-GCM) + phone_masked. SQL cannot seal, so existing clear phones are kept in
-- phone_unsealed and sealed by sealLegacyPersonalData() (modules/entities/personal-data.ts), run after the
-- migrations by every migrate/serve; it drops phone_unsealed in the same transaction. A table without
-- phones drops the clear column here.
ALTER TABLE "businesses" ADD COLUMN "phone_sealed" text;--> statement-breakpoint
ALTER TABLE "businesses" ADD COLUMN "phone_masked" text;--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "businesses" WHERE "phone" IS NOT NULL) THEN
    ALTER TABLE "businesses" RENAME COLUMN "phone" TO "phone_unsealed";
  ELSE
    ALTER TABLE "businesses" DROP COLUMN "phone";
  END IF;
END $$;
