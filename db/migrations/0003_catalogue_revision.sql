-- A counter that moves whenever the published catalogue may have changed, so caches of it
-- (the matcher's in-memory candidate index) know when to rebuild. SQLite has only row
-- triggers: a bulk load bumps it once per row, which is cheap next to the row itself.
CREATE TABLE catalogue_revision (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL);
--> statement-breakpoint
INSERT INTO catalogue_revision (id, revision) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER organization_revision_insert AFTER INSERT ON organization BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER organization_revision_update AFTER UPDATE ON organization BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER organization_revision_delete AFTER DELETE ON organization BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER service_revision_insert AFTER INSERT ON service BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER service_revision_update AFTER UPDATE ON service BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER service_revision_delete AFTER DELETE ON service BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER service_eligibility_revision_insert AFTER INSERT ON service_eligibility BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER service_eligibility_revision_update AFTER UPDATE ON service_eligibility BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER service_eligibility_revision_delete AFTER DELETE ON service_eligibility BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER service_attribute_revision_insert AFTER INSERT ON service_attribute BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER service_attribute_revision_update AFTER UPDATE ON service_attribute BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER service_attribute_revision_delete AFTER DELETE ON service_attribute BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER service_area_revision_insert AFTER INSERT ON service_area BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER service_area_revision_update AFTER UPDATE ON service_area BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER service_area_revision_delete AFTER DELETE ON service_area BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER service_language_revision_insert AFTER INSERT ON service_language BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER service_language_revision_update AFTER UPDATE ON service_language BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER service_language_revision_delete AFTER DELETE ON service_language BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER cost_option_revision_insert AFTER INSERT ON cost_option BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER cost_option_revision_update AFTER UPDATE ON cost_option BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER cost_option_revision_delete AFTER DELETE ON cost_option BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER service_at_location_revision_insert AFTER INSERT ON service_at_location BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER service_at_location_revision_update AFTER UPDATE ON service_at_location BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER service_at_location_revision_delete AFTER DELETE ON service_at_location BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER address_revision_insert AFTER INSERT ON address BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER address_revision_update AFTER UPDATE ON address BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER address_revision_delete AFTER DELETE ON address BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER location_revision_insert AFTER INSERT ON location BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER location_revision_update AFTER UPDATE ON location BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER location_revision_delete AFTER DELETE ON location BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
