CREATE INDEX "alerts_subject_idx" ON "alerts" USING btree ("rule","store_id","subject_key");--> statement-breakpoint
CREATE INDEX "inspections_inspected_at_idx" ON "inspections" USING btree ("inspected_at");--> statement-breakpoint
CREATE INDEX "licenses_valid_to_idx" ON "licenses" USING btree ("valid_to");--> statement-breakpoint
CREATE INDEX "list_entries_store_idx" ON "list_entries" USING btree ("store_id");--> statement-breakpoint
CREATE INDEX "staff_health_valid_to_idx" ON "staff" USING btree ("health_certificate_valid_to");