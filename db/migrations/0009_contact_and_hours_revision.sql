-- Phone numbers and opening hours bump the catalogue revision too, so what is kept in memory
-- about a service's practical facts (db/catalogue-search.ts) is dropped when they change.
CREATE TRIGGER phone_revision_insert AFTER INSERT ON phone BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER phone_revision_update AFTER UPDATE ON phone BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER phone_revision_delete AFTER DELETE ON phone BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER schedule_revision_insert AFTER INSERT ON schedule BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER schedule_revision_update AFTER UPDATE ON schedule BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER schedule_revision_delete AFTER DELETE ON schedule BEGIN UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1; END;
