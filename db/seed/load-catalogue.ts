import { createHash } from "node:crypto";
import { municipalities } from "#pathways/areas.ts";
import { needCategories, needs, needsTaxonomy } from "#pathways/needs/taxonomy.ts";
import type { LuukkuDatabase } from "../client.ts";
import type { DemoCatalogue, SeedService } from "./demo/types.ts";

/**
 * A uuid derived from a name (the layout of RFC 9562 version 5), so that seeded rows keep
 * the same HSDS ids on every machine and every run.
 */
export function stableUuid(name: string): string {
  const hash = createHash("sha1").update(`luukku:${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Reference data every catalogue needs: municipalities and the needs taxonomy. */
export function loadReferenceData(db: LuukkuDatabase): void {
  const sqlite = db.$client;
  const insertMunicipality = sqlite.prepare("INSERT OR IGNORE INTO municipality (code, name) VALUES (?, ?)");
  const insertTaxonomy = sqlite.prepare("INSERT OR IGNORE INTO taxonomy (id, name, version, uri) VALUES (?, ?, ?, ?)");
  const insertTerm = sqlite.prepare(
    `INSERT OR IGNORE INTO taxonomy_term (code, taxonomy_id, parent_code, name, description, open_eligibility_name)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    for (const [code, { name }] of Object.entries(municipalities)) insertMunicipality.run(code, JSON.stringify(name));
    insertTaxonomy.run(needsTaxonomy.id, "Luukku needs", needsTaxonomy.version, needsTaxonomy.uri);
    for (const [code, { name }] of Object.entries(needCategories)) {
      insertTerm.run(code, needsTaxonomy.id, null, JSON.stringify(name), null, null);
    }
    for (const [code, need] of Object.entries(needs)) {
      insertTerm.run(
        code,
        needsTaxonomy.id,
        need.category,
        JSON.stringify(need.name),
        JSON.stringify(need.description),
        "openEligibility" in need ? need.openEligibility : null,
      );
    }
  })();
}

export interface LoadOptions {
  /** Called every `progressEvery` services with the number loaded so far. */
  onProgress?: (loaded: number) => void;
  progressEvery?: number;
}

/**
 * Inserts a catalogue in one transaction: all of it or none. Every service ends up
 * published, since seeded data stands for a catalogue that has passed review.
 */
export function loadCatalogue(db: LuukkuDatabase, catalogue: DemoCatalogue, options: LoadOptions = {}): void {
  const sqlite = db.$client;
  const insertOrganization = sqlite.prepare(
    `INSERT INTO organization (hsds_id, type, name, description, email, website, phone, municipality_code)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPhone = sqlite.prepare("INSERT INTO phone (organization_id, service_id, number) VALUES (?, ?, ?)");
  const insertLocation = sqlite.prepare(
    `INSERT INTO location (hsds_id, organization_id, name, transportation, accessibility, latitude, longitude)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAddress = sqlite.prepare(
    "INSERT INTO address (location_id, street, postal_code, municipality_code) VALUES (?, ?, ?, ?)",
  );
  const insertService = sqlite.prepare(
    `INSERT INTO service (hsds_id, organization_id, name, summary, description, application_process,
       eligibility_description, fees_description, url, email, status, publication_status, minimum_age, maximum_age,
       delivery, accepts_referrals, referral_data, response_time_working_days, typical_wait_days, capacity,
       quality_rating, accreditations)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Published last, once its needs and areas are in: the search index is then written
  // once per service instead of once per need and area (see migration 0001's triggers).
  const publishService = sqlite.prepare("UPDATE service SET publication_status = 'published' WHERE id = ?");
  const insertEligibility = sqlite.prepare(
    "INSERT INTO service_eligibility (service_id, residency_required, required_need_codes, situations) VALUES (?, ?, ?, ?)",
  );
  const insertServiceAtLocation = sqlite.prepare("INSERT INTO service_at_location (service_id, location_id) VALUES (?, ?)");
  const insertSchedule = sqlite.prepare(
    "INSERT INTO schedule (service_id, byday, opens_at, closes_at, description) VALUES (?, ?, ?, ?, ?)",
  );
  const insertCost = sqlite.prepare(
    "INSERT INTO cost_option (service_id, kind, amount_cents, unit, description) VALUES (?, ?, ?, ?, ?)",
  );
  const insertLanguage = sqlite.prepare("INSERT INTO service_language (service_id, code) VALUES (?, ?)");
  const insertArea = sqlite.prepare("INSERT INTO service_area (service_id, municipality_code) VALUES (?, ?)");
  const insertAttribute = sqlite.prepare("INSERT INTO service_attribute (service_id, taxonomy_term_code) VALUES (?, ?)");

  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  const organizationIds = new Map<string, number | bigint>();
  const locationIds = new Map<string, number | bigint>();

  const lookup = (ids: Map<string, number | bigint>, key: string, what: string, service: SeedService) => {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`Service ${service.key} refers to unknown ${what} ${key}`);
    return id;
  };

  sqlite.transaction(() => {
    for (const organization of catalogue.organizations) {
      const { lastInsertRowid } = insertOrganization.run(
        stableUuid(`organization:${organization.key}`),
        organization.type,
        json(organization.name),
        json(organization.description),
        organization.email ?? null,
        organization.website ?? null,
        organization.phone,
        organization.municipality,
      );
      organizationIds.set(organization.key, lastInsertRowid);
      insertPhone.run(lastInsertRowid, null, organization.phone);
    }
    for (const location of catalogue.locations) {
      const organizationId = organizationIds.get(location.organization);
      if (organizationId === undefined) throw new Error(`Location ${location.key} refers to unknown organization ${location.organization}`);
      const { lastInsertRowid } = insertLocation.run(
        stableUuid(`location:${location.key}`),
        organizationId,
        json(location.name),
        json(location.transportation),
        json(location.accessibility),
        location.latitude,
        location.longitude,
      );
      locationIds.set(location.key, lastInsertRowid);
      insertAddress.run(lastInsertRowid, location.street, location.postalCode, location.municipality);
    }
    let loaded = 0;
    for (const service of catalogue.services) {
      const { lastInsertRowid: serviceId } = insertService.run(
        stableUuid(`service:${service.key}`),
        lookup(organizationIds, service.organization, "organization", service),
        json(service.name),
        json(service.summary),
        json(service.description),
        json(service.applicationProcess),
        json(service.eligibility),
        json(service.cost.description),
        service.url ?? null,
        service.email ?? null,
        service.minimumAge ?? null,
        service.maximumAge ?? null,
        json(service.delivery),
        service.acceptsReferrals ? 1 : 0,
        json(service.referralData),
        service.responseTimeWorkingDays ?? 2,
        service.typicalWaitDays,
        service.capacity,
        service.qualityRating ?? null,
        service.accreditations ?? null,
      );
      insertEligibility.run(serviceId, service.residencyRequired ? 1 : 0, json(service.requiredNeeds ?? []), json(service.situations ?? []));
      for (const key of service.locations) insertServiceAtLocation.run(serviceId, lookup(locationIds, key, "location", service));
      for (const slot of service.schedules) {
        insertSchedule.run(serviceId, slot.byday, slot.opensAt, slot.closesAt, json(slot.description));
      }
      const amountCents = service.cost.amount === undefined ? null : Math.round(service.cost.amount * 100);
      insertCost.run(serviceId, service.cost.kind, amountCents, service.cost.unit ?? null, json(service.cost.description));
      for (const code of new Set(service.languages)) insertLanguage.run(serviceId, code);
      for (const code of new Set(service.areas)) insertArea.run(serviceId, code);
      for (const code of new Set(service.needs)) insertAttribute.run(serviceId, code);
      if (service.phone) insertPhone.run(null, serviceId, service.phone);
      publishService.run(serviceId);
      loaded += 1;
      if (options.onProgress && loaded % (options.progressEvery ?? 1000) === 0) options.onProgress(loaded);
    }
  })();
}

/** True when the catalogue has no organisations yet (a fresh database). */
export function isCatalogueEmpty(db: LuukkuDatabase): boolean {
  return db.$client.prepare("SELECT 1 FROM organization LIMIT 1").get() === undefined;
}
