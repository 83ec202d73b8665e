-- Full-text search over every language at once, replacing the three per-language
-- tables of 0001: a person may type a service's name in any language ("kotihoito" on
-- the English pages), so one index holds the Finnish, Swedish and English text of each
-- service side by side, one column per field and language (no fallback copies: every
-- language that exists is indexed as itself). The pages still show each result in the
-- reader's language. Columns, in the order db/catalogue-search.ts weighs them with bm25:
-- name, the names of the needs the service meets, summary, description and provider
-- name, each in fi, sv and en; then each name as one token without spaces or
-- punctuation ("Home care" → "_homecare"), so a service named exactly what was typed
-- can be found before the rest; then four filter columns holding one token per need
-- ("_n" + code without punctuation), municipality ("_m" + code), provider type ("_t" +
-- type without punctuation) and cost kind ("_c" + kind without punctuation), so every
-- filter is part of the MATCH (ADR 005). "_" is a token character here and never part
-- of a searched word (db/catalogue-search.ts keeps letters and digits), so no word typed
-- matches these tokens, and a search over the text needs no column filter. Contentless;
-- rowid = service.id; only active, published services are indexed.
-- See docs/decisions/021-search-every-language-ranked.md.
DROP TRIGGER service_search_insert;
--> statement-breakpoint
DROP TRIGGER service_search_update;
--> statement-breakpoint
DROP TRIGGER service_search_delete;
--> statement-breakpoint
DROP TRIGGER service_search_provider_rename;
--> statement-breakpoint
DROP TRIGGER service_attribute_search_insert;
--> statement-breakpoint
DROP TRIGGER service_attribute_search_delete;
--> statement-breakpoint
DROP TRIGGER service_area_search_insert;
--> statement-breakpoint
DROP TRIGGER service_area_search_delete;
--> statement-breakpoint
DROP TABLE service_search_fi;
--> statement-breakpoint
DROP TABLE service_search_sv;
--> statement-breakpoint
DROP TABLE service_search_en;
--> statement-breakpoint
CREATE VIRTUAL TABLE service_search USING fts5(name_fi, name_sv, name_en, needs_fi, needs_sv, needs_en, summary_fi, summary_sv, summary_en, description_fi, description_sv, description_en, provider_fi, provider_sv, provider_en, exact_names, need_codes, areas, provider_type, cost_kinds, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2 tokenchars ''_''', prefix='2 3 4 5 6 7 8');
--> statement-breakpoint
-- What the index holds for each public service: the one definition every trigger below reads.
CREATE VIEW service_search_row AS
SELECT s.id,
  json_extract(s.name, '$.fi') AS name_fi,
  json_extract(s.name, '$.sv') AS name_sv,
  json_extract(s.name, '$.en') AS name_en,
  (SELECT group_concat(json_extract(t.name, '$.fi'), ' ') FROM service_attribute a JOIN taxonomy_term t ON t.code = a.taxonomy_term_code WHERE a.service_id = s.id) AS needs_fi,
  (SELECT group_concat(json_extract(t.name, '$.sv'), ' ') FROM service_attribute a JOIN taxonomy_term t ON t.code = a.taxonomy_term_code WHERE a.service_id = s.id) AS needs_sv,
  (SELECT group_concat(json_extract(t.name, '$.en'), ' ') FROM service_attribute a JOIN taxonomy_term t ON t.code = a.taxonomy_term_code WHERE a.service_id = s.id) AS needs_en,
  json_extract(s.summary, '$.fi') AS summary_fi,
  json_extract(s.summary, '$.sv') AS summary_sv,
  json_extract(s.summary, '$.en') AS summary_en,
  json_extract(s.description, '$.fi') AS description_fi,
  json_extract(s.description, '$.sv') AS description_sv,
  json_extract(s.description, '$.en') AS description_en,
  json_extract(o.name, '$.fi') AS provider_fi,
  json_extract(o.name, '$.sv') AS provider_sv,
  json_extract(o.name, '$.en') AS provider_en,
  coalesce('_' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(json_extract(s.name, '$.fi'), ' ', ''), '-', ''), '–', ''), ',', ''), '.', ''), ':', ''), ';', ''), '(', ''), ')', ''), '/', ''), '''', ''), '’', ''), '&', ''), '+', ''), '!', ''), '?', ''), '"', ''), '') || ' ' || coalesce('_' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(json_extract(s.name, '$.sv'), ' ', ''), '-', ''), '–', ''), ',', ''), '.', ''), ':', ''), ';', ''), '(', ''), ')', ''), '/', ''), '''', ''), '’', ''), '&', ''), '+', ''), '!', ''), '?', ''), '"', ''), '') || ' ' || coalesce('_' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(json_extract(s.name, '$.en'), ' ', ''), '-', ''), '–', ''), ',', ''), '.', ''), ':', ''), ';', ''), '(', ''), ')', ''), '/', ''), '''', ''), '’', ''), '&', ''), '+', ''), '!', ''), '?', ''), '"', ''), '') AS exact_names,
  (SELECT group_concat('_n' || replace(replace(a.taxonomy_term_code, '.', ''), '-', ''), ' ') FROM service_attribute a WHERE a.service_id = s.id) AS need_codes,
  (SELECT group_concat('_m' || ar.municipality_code, ' ') FROM service_area ar WHERE ar.service_id = s.id) AS areas,
  '_t' || replace(o.type, '_', '') AS provider_type,
  (SELECT group_concat('_c' || replace(c.kind, '_', ''), ' ') FROM cost_option c WHERE c.service_id = s.id) AS cost_kinds
FROM service s JOIN organization o ON o.id = s.organization_id
WHERE s.status = 'active' AND s.publication_status = 'published';
--> statement-breakpoint
INSERT INTO service_search(rowid, name_fi, name_sv, name_en, needs_fi, needs_sv, needs_en, summary_fi, summary_sv, summary_en, description_fi, description_sv, description_en, provider_fi, provider_sv, provider_en, exact_names, need_codes, areas, provider_type, cost_kinds)
    SELECT * FROM service_search_row;
--> statement-breakpoint
CREATE TRIGGER service_search_insert AFTER INSERT ON service BEGIN
  INSERT INTO service_search(rowid, name_fi, name_sv, name_en, needs_fi, needs_sv, needs_en, summary_fi, summary_sv, summary_en, description_fi, description_sv, description_en, provider_fi, provider_sv, provider_en, exact_names, need_codes, areas, provider_type, cost_kinds)
    SELECT * FROM service_search_row WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER service_search_update AFTER UPDATE OF name, summary, description, organization_id, status, publication_status ON service BEGIN
  DELETE FROM service_search WHERE rowid = old.id;
  INSERT INTO service_search(rowid, name_fi, name_sv, name_en, needs_fi, needs_sv, needs_en, summary_fi, summary_sv, summary_en, description_fi, description_sv, description_en, provider_fi, provider_sv, provider_en, exact_names, need_codes, areas, provider_type, cost_kinds)
    SELECT * FROM service_search_row WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER service_search_delete AFTER DELETE ON service BEGIN
  DELETE FROM service_search WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER organization_search_update AFTER UPDATE OF name, type ON organization BEGIN
  DELETE FROM service_search WHERE rowid IN (SELECT id FROM service WHERE organization_id = new.id);
  INSERT INTO service_search(rowid, name_fi, name_sv, name_en, needs_fi, needs_sv, needs_en, summary_fi, summary_sv, summary_en, description_fi, description_sv, description_en, provider_fi, provider_sv, provider_en, exact_names, need_codes, areas, provider_type, cost_kinds)
    SELECT * FROM service_search_row WHERE id IN (SELECT id FROM service WHERE organization_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER service_attribute_search_insert AFTER INSERT ON service_attribute BEGIN
  DELETE FROM service_search WHERE rowid = new.service_id;
  INSERT INTO service_search(rowid, name_fi, name_sv, name_en, needs_fi, needs_sv, needs_en, summary_fi, summary_sv, summary_en, description_fi, description_sv, description_en, provider_fi, provider_sv, provider_en, exact_names, need_codes, areas, provider_type, cost_kinds)
    SELECT * FROM service_search_row WHERE id = new.service_id;
END;
--> statement-breakpoint
CREATE TRIGGER service_attribute_search_delete AFTER DELETE ON service_attribute BEGIN
  DELETE FROM service_search WHERE rowid = old.service_id;
  INSERT INTO service_search(rowid, name_fi, name_sv, name_en, needs_fi, needs_sv, needs_en, summary_fi, summary_sv, summary_en, description_fi, description_sv, description_en, provider_fi, provider_sv, provider_en, exact_names, need_codes, areas, provider_type, cost_kinds)
    SELECT * FROM service_search_row WHERE id = old.service_id;
END;
--> statement-breakpoint
CREATE TRIGGER service_area_search_insert AFTER INSERT ON service_area BEGIN
  DELETE FROM service_search WHERE rowid = new.service_id;
  INSERT INTO service_search(rowid, name_fi, name_sv, name_en, needs_fi, needs_sv, needs_en, summary_fi, summary_sv, summary_en, description_fi, description_sv, description_en, provider_fi, provider_sv, provider_en, exact_names, need_codes, areas, provider_type, cost_kinds)
    SELECT * FROM service_search_row WHERE id = new.service_id;
END;
--> statement-breakpoint
CREATE TRIGGER service_area_search_delete AFTER DELETE ON service_area BEGIN
  DELETE FROM service_search WHERE rowid = old.service_id;
  INSERT INTO service_search(rowid, name_fi, name_sv, name_en, needs_fi, needs_sv, needs_en, summary_fi, summary_sv, summary_en, description_fi, description_sv, description_en, provider_fi, provider_sv, provider_en, exact_names, need_codes, areas, provider_type, cost_kinds)
    SELECT * FROM service_search_row WHERE id = old.service_id;
END;
--> statement-breakpoint
CREATE TRIGGER cost_option_search_insert AFTER INSERT ON cost_option BEGIN
  DELETE FROM service_search WHERE rowid = new.service_id;
  INSERT INTO service_search(rowid, name_fi, name_sv, name_en, needs_fi, needs_sv, needs_en, summary_fi, summary_sv, summary_en, description_fi, description_sv, description_en, provider_fi, provider_sv, provider_en, exact_names, need_codes, areas, provider_type, cost_kinds)
    SELECT * FROM service_search_row WHERE id = new.service_id;
END;
--> statement-breakpoint
CREATE TRIGGER cost_option_search_delete AFTER DELETE ON cost_option BEGIN
  DELETE FROM service_search WHERE rowid = old.service_id;
  INSERT INTO service_search(rowid, name_fi, name_sv, name_en, needs_fi, needs_sv, needs_en, summary_fi, summary_sv, summary_en, description_fi, description_sv, description_en, provider_fi, provider_sv, provider_en, exact_names, need_codes, areas, provider_type, cost_kinds)
    SELECT * FROM service_search_row WHERE id = old.service_id;
END;
--> statement-breakpoint
CREATE TRIGGER cost_option_search_update AFTER UPDATE OF kind, service_id ON cost_option BEGIN
  DELETE FROM service_search WHERE rowid IN (old.service_id, new.service_id);
  INSERT INTO service_search(rowid, name_fi, name_sv, name_en, needs_fi, needs_sv, needs_en, summary_fi, summary_sv, summary_en, description_fi, description_sv, description_en, provider_fi, provider_sv, provider_en, exact_names, need_codes, areas, provider_type, cost_kinds)
    SELECT * FROM service_search_row WHERE id IN (old.service_id, new.service_id);
END;
--> statement-breakpoint
CREATE TRIGGER taxonomy_term_search_update AFTER UPDATE OF name ON taxonomy_term BEGIN
  DELETE FROM service_search WHERE rowid IN (SELECT service_id FROM service_attribute WHERE taxonomy_term_code = new.code);
  INSERT INTO service_search(rowid, name_fi, name_sv, name_en, needs_fi, needs_sv, needs_en, summary_fi, summary_sv, summary_en, description_fi, description_sv, description_en, provider_fi, provider_sv, provider_en, exact_names, need_codes, areas, provider_type, cost_kinds)
    SELECT * FROM service_search_row WHERE id IN (SELECT service_id FROM service_attribute WHERE taxonomy_term_code = new.code);
END;
