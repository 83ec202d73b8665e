import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { citizen } from "#pathways/actor.ts";
import { personas } from "#pathways/screening/personas.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { someonesDetails } from "../support/case.ts";

/**
 * A referral that can reach the person (issue 13, item 1), on a real SQLite file with the
 * demo catalogue, through the app's own use case: consent to services that need details
 * asks for exactly the categories those services list, sends nothing until they are given,
 * keeps them on the person, and each referral shares exactly what its consent names. The
 * test reads the tables with its own SQL.
 */
let database: TestDatabase;
let app: typeof import("#app/case/give-consent.server.ts") &
  typeof import("#app/case/withdraw-consent.server.ts") &
  typeof import("#app/case/case-package.server.ts") &
  typeof import("#app/db.server.ts") &
  typeof import("../support/screenings.ts");

beforeAll(async () => {
  database = createTestDatabase();
  process.env.DATABASE_PATH = database.path;
  process.env.PUBLIC_URL = "https://luukku.example.fi";
  process.env.SESSION_SECRET = "a-test-secret-that-is-long-enough-for-the-schema";
  const modules = await Promise.all([
    import("#app/case/give-consent.server.ts"),
    import("#app/case/withdraw-consent.server.ts"),
    import("#app/case/case-package.server.ts"),
    import("#app/db.server.ts"),
    import("../support/screenings.ts"),
  ]);
  app = Object.assign({}, ...modules) as typeof app;
});
afterAll(() => database.close());

const sqlite = () => database.db.$client;
const askedOrder = ["name-and-contact", "date-of-birth", "address"];
/** The categories a service's referral needs, as the catalogue stores them. */
const referralData = (serviceId: number) => JSON.parse(sqlite().prepare("SELECT referral_data FROM service WHERE id = ?").pluck().get(serviceId) as string) as string[];
const asked = (serviceIds: number[]) => askedOrder.filter((category) => serviceIds.some((id) => referralData(id).includes(category)));
const personOf = (caseId: string) =>
  sqlite()
    .prepare(
      `SELECT full_name, phone, email, date_of_birth, street_address, postcode, details_given_by FROM person
       JOIN case_member ON case_member.person_id = person.id WHERE case_member.case_id = ? AND case_member.relation = 'person-screened'`,
    )
    .get(caseId) as Record<string, string | null>;
const written = (caseId: string) => ({
  consents: sqlite().prepare("SELECT count(*) FROM consent WHERE case_id = ?").pluck().get(caseId),
  referrals: sqlite().prepare("SELECT count(*) FROM referral WHERE case_id = ?").pluck().get(caseId),
  reference: sqlite().prepare("SELECT count(*) FROM case_reference WHERE case_id = ?").pluck().get(caseId),
});
const fieldsOf: Record<string, (keyof typeof someonesDetails)[]> = {
  "name-and-contact": ["fullName", "phone", "email"],
  "date-of-birth": ["dateOfBirth"],
  address: ["streetAddress", "postcode"],
};

async function evictionCase() {
  const { caseId } = await app.screenedPersona(personas.evictionFamily);
  const { awaiting } = await app.consentOptions(app.getStores().cases, caseId);
  return { caseId, offered: awaiting.map((service) => service.serviceId) };
}

describe("consent to services that need details", () => {
  it("asks for exactly the categories the chosen services list, and writes nothing until they are given", async () => {
    const { caseId, offered } = await evictionCase();
    const chosen = offered.slice(0, 2);
    expect(asked(chosen).length, "the demo services chosen need details").toBeGreaterThan(0);
    const consent = { caseId, serviceIds: chosen, actor: citizen, channel: "online", consentText: "test" } as const;

    expect(await app.giveConsent(consent)).toEqual({ kind: "details-needed", ask: asked(chosen), given: {} });
    // Details short of what the categories need (no way to reach the person) are not enough either.
    expect(await app.giveConsent({ ...consent, details: { fullName: "Maija Meikäläinen", dateOfBirth: "1948-03-27", streetAddress: "Koskenkatu 1", postcode: "33100" } })).toMatchObject({
      kind: "details-needed",
    });
    expect(written(caseId)).toEqual({ consents: 0, referrals: 0, reference: 0 });
    expect(personOf(caseId)).toMatchObject({ full_name: null, phone: null, email: null });
  });

  it("keeps only the asked details on the person, and each referral shares exactly what its consent names", async () => {
    const { caseId, offered } = await evictionCase();
    const chosen = offered.slice(0, 2);
    const given = await app.giveConsent({ caseId, serviceIds: chosen, actor: citizen, channel: "online", consentText: "test", details: { ...someonesDetails } });
    expect(given).toMatchObject({ kind: "given", referrals: 2 });

    const kept = asked(chosen).flatMap((category) => fieldsOf[category]!);
    const column = { fullName: "full_name", phone: "phone", email: "email", dateOfBirth: "date_of_birth", streetAddress: "street_address", postcode: "postcode" } as const;
    const person = personOf(caseId);
    for (const field of Object.keys(column) as (keyof typeof column)[]) {
      expect(person[column[field]], field).toBe(kept.includes(field) ? someonesDetails[field] : null);
    }
    expect(person.details_given_by).toBe("citizen");

    const referrals = sqlite().prepare("SELECT id, service_id FROM referral WHERE case_id = ? ORDER BY service_id").all(caseId) as { id: string; service_id: number }[];
    expect(referrals.map((referral) => referral.service_id)).toEqual([...chosen].sort((a, b) => a - b));
    for (const referral of referrals) {
      const categories = referralData(referral.service_id);
      const share = await app.getStores().cases.referralShare(referral.id);
      expect(share?.categories).toEqual(categories);
      const expected = Object.fromEntries(askedOrder.filter((category) => categories.includes(category)).flatMap((category) => fieldsOf[category]!.map((field) => [field, someonesDetails[field]])));
      expect(share?.details).toEqual(expected);
    }
  });

  it("never asks a person who sends nothing: a reference alone, with no service waiting, needs no details", async () => {
    const { caseId } = await app.screenedPersona(personas.dangerAtHome);
    const { awaiting } = await app.consentOptions(app.getStores().cases, caseId);
    expect(awaiting).toEqual([]);
    expect(await app.giveConsent({ caseId, serviceIds: [], actor: citizen, channel: "online", consentText: "test" })).toMatchObject({ kind: "given", referrals: 0 });
    expect(personOf(caseId)).toMatchObject({ full_name: null, phone: null, email: null, date_of_birth: null, street_address: null, postcode: null });
  });
});

describe("the details are kept no longer than a referral needs them", () => {
  const noDetails = { full_name: null, phone: null, email: null, date_of_birth: null, street_address: null, postcode: null, details_given_by: null };

  async function referredCase() {
    const { caseId, offered } = await evictionCase();
    const chosen = offered.slice(0, 2);
    await app.giveConsent({ caseId, serviceIds: chosen, actor: citizen, channel: "online", consentText: "test", details: { ...someonesDetails } });
    const referrals = sqlite().prepare("SELECT id, machine_instance_id FROM referral WHERE case_id = ? ORDER BY service_id").all(caseId) as { id: string; machine_instance_id: string }[];
    expect(referrals).toHaveLength(2);
    return { caseId, referrals };
  }

  it("erases them once every consent of the case is withdrawn, not while one stands", async () => {
    const { caseId, referrals } = await referredCase();
    await app.withdrawConsent({ caseId, referralId: referrals[0]!.id, actor: citizen, channel: "online" });
    expect(personOf(caseId).full_name).toBe(someonesDetails.fullName);
    await app.withdrawConsent({ caseId, referralId: referrals[1]!.id, actor: citizen, channel: "online" });
    expect(personOf(caseId)).toEqual(noDetails);
  });

  it("retention erases them once every referral has ended long enough ago, not while one is open or ended lately", async () => {
    const { caseId, referrals } = await referredCase();
    const { retention } = (await import("#db/backend.ts")).createBackend({ kind: "sqlite", connection: database.db });
    const policy = { unsavedDays: 30, savedDays: 90, detailsDays: 90 };
    const engine = app.getPathwayEngine();
    const now = Date.now();
    const after = (days: number) => new Date(now + days * 24 * 60 * 60 * 1000);

    await engine.send(referrals[0]!.machine_instance_id, { type: "REJECT", reason: "no-capacity", at: new Date().toISOString(), by: "provider:test" });
    expect(await retention.erasePersonDetailsNoLongerNeeded(after(200), policy)).toBe(0);
    expect(personOf(caseId).full_name).toBe(someonesDetails.fullName);

    await engine.send(referrals[1]!.machine_instance_id, { type: "ACCEPT", at: new Date().toISOString(), by: "provider:test" });
    await engine.send(referrals[1]!.machine_instance_id, { type: "START", at: new Date().toISOString(), by: "provider:test" });
    await engine.send(referrals[1]!.machine_instance_id, { type: "COMPLETE", at: new Date().toISOString(), by: "provider:test" });
    expect(await retention.erasePersonDetailsNoLongerNeeded(after(89), policy)).toBe(0);
    expect(personOf(caseId).full_name).toBe(someonesDetails.fullName);
    expect(await retention.erasePersonDetailsNoLongerNeeded(after(91), policy)).toBeGreaterThanOrEqual(1);
    expect(personOf(caseId)).toEqual(noDetails);
  });
});
