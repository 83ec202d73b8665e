-- Full-text search over the public catalogue: one FTS5 table per language, so a search
-- reads only the reader's language. Only active, published services are indexed.
-- Columns: the text people search (with the same fallback as the pages, so a service
-- missing a translation is still found), and two filter columns holding one token per
-- need ("n" + code without punctuation) and per municipality ("m" + code), so need and
-- municipality filters are part of the MATCH and intersect inside the index instead of
-- being joined afterwards. Contentless (the index only); rowid = service.id.
-- Kept in step by the triggers below; queried only through db/catalogue-search.ts.
CREATE VIRTUAL TABLE service_search_fi USING fts5(name, summary, description, provider, needs, areas, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 5 6 7 8');
--> statement-breakpoint
CREATE VIRTUAL TABLE service_search_sv USING fts5(name, summary, description, provider, needs, areas, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 5 6 7 8');
--> statement-breakpoint
CREATE VIRTUAL TABLE service_search_en USING fts5(name, summary, description, provider, needs, areas, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 5 6 7 8');
--> statement-breakpoint
CREATE TRIGGER service_search_insert AFTER INSERT ON service BEGIN
  INSERT INTO service_search_fi(rowid, name, summary, description, provider, needs, areas)
    SELECT s.id, coalesce(json_extract(s.name, '$.fi'), json_extract(s.name, '$.sv'), json_extract(s.name, '$.en')), coalesce(json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.sv'), json_extract(s.summary, '$.en')), coalesce(json_extract(s.description, '$.fi'), json_extract(s.description, '$.sv'), json_extract(s.description, '$.en')), coalesce(json_extract(o.name, '$.fi'), json_extract(o.name, '$.sv'), json_extract(o.name, '$.en')),
      (SELECT group_concat('n' || replace(replace(a.taxonomy_term_code, '.', ''), '-', ''), ' ') FROM service_attribute a WHERE a.service_id = s.id),
      (SELECT group_concat('m' || ar.municipality_code, ' ') FROM service_area ar WHERE ar.service_id = s.id)
    FROM service s JOIN organization o ON o.id = s.organization_id
    WHERE s.id = new.id AND s.status = 'active' AND s.publication_status = 'published';
  INSERT INTO service_search_sv(rowid, name, summary, description, provider, needs, areas)
    SELECT s.id, coalesce(json_extract(s.name, '$.sv'), json_extract(s.name, '$.fi'), json_extract(s.name, '$.en')), coalesce(json_extract(s.summary, '$.sv'), json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.en')), coalesce(json_extract(s.description, '$.sv'), json_extract(s.description, '$.fi'), json_extract(s.description, '$.en')), coalesce(json_extract(o.name, '$.sv'), json_extract(o.name, '$.fi'), json_extract(o.name, '$.en')),
      (SELECT group_concat('n' || replace(replace(a.taxonomy_term_code, '.', ''), '-', ''), ' ') FROM service_attribute a WHERE a.service_id = s.id),
      (SELECT group_concat('m' || ar.municipality_code, ' ') FROM service_area ar WHERE ar.service_id = s.id)
    FROM service s JOIN organization o ON o.id = s.organization_id
    WHERE s.id = new.id AND s.status = 'active' AND s.publication_status = 'published';
  INSERT INTO service_search_en(rowid, name, summary, description, provider, needs, areas)
    SELECT s.id, coalesce(json_extract(s.name, '$.en'), json_extract(s.name, '$.fi'), json_extract(s.name, '$.sv')), coalesce(json_extract(s.summary, '$.en'), json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.sv')), coalesce(json_extract(s.description, '$.en'), json_extract(s.description, '$.fi'), json_extract(s.description, '$.sv')), coalesce(json_extract(o.name, '$.en'), json_extract(o.name, '$.fi'), json_extract(o.name, '$.sv')),
      (SELECT group_concat('n' || replace(replace(a.taxonomy_term_code, '.', ''), '-', ''), ' ') FROM service_attribute a WHERE a.service_id = s.id),
      (SELECT group_concat('m' || ar.municipality_code, ' ') FROM service_area ar WHERE ar.service_id = s.id)
    FROM service s JOIN organization o ON o.id = s.organization_id
    WHERE s.id = new.id AND s.status = 'active' AND s.publication_status = 'published';
END;
--> statement-breakpoint
CREATE TRIGGER service_search_update AFTER UPDATE OF name, summary, description, organization_id, status, publication_status ON service BEGIN
  DELETE FROM service_search_fi WHERE rowid = old.id;
  DELETE FROM service_search_sv WHERE rowid = old.id;
  DELETE FROM service_search_en WHERE rowid = old.id;
  INSERT INTO service_search_fi(rowid, name, summary, description, provider, needs, areas)
    SELECT s.id, coalesce(json_extract(s.name, '$.fi'), json_extract(s.name, '$.sv'), json_extract(s.name, '$.en')), coalesce(json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.sv'), json_extract(s.summary, '$.en')), coalesce(json_extract(s.description, '$.fi'), json_extract(s.description, '$.sv'), json_extract(s.description, '$.en')), coalesce(json_extract(o.name, '$.fi'), json_extract(o.name, '$.sv'), json_extract(o.name, '$.en')),
      (SELECT group_concat('n' || replace(replace(a.taxonomy_term_code, '.', ''), '-', ''), ' ') FROM service_attribute a WHERE a.service_id = s.id),
      (SELECT group_concat('m' || ar.municipality_code, ' ') FROM service_area ar WHERE ar.service_id = s.id)
    FROM service s JOIN organization o ON o.id = s.organization_id
    WHERE s.id = new.id AND s.status = 'active' AND s.publication_status = 'published';
  INSERT INTO service_search_sv(rowid, name, summary, description, provider, needs, areas)
    SELECT s.id, coalesce(json_extract(s.name, '$.sv'), json_extract(s.name, '$.fi'), json_extract(s.name, '$.en')), coalesce(json_extract(s.summary, '$.sv'), json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.en')), coalesce(json_extract(s.description, '$.sv'), json_extract(s.description, '$.fi'), json_extract(s.description, '$.en')), coalesce(json_extract(o.name, '$.sv'), json_extract(o.name, '$.fi'), json_extract(o.name, '$.en')),
      (SELECT group_concat('n' || replace(replace(a.taxonomy_term_code, '.', ''), '-', ''), ' ') FROM service_attribute a WHERE a.service_id = s.id),
      (SELECT group_concat('m' || ar.municipality_code, ' ') FROM service_area ar WHERE ar.service_id = s.id)
    FROM service s JOIN organization o ON o.id = s.organization_id
    WHERE s.id = new.id AND s.status = 'active' AND s.publication_status = 'published';
  INSERT INTO service_search_en(rowid, name, summary, description, provider, needs, areas)
    SELECT s.id, coalesce(json_extract(s.name, '$.en'), json_extract(s.name, '$.fi'), json_extract(s.name, '$.sv')), coalesce(json_extract(s.summary, '$.en'), json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.sv')), coalesce(json_extract(s.description, '$.en'), json_extract(s.description, '$.fi'), json_extract(s.description, '$.sv')), coalesce(json_extract(o.name, '$.en'), json_extract(o.name, '$.fi'), json_extract(o.name, '$.sv')),
      (SELECT group_concat('n' || replace(replace(a.taxonomy_term_code, '.', ''), '-', ''), ' ') FROM service_attribute a WHERE a.service_id = s.id),
      (SELECT group_concat('m' || ar.municipality_code, ' ') FROM service_area ar WHERE ar.service_id = s.id)
    FROM service s JOIN organization o ON o.id = s.organization_id
    WHERE s.id = new.id AND s.status = 'active' AND s.publication_status = 'published';
END;
--> statement-breakpoint
CREATE TRIGGER service_search_delete AFTER DELETE ON service BEGIN
  DELETE FROM service_search_fi WHERE rowid = old.id;
  DELETE FROM service_search_sv WHERE rowid = old.id;
  DELETE FROM service_search_en WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER service_search_provider_rename AFTER UPDATE OF name ON organization BEGIN
  DELETE FROM service_search_fi WHERE rowid IN (SELECT id FROM service WHERE organization_id = new.id);
  DELETE FROM service_search_sv WHERE rowid IN (SELECT id FROM service WHERE organization_id = new.id);
  DELETE FROM service_search_en WHERE rowid IN (SELECT id FROM service WHERE organization_id = new.id);
  INSERT INTO service_search_fi(rowid, name, summary, description, provider, needs, areas)
    SELECT s.id, coalesce(json_extract(s.name, '$.fi'), json_extract(s.name, '$.sv'), json_extract(s.name, '$.en')), coalesce(json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.sv'), json_extract(s.summary, '$.en')), coalesce(json_extract(s.description, '$.fi'), json_extract(s.description, '$.sv'), json_extract(s.description, '$.en')), coalesce(json_extract(o.name, '$.fi'), json_extract(o.name, '$.sv'), json_extract(o.name, '$.en')),
      (SELECT group_concat('n' || replace(replace(a.taxonomy_term_code, '.', ''), '-', ''), ' ') FROM service_attribute a WHERE a.service_id = s.id),
      (SELECT group_concat('m' || ar.municipality_code, ' ') FROM service_area ar WHERE ar.service_id = s.id)
    FROM service s JOIN organization o ON o.id = s.organization_id
    WHERE s.organization_id = new.id AND s.status = 'active' AND s.publication_status = 'published';
  INSERT INTO service_search_sv(rowid, name, summary, description, provider, needs, areas)
    SELECT s.id, coalesce(json_extract(s.name, '$.sv'), json_extract(s.name, '$.fi'), json_extract(s.name, '$.en')), coalesce(json_extract(s.summary, '$.sv'), json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.en')), coalesce(json_extract(s.description, '$.sv'), json_extract(s.description, '$.fi'), json_extract(s.description, '$.en')), coalesce(json_extract(o.name, '$.sv'), json_extract(o.name, '$.fi'), json_extract(o.name, '$.en')),
      (SELECT group_concat('n' || replace(replace(a.taxonomy_term_code, '.', ''), '-', ''), ' ') FROM service_attribute a WHERE a.service_id = s.id),
      (SELECT group_concat('m' || ar.municipality_code, ' ') FROM service_area ar WHERE ar.service_id = s.id)
    FROM service s JOIN organization o ON o.id = s.organization_id
    WHERE s.organization_id = new.id AND s.status = 'active' AND s.publication_status = 'published';
  INSERT INTO service_search_en(rowid, name, summary, description, provider, needs, areas)
    SELECT s.id, coalesce(json_extract(s.name, '$.en'), json_extract(s.name, '$.fi'), json_extract(s.name, '$.sv')), coalesce(json_extract(s.summary, '$.en'), json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.sv')), coalesce(json_extract(s.description, '$.en'), json_extract(s.description, '$.fi'), json_extract(s.description, '$.sv')), coalesce(json_extract(o.name, '$.en'), json_extract(o.name, '$.fi'), json_extract(o.name, '$.sv')),
      (SELECT group_concat('n' || replace(replace(a.taxonomy_term_code, '.', ''), '-', ''), ' ') FROM service_attribute a WHERE a.service_id = s.id),
      (SELECT group_concat('m' || ar.municipality_code, ' ') FROM service_area ar WHERE ar.service_id = s.id)
    FROM service s JOIN organization o ON o.id = s.organization_id
    WHERE s.organization_id = new.id AND s.status = 'active' AND s.publication_status = 'published';
END;
--> statement-breakpoint
CREATE TRIGGER service_attribute_search_insert AFTER INSERT ON service_attribute BEGIN
  DELETE FROM service_search_fi WHERE rowid = new.service_id;
  DELETE FROM service_search_sv WHERE rowid = new.service_id;
  DELETE FROM service_search_en WHERE rowid = new.service_id;
  INSERT INTO service_search_fi(rowid, name, summary, description, provider, needs, areas)
    SELECT s.id, coalesce(json_extract(s.name, '$.fi'), json_extract(s.name, '$.sv'), json_extract(s.name, '$.en')), coalesce(json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.sv'), json_extract(s.summary, '$.en')), coalesce(json_extract(s.description, '$.fi'), json_extract(s.description, '$.sv'), json_extract(s.description, '$.en')), coalesce(json_extract(o.name, '$.fi'), json_extract(o.name, '$.sv'), json_extract(o.name, '$.en')),
      (SELECT group_concat('n' || replace(replace(a.taxonomy_term_code, '.', ''), '-', ''), ' ') FROM service_attribute a WHERE a.service_id = s.id),
      (SELECT group_concat('m' || ar.municipality_code, ' ') FROM service_area ar WHERE ar.service_id = s.id)
    FROM service s JOIN organization o ON o.id = s.organization_id
    WHERE s.id = new.service_id AND s.status = 'active' AND s.publication_status = 'published';
  INSERT INTO service_search_sv(rowid, name, summary, description, provider, needs, areas)
    SELECT s.id, coalesce(json_extract(s.name, '$.sv'), json_extract(s.name, '$.fi'), json_extract(s.name, '$.en')), coalesce(json_extract(s.summary, '$.sv'), json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.en')), coalesce(json_extract(s.description, '$.sv'), json_extract(s.description, '$.fi'), json_extract(s.description, '$.en')), coalesce(json_extract(o.name, '$.sv'), json_extract(o.name, '$.fi'), json_extract(o.name, '$.en')),
      (SELECT group_concat('n' || replace(replace(a.taxonomy_term_code, '.', ''), '-', ''), ' ') FROM service_attribute a WHERE a.service_id = s.id),
      (SELECT group_concat('m' || ar.municipality_code, ' ') FROM service_area ar WHERE ar.service_id = s.id)
    FROM service s JOIN organization o ON o.id = s.organization_id
    WHERE s.id = new.service_id AND s.status = 'active' AND s.publication_status = 'published';
  INSERT INTO service_search_en(rowid, name, summary, description, provider, needs, areas)
    SELECT s.id, coalesce(json_extract(s.name, '$.en'), json_extract(s.name, '$.fi'), json_extract(s.name, '$.sv')), coalesce(json_extract(s.summary, '$.en'), json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.sv')), coalesce(json_extract(s.description, '$.en'), json_extract(s.description, '$.fi'), json_extract(s.description, '$.sv')), coalesce(json_extract(o.name, '$.en'), json_extract(o.name, '$.fi'), json_extract(o.name, '$.sv')),
      (SELECT group_concat('n' || replace(replace(a.taxonomy_term_code, '.', ''), '-', ''), ' ') FROM service_attribute a WHERE a.service_id = s.id),
      (SELECT group_concat('m' || ar.municipality_code, ' ') FROM service_area ar WHERE ar.service_id = s.id)
    FROM service s JOIN organization o ON o.id = s.organization_id
    WHERE s.id = new.service_id AND s.status = 'active' AND s.publication_status = 'published';
END;
--> statement-breakpoint
CREATE TRIGGER service_attribute_search_delete AFTER DELETE ON service_attribute BEGIN
  DELETE FROM service_search_fi WHERE rowid = old.service_id;
  DELETE FROM service_search_sv WHERE rowid = old.service_id;
  DELETE FROM service_search_en WHERE rowid = old.service_id;
  INSERT INTO service_search_fi(rowid, name, summary, description, provider, needs, areas)
    SELECT s.id, coalesce(json_extract(s.name, '$.fi'), json_extract(s.name, '$.sv'), json_extract(s.name, '$.en')), coalesce(json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.sv'), json_extract(s.summary, '$.en')), coalesce(json_extract(s.description, '$.fi'), json_extract(s.description, '$.sv'), json_extract(s.description, '$.en')), coalesce(json_extract(o.name, '$.fi'), json_extract(o.name, '$.sv'), json_extract(o.name, '$.en')),
      (SELECT group_concat('n' || replace(replace(a.taxonomy_term_code, '.', ''), '-', ''), ' ') FROM service_attribute a WHERE a.service_id = s.id),
      (SELECT group_concat('m' || ar.municipality_code, ' ') FROM service_area ar WHERE ar.service_id = s.id)
    FROM service s JOIN organization o ON o.id = s.organization_id
    WHERE s.id = old.service_id AND s.status = 'active' AND s.publication_status = 'published';
  INSERT INTO service_search_sv(rowid, name, summary, description, provider, needs, areas)
    SELECT s.id, coalesce(json_extract(s.name, '$.sv'), json_extract(s.name, '$.fi'), json_extract(s.name, '$.en')), coalesce(json_extract(s.summary, '$.sv'), json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.en')), coalesce(json_extract(s.description, '$.sv'), json_extract(s.description, '$.fi'), json_extract(s.description, '$.en')), coalesce(json_extract(o.name, '$.sv'), json_extract(o.name, '$.fi'), json_extract(o.name, '$.en')),
      (SELECT group_concat('n' || replace(replace(a.taxonomy_term_code, '.', ''), '-', ''), ' ') FROM service_attribute a WHERE a.service_id = s.id),
      (SELECT group_concat('m' || ar.municipality_code, ' ') FROM service_area ar WHERE ar.service_id = s.id)
    FROM service s JOIN organization o ON o.id = s.organization_id
    WHERE s.id = old.service_id AND s.status = 'active' AND s.publication_status = 'published';
  INSERT INTO service_search_en(rowid, name, summary, description, provider, needs, areas)
    SELECT s.id, coalesce(json_extract(s.name, '$.en'), json_extract(s.name, '$.fi'), json_extract(s.name, '$.sv')), coalesce(json_extract(s.summary, '$.en'), json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.sv')), coalesce(json_extract(s.description, '$.en'), json_extract(s.description, '$.fi'), json_extract(s.description, '$.sv')), coalesce(json_extract(o.name, '$.en'), json_extract(o.name, '$.fi'), json_extract(o.name, '$.sv')),
      (SELECT group_concat('n' || replace(replace(a.taxonomy_term_code, '.', ''), '-', ''), ' ') FROM service_attribute a WHERE a.service_id = s.id),
      (SELECT group_concat('m' || ar.municipality_code, ' ') FROM service_area ar WHERE ar.service_id = s.id)
    FROM service s JOIN organization o ON o.id = s.organization_id
    WHERE s.id = old.service_id AND s.status = 'active' AND s.publication_status = 'published';
END;
--> statement-breakpoint
CREATE TRIGGER service_area_search_insert AFTER INSERT ON service_area BEGIN
  DELETE FROM service_search_fi WHERE rowid = new.service_id;
  DELETE FROM service_search_sv WHERE rowid = new.service_id;
  DELETE FROM service_search_en WHERE rowid = new.service_id;
  INSERT INTO service_search_fi(rowid, name, summary, description, provider, needs, areas)
    SELECT s.id, coalesce(json_extract(s.name, '$.fi'), json_extract(s.name, '$.sv'), json_extract(s.name, '$.en')), coalesce(json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.sv'), json_extract(s.summary, '$.en')), coalesce(json_extract(s.description, '$.fi'), json_extract(s.description, '$.sv'), json_extract(s.description, '$.en')), coalesce(json_extract(o.name, '$.fi'), json_extract(o.name, '$.sv'), json_extract(o.name, '$.en')),
      (SELECT group_concat('n' || replace(replace(a.taxonomy_term_code, '.', ''), '-', ''), ' ') FROM service_attribute a WHERE a.service_id = s.id),
      (SELECT group_concat('m' || ar.municipality_code, ' ') FROM service_area ar WHERE ar.service_id = s.id)
    FROM service s JOIN organization o ON o.id = s.organization_id
    WHERE s.id = new.service_id AND s.status = 'active' AND s.publication_status = 'published';
  INSERT INTO service_search_sv(rowid, name, summary, description, provider, needs, areas)
    SELECT s.id, coalesce(json_extract(s.name, '$.sv'), json_extract(s.name, '$.fi'), json_extract(s.name, '$.en')), coalesce(json_extract(s.summary, '$.sv'), json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.en')), coalesce(json_extract(s.description, '$.sv'), json_extract(s.description, '$.fi'), json_extract(s.description, '$.en')), coalesce(json_extract(o.name, '$.sv'), json_extract(o.name, '$.fi'), json_extract(o.name, '$.en')),
      (SELECT group_concat('n' || replace(replace(a.taxonomy_term_code, '.', ''), '-', ''), ' ') FROM service_attribute a WHERE a.service_id = s.id),
      (SELECT group_concat('m' || ar.municipality_code, ' ') FROM service_area ar WHERE ar.service_id = s.id)
    FROM service s JOIN organization o ON o.id = s.organization_id
    WHERE s.id = new.service_id AND s.status = 'active' AND s.publication_status = 'published';
  INSERT INTO service_search_en(rowid, name, summary, description, provider, needs, areas)
    SELECT s.id, coalesce(json_extract(s.name, '$.en'), json_extract(s.name, '$.fi'), json_extract(s.name, '$.sv')), coalesce(json_extract(s.summary, '$.en'), json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.sv')), coalesce(json_extract(s.description, '$.en'), json_extract(s.description, '$.fi'), json_extract(s.description, '$.sv')), coalesce(json_extract(o.name, '$.en'), json_extract(o.name, '$.fi'), json_extract(o.name, '$.sv')),
      (SELECT group_concat('n' || replace(replace(a.taxonomy_term_code, '.', ''), '-', ''), ' ') FROM service_attribute a WHERE a.service_id = s.id),
      (SELECT group_concat('m' || ar.municipality_code, ' ') FROM service_area ar WHERE ar.service_id = s.id)
    FROM service s JOIN organization o ON o.id = s.organization_id
    WHERE s.id = new.service_id AND s.status = 'active' AND s.publication_status = 'published';
END;
--> statement-breakpoint
CREATE TRIGGER service_area_search_delete AFTER DELETE ON service_area BEGIN
  DELETE FROM service_search_fi WHERE rowid = old.service_id;
  DELETE FROM service_search_sv WHERE rowid = old.service_id;
  DELETE FROM service_search_en WHERE rowid = old.service_id;
  INSERT INTO service_search_fi(rowid, name, summary, description, provider, needs, areas)
    SELECT s.id, coalesce(json_extract(s.name, '$.fi'), json_extract(s.name, '$.sv'), json_extract(s.name, '$.en')), coalesce(json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.sv'), json_extract(s.summary, '$.en')), coalesce(json_extract(s.description, '$.fi'), json_extract(s.description, '$.sv'), json_extract(s.description, '$.en')), coalesce(json_extract(o.name, '$.fi'), json_extract(o.name, '$.sv'), json_extract(o.name, '$.en')),
      (SELECT group_concat('n' || replace(replace(a.taxonomy_term_code, '.', ''), '-', ''), ' ') FROM service_attribute a WHERE a.service_id = s.id),
      (SELECT group_concat('m' || ar.municipality_code, ' ') FROM service_area ar WHERE ar.service_id = s.id)
    FROM service s JOIN organization o ON o.id = s.organization_id
    WHERE s.id = old.service_id AND s.status = 'active' AND s.publication_status = 'published';
  INSERT INTO service_search_sv(rowid, name, summary, description, provider, needs, areas)
    SELECT s.id, coalesce(json_extract(s.name, '$.sv'), json_extract(s.name, '$.fi'), json_extract(s.name, '$.en')), coalesce(json_extract(s.summary, '$.sv'), json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.en')), coalesce(json_extract(s.description, '$.sv'), json_extract(s.description, '$.fi'), json_extract(s.description, '$.en')), coalesce(json_extract(o.name, '$.sv'), json_extract(o.name, '$.fi'), json_extract(o.name, '$.en')),
      (SELECT group_concat('n' || replace(replace(a.taxonomy_term_code, '.', ''), '-', ''), ' ') FROM service_attribute a WHERE a.service_id = s.id),
      (SELECT group_concat('m' || ar.municipality_code, ' ') FROM service_area ar WHERE ar.service_id = s.id)
    FROM service s JOIN organization o ON o.id = s.organization_id
    WHERE s.id = old.service_id AND s.status = 'active' AND s.publication_status = 'published';
  INSERT INTO service_search_en(rowid, name, summary, description, provider, needs, areas)
    SELECT s.id, coalesce(json_extract(s.name, '$.en'), json_extract(s.name, '$.fi'), json_extract(s.name, '$.sv')), coalesce(json_extract(s.summary, '$.en'), json_extract(s.summary, '$.fi'), json_extract(s.summary, '$.sv')), coalesce(json_extract(s.description, '$.en'), json_extract(s.description, '$.fi'), json_extract(s.description, '$.sv')), coalesce(json_extract(o.name, '$.en'), json_extract(o.name, '$.fi'), json_extract(o.name, '$.sv')),
      (SELECT group_concat('n' || replace(replace(a.taxonomy_term_code, '.', ''), '-', ''), ' ') FROM service_attribute a WHERE a.service_id = s.id),
      (SELECT group_concat('m' || ar.municipality_code, ' ') FROM service_area ar WHERE ar.service_id = s.id)
    FROM service s JOIN organization o ON o.id = s.organization_id
    WHERE s.id = old.service_id AND s.status = 'active' AND s.publication_status = 'published';
END;
--> statement-breakpoint
-- Counting the public catalogue without reading the (wide) service rows.
CREATE INDEX service_public ON service(id) WHERE status = 'active' AND publication_status = 'published';
--> statement-breakpoint
-- Listing without a search term sorts by name in the reader's language; these partial
-- expression indexes (same expression as the query) give a page straight from the index.
CREATE INDEX service_public_name_fi ON service(coalesce(json_extract(name, '$.fi'), json_extract(name, '$.sv'), json_extract(name, '$.en')), id) WHERE status = 'active' AND publication_status = 'published';
--> statement-breakpoint
CREATE INDEX service_public_name_sv ON service(coalesce(json_extract(name, '$.sv'), json_extract(name, '$.fi'), json_extract(name, '$.en')), id) WHERE status = 'active' AND publication_status = 'published';
--> statement-breakpoint
CREATE INDEX service_public_name_en ON service(coalesce(json_extract(name, '$.en'), json_extract(name, '$.fi'), json_extract(name, '$.sv')), id) WHERE status = 'active' AND publication_status = 'published';
