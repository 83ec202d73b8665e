-- Only what the public can see moves the catalogue revision (ADR 011): a published service,
-- a service becoming or ceasing to be published, and the rows a published service shows
-- (its organisation, locations and their addresses, areas, languages, attributes,
-- eligibility, cost options, phone numbers and hours). Drafts and services in review are
-- edited freely without flushing the in-memory candidate index and summaries.
-- An update counts when the row showed before or shows after (OLD or NEW), so moving a row
-- away from a published service, or unpublishing, is seen too. Deleting a published service
-- bumps through its own trigger; its cascaded rows find it gone and add nothing.
DROP TRIGGER service_revision_insert;
--> statement-breakpoint
CREATE TRIGGER service_revision_insert AFTER INSERT ON service WHEN NEW.publication_status = 'published' BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER service_revision_update;
--> statement-breakpoint
CREATE TRIGGER service_revision_update AFTER UPDATE ON service WHEN OLD.publication_status = 'published' OR NEW.publication_status = 'published' BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER service_revision_delete;
--> statement-breakpoint
CREATE TRIGGER service_revision_delete AFTER DELETE ON service WHEN OLD.publication_status = 'published' BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER organization_revision_insert;
--> statement-breakpoint
CREATE TRIGGER organization_revision_insert AFTER INSERT ON organization WHEN EXISTS (SELECT 1 FROM service WHERE organization_id = NEW.id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER organization_revision_update;
--> statement-breakpoint
CREATE TRIGGER organization_revision_update AFTER UPDATE ON organization WHEN EXISTS (SELECT 1 FROM service WHERE organization_id = OLD.id AND publication_status = 'published') OR EXISTS (SELECT 1 FROM service WHERE organization_id = NEW.id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER organization_revision_delete;
--> statement-breakpoint
CREATE TRIGGER organization_revision_delete AFTER DELETE ON organization WHEN EXISTS (SELECT 1 FROM service WHERE organization_id = OLD.id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER service_eligibility_revision_insert;
--> statement-breakpoint
CREATE TRIGGER service_eligibility_revision_insert AFTER INSERT ON service_eligibility WHEN EXISTS (SELECT 1 FROM service WHERE id = NEW.service_id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER service_eligibility_revision_update;
--> statement-breakpoint
CREATE TRIGGER service_eligibility_revision_update AFTER UPDATE ON service_eligibility WHEN EXISTS (SELECT 1 FROM service WHERE id = OLD.service_id AND publication_status = 'published') OR EXISTS (SELECT 1 FROM service WHERE id = NEW.service_id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER service_eligibility_revision_delete;
--> statement-breakpoint
CREATE TRIGGER service_eligibility_revision_delete AFTER DELETE ON service_eligibility WHEN EXISTS (SELECT 1 FROM service WHERE id = OLD.service_id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER service_attribute_revision_insert;
--> statement-breakpoint
CREATE TRIGGER service_attribute_revision_insert AFTER INSERT ON service_attribute WHEN EXISTS (SELECT 1 FROM service WHERE id = NEW.service_id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER service_attribute_revision_update;
--> statement-breakpoint
CREATE TRIGGER service_attribute_revision_update AFTER UPDATE ON service_attribute WHEN EXISTS (SELECT 1 FROM service WHERE id = OLD.service_id AND publication_status = 'published') OR EXISTS (SELECT 1 FROM service WHERE id = NEW.service_id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER service_attribute_revision_delete;
--> statement-breakpoint
CREATE TRIGGER service_attribute_revision_delete AFTER DELETE ON service_attribute WHEN EXISTS (SELECT 1 FROM service WHERE id = OLD.service_id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER service_area_revision_insert;
--> statement-breakpoint
CREATE TRIGGER service_area_revision_insert AFTER INSERT ON service_area WHEN EXISTS (SELECT 1 FROM service WHERE id = NEW.service_id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER service_area_revision_update;
--> statement-breakpoint
CREATE TRIGGER service_area_revision_update AFTER UPDATE ON service_area WHEN EXISTS (SELECT 1 FROM service WHERE id = OLD.service_id AND publication_status = 'published') OR EXISTS (SELECT 1 FROM service WHERE id = NEW.service_id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER service_area_revision_delete;
--> statement-breakpoint
CREATE TRIGGER service_area_revision_delete AFTER DELETE ON service_area WHEN EXISTS (SELECT 1 FROM service WHERE id = OLD.service_id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER service_language_revision_insert;
--> statement-breakpoint
CREATE TRIGGER service_language_revision_insert AFTER INSERT ON service_language WHEN EXISTS (SELECT 1 FROM service WHERE id = NEW.service_id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER service_language_revision_update;
--> statement-breakpoint
CREATE TRIGGER service_language_revision_update AFTER UPDATE ON service_language WHEN EXISTS (SELECT 1 FROM service WHERE id = OLD.service_id AND publication_status = 'published') OR EXISTS (SELECT 1 FROM service WHERE id = NEW.service_id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER service_language_revision_delete;
--> statement-breakpoint
CREATE TRIGGER service_language_revision_delete AFTER DELETE ON service_language WHEN EXISTS (SELECT 1 FROM service WHERE id = OLD.service_id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER cost_option_revision_insert;
--> statement-breakpoint
CREATE TRIGGER cost_option_revision_insert AFTER INSERT ON cost_option WHEN EXISTS (SELECT 1 FROM service WHERE id = NEW.service_id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER cost_option_revision_update;
--> statement-breakpoint
CREATE TRIGGER cost_option_revision_update AFTER UPDATE ON cost_option WHEN EXISTS (SELECT 1 FROM service WHERE id = OLD.service_id AND publication_status = 'published') OR EXISTS (SELECT 1 FROM service WHERE id = NEW.service_id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER cost_option_revision_delete;
--> statement-breakpoint
CREATE TRIGGER cost_option_revision_delete AFTER DELETE ON cost_option WHEN EXISTS (SELECT 1 FROM service WHERE id = OLD.service_id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER service_at_location_revision_insert;
--> statement-breakpoint
CREATE TRIGGER service_at_location_revision_insert AFTER INSERT ON service_at_location WHEN EXISTS (SELECT 1 FROM service WHERE id = NEW.service_id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER service_at_location_revision_update;
--> statement-breakpoint
CREATE TRIGGER service_at_location_revision_update AFTER UPDATE ON service_at_location WHEN EXISTS (SELECT 1 FROM service WHERE id = OLD.service_id AND publication_status = 'published') OR EXISTS (SELECT 1 FROM service WHERE id = NEW.service_id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER service_at_location_revision_delete;
--> statement-breakpoint
CREATE TRIGGER service_at_location_revision_delete AFTER DELETE ON service_at_location WHEN EXISTS (SELECT 1 FROM service WHERE id = OLD.service_id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER address_revision_insert;
--> statement-breakpoint
CREATE TRIGGER address_revision_insert AFTER INSERT ON address WHEN EXISTS (SELECT 1 FROM service_at_location sl JOIN service s ON s.id = sl.service_id WHERE sl.location_id = NEW.location_id AND s.publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER address_revision_update;
--> statement-breakpoint
CREATE TRIGGER address_revision_update AFTER UPDATE ON address WHEN EXISTS (SELECT 1 FROM service_at_location sl JOIN service s ON s.id = sl.service_id WHERE sl.location_id = OLD.location_id AND s.publication_status = 'published') OR EXISTS (SELECT 1 FROM service_at_location sl JOIN service s ON s.id = sl.service_id WHERE sl.location_id = NEW.location_id AND s.publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER address_revision_delete;
--> statement-breakpoint
CREATE TRIGGER address_revision_delete AFTER DELETE ON address WHEN EXISTS (SELECT 1 FROM service_at_location sl JOIN service s ON s.id = sl.service_id WHERE sl.location_id = OLD.location_id AND s.publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER location_revision_insert;
--> statement-breakpoint
CREATE TRIGGER location_revision_insert AFTER INSERT ON location WHEN EXISTS (SELECT 1 FROM service_at_location sl JOIN service s ON s.id = sl.service_id WHERE sl.location_id = NEW.id AND s.publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER location_revision_update;
--> statement-breakpoint
CREATE TRIGGER location_revision_update AFTER UPDATE ON location WHEN EXISTS (SELECT 1 FROM service_at_location sl JOIN service s ON s.id = sl.service_id WHERE sl.location_id = OLD.id AND s.publication_status = 'published') OR EXISTS (SELECT 1 FROM service_at_location sl JOIN service s ON s.id = sl.service_id WHERE sl.location_id = NEW.id AND s.publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER location_revision_delete;
--> statement-breakpoint
CREATE TRIGGER location_revision_delete AFTER DELETE ON location WHEN EXISTS (SELECT 1 FROM service_at_location sl JOIN service s ON s.id = sl.service_id WHERE sl.location_id = OLD.id AND s.publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER phone_revision_insert;
--> statement-breakpoint
CREATE TRIGGER phone_revision_insert AFTER INSERT ON phone WHEN (EXISTS (SELECT 1 FROM service WHERE id = NEW.service_id AND publication_status = 'published') OR EXISTS (SELECT 1 FROM service WHERE organization_id = NEW.organization_id AND publication_status = 'published')) BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER phone_revision_update;
--> statement-breakpoint
CREATE TRIGGER phone_revision_update AFTER UPDATE ON phone WHEN (EXISTS (SELECT 1 FROM service WHERE id = OLD.service_id AND publication_status = 'published') OR EXISTS (SELECT 1 FROM service WHERE organization_id = OLD.organization_id AND publication_status = 'published')) OR (EXISTS (SELECT 1 FROM service WHERE id = NEW.service_id AND publication_status = 'published') OR EXISTS (SELECT 1 FROM service WHERE organization_id = NEW.organization_id AND publication_status = 'published')) BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER phone_revision_delete;
--> statement-breakpoint
CREATE TRIGGER phone_revision_delete AFTER DELETE ON phone WHEN (EXISTS (SELECT 1 FROM service WHERE id = OLD.service_id AND publication_status = 'published') OR EXISTS (SELECT 1 FROM service WHERE organization_id = OLD.organization_id AND publication_status = 'published')) BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER schedule_revision_insert;
--> statement-breakpoint
CREATE TRIGGER schedule_revision_insert AFTER INSERT ON schedule WHEN EXISTS (SELECT 1 FROM service WHERE id = NEW.service_id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER schedule_revision_update;
--> statement-breakpoint
CREATE TRIGGER schedule_revision_update AFTER UPDATE ON schedule WHEN EXISTS (SELECT 1 FROM service WHERE id = OLD.service_id AND publication_status = 'published') OR EXISTS (SELECT 1 FROM service WHERE id = NEW.service_id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
DROP TRIGGER schedule_revision_delete;
--> statement-breakpoint
CREATE TRIGGER schedule_revision_delete AFTER DELETE ON schedule WHEN EXISTS (SELECT 1 FROM service WHERE id = OLD.service_id AND publication_status = 'published') BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
