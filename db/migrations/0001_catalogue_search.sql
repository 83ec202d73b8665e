-- Full-text search over the catalogue, one FTS5 table per language so a search reads
-- only the reader's language. Text falls back (fi → sv → en etc.) so a service missing a
-- translation is still found. Contentless tables: they hold only the index; rowid = service.id.
-- Kept in step by triggers; query through db/catalogue-search.server.ts only.
CREATE VIRTUAL TABLE service_search_fi USING fts5(name, summary, description, provider, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
CREATE VIRTUAL TABLE service_search_sv USING fts5(name, summary, description, provider, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
CREATE VIRTUAL TABLE service_search_en USING fts5(name, summary, description, provider, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
CREATE TRIGGER service_search_insert AFTER INSERT ON service BEGIN
  INSERT INTO service_search_fi(rowid, name, summary, description, provider) VALUES (new.id, coalesce(json_extract(new.name, '$.fi'), json_extract(new.name, '$.sv'), json_extract(new.name, '$.en')), coalesce(json_extract(new.summary, '$.fi'), json_extract(new.summary, '$.sv'), json_extract(new.summary, '$.en')), coalesce(json_extract(new.description, '$.fi'), json_extract(new.description, '$.sv'), json_extract(new.description, '$.en')), (SELECT coalesce(json_extract(organization.name, '$.fi'), json_extract(organization.name, '$.sv'), json_extract(organization.name, '$.en')) FROM organization WHERE organization.id = new.organization_id));
  INSERT INTO service_search_sv(rowid, name, summary, description, provider) VALUES (new.id, coalesce(json_extract(new.name, '$.sv'), json_extract(new.name, '$.fi'), json_extract(new.name, '$.en')), coalesce(json_extract(new.summary, '$.sv'), json_extract(new.summary, '$.fi'), json_extract(new.summary, '$.en')), coalesce(json_extract(new.description, '$.sv'), json_extract(new.description, '$.fi'), json_extract(new.description, '$.en')), (SELECT coalesce(json_extract(organization.name, '$.sv'), json_extract(organization.name, '$.fi'), json_extract(organization.name, '$.en')) FROM organization WHERE organization.id = new.organization_id));
  INSERT INTO service_search_en(rowid, name, summary, description, provider) VALUES (new.id, coalesce(json_extract(new.name, '$.en'), json_extract(new.name, '$.fi'), json_extract(new.name, '$.sv')), coalesce(json_extract(new.summary, '$.en'), json_extract(new.summary, '$.fi'), json_extract(new.summary, '$.sv')), coalesce(json_extract(new.description, '$.en'), json_extract(new.description, '$.fi'), json_extract(new.description, '$.sv')), (SELECT coalesce(json_extract(organization.name, '$.en'), json_extract(organization.name, '$.fi'), json_extract(organization.name, '$.sv')) FROM organization WHERE organization.id = new.organization_id));
END;
--> statement-breakpoint
CREATE TRIGGER service_search_delete AFTER DELETE ON service BEGIN
  DELETE FROM service_search_fi WHERE rowid = old.id;
  DELETE FROM service_search_sv WHERE rowid = old.id;
  DELETE FROM service_search_en WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER service_search_update AFTER UPDATE OF name, summary, description, organization_id ON service BEGIN
  DELETE FROM service_search_fi WHERE rowid = old.id;
  DELETE FROM service_search_sv WHERE rowid = old.id;
  DELETE FROM service_search_en WHERE rowid = old.id;
  INSERT INTO service_search_fi(rowid, name, summary, description, provider) VALUES (new.id, coalesce(json_extract(new.name, '$.fi'), json_extract(new.name, '$.sv'), json_extract(new.name, '$.en')), coalesce(json_extract(new.summary, '$.fi'), json_extract(new.summary, '$.sv'), json_extract(new.summary, '$.en')), coalesce(json_extract(new.description, '$.fi'), json_extract(new.description, '$.sv'), json_extract(new.description, '$.en')), (SELECT coalesce(json_extract(organization.name, '$.fi'), json_extract(organization.name, '$.sv'), json_extract(organization.name, '$.en')) FROM organization WHERE organization.id = new.organization_id));
  INSERT INTO service_search_sv(rowid, name, summary, description, provider) VALUES (new.id, coalesce(json_extract(new.name, '$.sv'), json_extract(new.name, '$.fi'), json_extract(new.name, '$.en')), coalesce(json_extract(new.summary, '$.sv'), json_extract(new.summary, '$.fi'), json_extract(new.summary, '$.en')), coalesce(json_extract(new.description, '$.sv'), json_extract(new.description, '$.fi'), json_extract(new.description, '$.en')), (SELECT coalesce(json_extract(organization.name, '$.sv'), json_extract(organization.name, '$.fi'), json_extract(organization.name, '$.en')) FROM organization WHERE organization.id = new.organization_id));
  INSERT INTO service_search_en(rowid, name, summary, description, provider) VALUES (new.id, coalesce(json_extract(new.name, '$.en'), json_extract(new.name, '$.fi'), json_extract(new.name, '$.sv')), coalesce(json_extract(new.summary, '$.en'), json_extract(new.summary, '$.fi'), json_extract(new.summary, '$.sv')), coalesce(json_extract(new.description, '$.en'), json_extract(new.description, '$.fi'), json_extract(new.description, '$.sv')), (SELECT coalesce(json_extract(organization.name, '$.en'), json_extract(organization.name, '$.fi'), json_extract(organization.name, '$.sv')) FROM organization WHERE organization.id = new.organization_id));
END;
--> statement-breakpoint
CREATE TRIGGER service_search_provider_rename AFTER UPDATE OF name ON organization BEGIN
  DELETE FROM service_search_fi WHERE rowid IN (SELECT id FROM service WHERE organization_id = new.id);
  DELETE FROM service_search_sv WHERE rowid IN (SELECT id FROM service WHERE organization_id = new.id);
  DELETE FROM service_search_en WHERE rowid IN (SELECT id FROM service WHERE organization_id = new.id);
  INSERT INTO service_search_fi(rowid, name, summary, description, provider) SELECT s.id, coalesce(json_extract(s.name, '$.fi'), json_extract(s.name, '$.sv'), json_extract(s.name, '$.en')), coalesce(json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.sv'), json_extract(s.summary, '$.en')), coalesce(json_extract(s.description, '$.fi'), json_extract(s.description, '$.sv'), json_extract(s.description, '$.en')), coalesce(json_extract(new.name, '$.fi'), json_extract(new.name, '$.sv'), json_extract(new.name, '$.en')) FROM service s WHERE s.organization_id = new.id;
  INSERT INTO service_search_sv(rowid, name, summary, description, provider) SELECT s.id, coalesce(json_extract(s.name, '$.sv'), json_extract(s.name, '$.fi'), json_extract(s.name, '$.en')), coalesce(json_extract(s.summary, '$.sv'), json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.en')), coalesce(json_extract(s.description, '$.sv'), json_extract(s.description, '$.fi'), json_extract(s.description, '$.en')), coalesce(json_extract(new.name, '$.sv'), json_extract(new.name, '$.fi'), json_extract(new.name, '$.en')) FROM service s WHERE s.organization_id = new.id;
  INSERT INTO service_search_en(rowid, name, summary, description, provider) SELECT s.id, coalesce(json_extract(s.name, '$.en'), json_extract(s.name, '$.fi'), json_extract(s.name, '$.sv')), coalesce(json_extract(s.summary, '$.en'), json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.sv')), coalesce(json_extract(s.description, '$.en'), json_extract(s.description, '$.fi'), json_extract(s.description, '$.sv')), coalesce(json_extract(new.name, '$.en'), json_extract(new.name, '$.fi'), json_extract(new.name, '$.sv')) FROM service s WHERE s.organization_id = new.id;
END;
--> statement-breakpoint
-- Listing without a search term sorts by name in the reader's language; these expression
-- indexes (same expression as the query) let a page of results come straight from the index.
CREATE INDEX service_sort_name_fi ON service(coalesce(json_extract(name, '$.fi'), json_extract(name, '$.sv'), json_extract(name, '$.en')));
--> statement-breakpoint
CREATE INDEX service_sort_name_sv ON service(coalesce(json_extract(name, '$.sv'), json_extract(name, '$.fi'), json_extract(name, '$.en')));
--> statement-breakpoint
CREATE INDEX service_sort_name_en ON service(coalesce(json_extract(name, '$.en'), json_extract(name, '$.fi'), json_extract(name, '$.sv')));
