import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "#db/migrate.ts";
import type { Actor } from "#pathways/actor.ts";
import { parentOfTwoChildren, personas, type Persona } from "#pathways/screening/personas.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { databaseBefore, oneService } from "../support/migrations.ts";
import { someonesDetails } from "../support/case.ts";

/**
 * One case record (issue 12, item 2), on a real SQLite file with the demo catalogue,
 * through the app's own use cases: the household a screening tells of, the one package
 * the engine stores, and every page that shows it reading that package. The test reads
 * the tables with its own SQL, beside the app's connection.
 */
let database: TestDatabase;
let app: typeof import("#app/screening.server.ts") &
  typeof import("#app/consent.server.ts") &
  typeof import("#app/session.server.ts") &
  typeof import("#app/screening/check-answers.server.ts") &
  typeof import("#app/case/give-consent.server.ts") &
  typeof import("../support/screenings.ts");

beforeAll(async () => {
  database = createTestDatabase();
  process.env.DATABASE_PATH = database.path;
  process.env.PUBLIC_URL = "https://luukku.example.fi";
  process.env.SESSION_SECRET = "a-test-secret-that-is-long-enough-for-the-schema";
  const modules = await Promise.all([
    import("#app/screening.server.ts"),
    import("#app/consent.server.ts"),
    import("#app/session.server.ts"),
    import("#app/screening/check-answers.server.ts"),
    import("#app/case/give-consent.server.ts"),
    import("../support/screenings.ts"),
  ]);
  app = Object.assign({}, ...modules) as typeof app;
});
afterAll(() => database.close());

const sqlite = () => database.db.$client;
const all = <T>(sql: string, ...parameters: unknown[]) => sqlite().prepare(sql).all(...parameters) as T[];
const one = <T>(sql: string, ...parameters: unknown[]) => sqlite().prepare(sql).get(...parameters) as T;

const receptionist: Actor = { kind: "staff", userId: "staff-7", role: "reception", officeId: "koskela-counter" };

/** A persona screened and confirmed as the citizen does online; the browser's request for its pages. */
async function confirmed(persona: Persona, options: Parameters<typeof app.screenedPersona>[1] = {}) {
  const { screeningId, caseId } = await app.screenedPersona(persona, options);
  const cookie = (await app.flowCookie.serialize(screeningId)).split(";")[0]!;
  const request = () => new Request("http://luukku.test/screening/complete", { headers: { Cookie: cookie } });
  return { screeningId, caseId, request };
}

interface ItemRow {
  kind: string;
  need_code: string;
  service_id: number | null;
  rank: number;
  pathway_instance_id: string | null;
}

/** The case's stored package as its rows say, read with the test's own SQL. */
function storedItems(caseId: string): ItemRow[] {
  return all<ItemRow>(
    `SELECT i.kind, i.need_code, i.service_id, i.rank, i.pathway_instance_id FROM package_item i
     JOIN proposed_package p ON p.id = i.package_id WHERE p.case_id = ? ORDER BY i.id`,
    caseId,
  );
}

/** The proposed services in the rows' order, each with its needs. */
function proposedIn(items: readonly ItemRow[]): { serviceId: number; needs: string[] }[] {
  const services: { serviceId: number; needs: string[] }[] = [];
  for (const row of items.filter((item) => item.kind === "proposed").sort((a, b) => a.rank - b.rank)) {
    const service = services.find((entry) => entry.serviceId === row.service_id);
    if (service) service.needs.push(row.need_code);
    else services.push({ serviceId: row.service_id!, needs: [row.need_code] });
  }
  return services;
}

describe("a case", () => {
  it("is opened with the screening, about the person screened, under an id of its own", async () => {
    const { screeningId, caseId } = await confirmed(personas.olderPersonAlone);
    expect(caseId).not.toBe(screeningId);
    expect(one("SELECT case_id FROM screening WHERE id = ?", screeningId)).toEqual({ case_id: caseId });
    const screened = one<{ member_id: string }>("SELECT member_id FROM screening WHERE id = ?", screeningId);
    expect(all("SELECT id, relation FROM case_member WHERE case_id = ?", caseId)).toEqual([{ id: screened.member_id, relation: "person-screened" }]);
  });

  it("is the household: a parent and two children are one case, and the children's needs are theirs", async () => {
    const { caseId } = await confirmed(parentOfTwoChildren);
    const members = all<{ id: string; relation: string }>("SELECT id, relation FROM case_member WHERE case_id = ? ORDER BY relation", caseId);
    expect(members.map((member) => member.relation)).toEqual(["child", "child", "person-screened"]);
    const subjects = all<{ need_code: string; subject: string; member_id: string | null }>(
      `SELECT DISTINCT i.need_code, i.subject, i.member_id FROM package_item i JOIN proposed_package p ON p.id = i.package_id WHERE p.case_id = ?`,
      caseId,
    );
    const parent = members.find((member) => member.relation === "person-screened")!.id;
    for (const row of subjects) {
      if (row.need_code.startsWith("disability.child-")) expect(row).toMatchObject({ subject: "children", member_id: null });
      if (row.subject === "person") expect(row.member_id).toBe(parent);
    }
    expect(subjects.some((row) => row.subject === "children")).toBe(true);
  });
});

describe("the stored package", () => {
  it.each(["evictionFamily", "olderPersonAlone", "twinsFamily", "mentalHealthRecovery"] as const)(
    "is what the package page shows, card by card, option by option, need by need (%s)",
    async (name) => {
      const { caseId, request } = await confirmed(personas[name]);
      const items = storedItems(caseId);
      const page = await app.loadPackage(request(), "en");
      const proposed = proposedIn(items);
      expect(proposed.length).toBeGreaterThan(0);
      // The page orders the cards by the needs' urgency; the set and each card's needs are the stored ones.
      expect(page.cards.map((card) => card.serviceId).sort()).toEqual(proposed.map((service) => service.serviceId).sort());
      for (const card of page.cards) {
        const stored = proposed.find((service) => service.serviceId === card.serviceId)!;
        expect(card.covers.map((line) => line.code).sort()).toEqual([...stored.needs].sort());
        const options = new Set(items.filter((item) => item.kind === "alternative" && stored.needs.includes(item.need_code)).map((item) => item.service_id));
        expect(new Set(card.alternatives.map((alternative) => alternative.serviceId))).toEqual(options);
      }
      expect(page.unmet.map((line) => line.code)).toEqual(items.filter((item) => item.kind === "unmet").map((item) => item.need_code));
      expect(page.changedSince).toEqual([]);
      expect(page.noLongerOffered).toEqual([]);
    },
  );

  it("is what each pathway was handed: the services proposed to a pathway are the rows that name it", async () => {
    const { caseId } = await confirmed(personas.evictionFamily);
    const pathways = all<{ id: string; snapshot: string }>("SELECT id, snapshot FROM pathway_instance WHERE case_id = ? AND machine_id <> 'referral'", caseId);
    expect(pathways.length).toBeGreaterThan(0);
    const items = storedItems(caseId);
    for (const pathway of pathways) {
      const proposal = (JSON.parse(pathway.snapshot) as { context: { proposal: { serviceId: number }[] } }).context.proposal;
      const handed = new Set(items.filter((item) => item.pathway_instance_id === pathway.id).map((item) => item.service_id));
      expect(new Set(proposal.map((service) => service.serviceId))).toEqual(handed);
    }
  });

  it("is what the consent page offers", async () => {
    const { caseId, request } = await confirmed(personas.evictionFamily);
    const awaiting = one<{ id: string }>("SELECT id FROM pathway_instance WHERE case_id = ? AND state = 'awaitingConsent'", caseId);
    const offered = new Set(storedItems(caseId).filter((item) => item.kind === "proposed" && item.pathway_instance_id === awaiting.id).map((item) => item.service_id));
    const page = await app.loadConsentPage(request(), "en");
    expect(new Set(page.services.map((service) => service.summary.id))).toEqual(offered);
  });

  it("stays as proposed after the catalogue changes, and says which service has changed and which is no longer offered", async () => {
    const { caseId, request } = await confirmed(personas.evictionFamily);
    const before = await app.loadPackage(request(), "en");
    expect(before.cards.length, "the eviction family is proposed at least two services").toBeGreaterThanOrEqual(2);
    const [changed, closed] = before.cards as [(typeof before.cards)[0], (typeof before.cards)[0]];
    // A commissioner publishes an edit of one service and takes the other off the public catalogue.
    sqlite().prepare("UPDATE service SET version = version + 1, summary = json_set(summary, '$.en', 'Changed since') WHERE id = ?").run(changed.serviceId);
    sqlite().prepare("UPDATE service SET status = 'inactive' WHERE id = ?").run(closed.serviceId);
    try {
      const after = await app.loadPackage(request(), "en");
      expect(after.cards.map((card) => card.serviceId)).toEqual(before.cards.map((card) => card.serviceId).filter((id) => id !== closed.serviceId));
      expect(after.changedSince).toEqual([changed.serviceId]);
      expect(after.noLongerOffered).toEqual([{ serviceId: closed.serviceId, name: closed.summary.name, covers: closed.covers }]);
      // Nothing is offered for consent that is no longer offered.
      const consentPage = await app.loadConsentPage(request(), "en");
      expect(consentPage.services.map((service) => service.summary.id)).not.toContain(closed.serviceId);
      expect(storedItems(caseId).some((item) => item.service_id === closed.serviceId)).toBe(true);
    } finally {
      sqlite().prepare("UPDATE service SET status = 'active' WHERE id = ?").run(closed.serviceId);
    }
  });
});

describe("a use case that fails half-way", () => {
  it("leaves nothing of it written: confirming stays undone when storing the package fails", async () => {
    const { screeningId, caseId } = await app.screenedPersona(personas.evictionFamily, { confirm: false });
    const state = () => ({
      screening: one("SELECT status, version, snapshot FROM screening WHERE id = ?", screeningId),
      events: all("SELECT type FROM screening_event WHERE screening_id = ?", screeningId),
      members: all("SELECT relation FROM case_member WHERE case_id = ?", caseId),
      people: one("SELECT count(*) AS n FROM person"),
      pathways: all("SELECT id FROM pathway_instance WHERE case_id = ?", caseId),
      packages: all("SELECT id FROM proposed_package WHERE case_id = ?", caseId),
      unmet: all("SELECT need_code FROM unmet_need WHERE case_id = ?", caseId),
      outbox: one("SELECT count(*) AS n FROM outbox"),
    });
    const before = state();
    sqlite().exec("CREATE TRIGGER refuse_package BEFORE INSERT ON package_item BEGIN SELECT RAISE(ABORT, 'package store unavailable'); END;");
    try {
      await expect(app.confirmScreening({ screeningId, actor: { kind: "citizen" }, channel: "online" })).rejects.toThrow("package store unavailable");
    } finally {
      sqlite().exec("DROP TRIGGER refuse_package");
    }
    expect(state()).toEqual(before);
    // And the same confirmation goes through once storing works again.
    expect(await app.confirmScreening({ screeningId, actor: { kind: "citizen" }, channel: "online" })).toEqual({ kind: "moved", next: "complete" });
    expect(state().packages).toHaveLength(1);
  });
});

describe("staff acting for a person at the counter", () => {
  it("are recorded as themselves on the walk-in channel: the case, every answer, the pathways' start, the consent", async () => {
    const { screeningId, caseId } = await app.screenedPersona(personas.evictionFamily, { actor: receptionist, channel: "walk-in" });
    expect(one("SELECT channel FROM case_record WHERE id = ?", caseId)).toEqual({ channel: "walk-in" });
    const events = all<{ actor: string; channel: string }>("SELECT actor, channel FROM screening_event WHERE screening_id = ?", screeningId);
    expect(events.length).toBe(personas.evictionFamily.events.length + 2);
    for (const event of events) expect({ actor: JSON.parse(event.actor) as unknown, channel: event.channel }).toEqual({ actor: receptionist, channel: "walk-in" });
    const starts = all("SELECT e.actor, e.channel FROM pathway_event e JOIN pathway_instance p ON p.id = e.instance_id WHERE p.case_id = ? AND e.type = 'xstate.init'", caseId);
    expect(starts.length).toBeGreaterThan(0);
    for (const start of starts) expect(start).toEqual({ actor: "staff:staff-7", channel: "walk-in" });

    const { awaiting } = await (await import("#app/case/case-package.server.ts")).consentOptions((await import("#app/db.server.ts")).getStores().cases, caseId);
    const chosen = awaiting[0]!.serviceId;
    const given = await app.giveConsent({ caseId, serviceIds: [chosen], actor: receptionist, channel: "phone", consentText: "test", details: someonesDetails });
    expect(given).toMatchObject({ kind: "given", referrals: 1 });
    expect(all("SELECT service_id, recorded_by, channel FROM consent WHERE case_id = ?", caseId)).toEqual([{ service_id: chosen, recorded_by: "staff:staff-7", channel: "phone" }]);
    expect(all("SELECT e.actor, e.channel FROM pathway_event e JOIN pathway_instance p ON p.id = e.instance_id WHERE p.case_id = ? AND e.type = 'CONSENT_GIVEN'", caseId)).toEqual([
      { actor: "staff:staff-7", channel: "phone" },
    ]);
  });
});

describe("migration 0014 (case record) on a database with data", () => {
  it("makes each screening a case of its own under the id everything already names it by, and keeps every event", () => {
    const { db, close } = databaseBefore("0014");
    try {
      db.$client.exec(oneService);
      db.$client.exec(`
        INSERT INTO screening (id, questionnaire_version, machine_version, snapshot, answers, language, channel, status, created_at, updated_at)
          VALUES ('finished', 'v', 1, '{}', '{}', 'fi', 'online', 'complete', 1, 2), ('unfinished', 'v', 1, '{}', '{}', 'sv', 'phone', 'in-progress', 3, 4);
        INSERT INTO screening_event (screening_id, type, step, actor, channel, at)
          VALUES ('finished', 'started', NULL, '{"kind":"citizen"}', 'online', 1), ('finished', 'confirmed', NULL, '{"kind":"citizen"}', 'online', 2),
                 ('unfinished', 'started', NULL, '{"kind":"citizen"}', 'phone', 3);
        INSERT INTO pathway_instance (id, case_id, machine_id, machine_version, snapshot, state, status, last_sequence, created_at, updated_at)
          VALUES ('p1', 'finished', 'eviction-risk', 1, '{}', 'awaitingConsent', 'active', 1, 1, 1);
        INSERT INTO pathway_event (instance_id, sequence, type, payload, actor, occurred_at, recorded_at, machine_version)
          VALUES ('p1', 0, 'xstate.init', '{}', 'citizen', 'x', 1, 1), ('p1', 1, 'PACKAGE_PROPOSED', '{}', 'system:matcher', 'x', 1, 1);
        INSERT INTO consent (case_id, service_id, organization_id, data_categories, purpose, text_version, given_at, recorded_by)
          VALUES ('finished', 1, 1, '[]', 'referral', 'v', 1, 'citizen');
      `);
      const screeningsBefore = db.$client.prepare("SELECT * FROM screening ORDER BY id").all() as Record<string, unknown>[];
      const eventsBefore = db.$client.prepare("SELECT * FROM screening_event ORDER BY id").all();

      migrateDatabase(db);

      expect(db.$client.prepare("SELECT id, channel, created_at FROM case_record ORDER BY id").all()).toEqual([
        { id: "finished", channel: "online", created_at: 1 },
        { id: "unfinished", channel: "phone", created_at: 3 },
      ]);
      expect(db.$client.prepare("SELECT id, case_id, person_id, relation FROM case_member ORDER BY id").all()).toEqual([
        { id: "finished", case_id: "finished", person_id: "finished", relation: "person-screened" },
        { id: "unfinished", case_id: "unfinished", person_id: "unfinished", relation: "person-screened" },
      ]);
      expect(db.$client.prepare("SELECT * FROM screening ORDER BY id").all()).toEqual(screeningsBefore.map((row) => ({ ...row, case_id: row.id, member_id: row.id })));
      expect(db.$client.prepare("SELECT * FROM screening_event ORDER BY id").all()).toEqual(eventsBefore);
      // The append-only log is not rewritten: its events keep no channel.
      expect(db.$client.prepare("SELECT actor, channel FROM pathway_event ORDER BY sequence").all()).toEqual([
        { actor: "citizen", channel: null },
        { actor: "system:matcher", channel: null },
      ]);
      expect(db.$client.prepare("SELECT case_id, recorded_by, channel FROM consent").all()).toEqual([{ case_id: "finished", recorded_by: "citizen", channel: "online" }]);
      // The screening's events still go with it.
      db.$client.prepare("DELETE FROM screening WHERE id = 'unfinished'").run();
      expect(db.$client.prepare("SELECT count(*) AS n FROM screening_event WHERE screening_id = 'unfinished'").get()).toEqual({ n: 0 });
    } finally {
      close();
    }
  });

  it("fails the start when a reference is left dangling, rather than carrying on with broken rows, and turns the checks back on", () => {
    const { db, close } = databaseBefore("0014");
    try {
      db.$client.exec(oneService);
      // A consent for a service that is not there, as a database written with the checks off could hold.
      db.$client.pragma("foreign_keys = OFF");
      db.$client.exec(`INSERT INTO consent (case_id, service_id, organization_id, data_categories, purpose, text_version, given_at, recorded_by)
        VALUES ('gone', 99, 1, '[]', 'referral', 'v', 1, 'citizen');`);
      db.$client.pragma("foreign_keys = ON");

      expect(() => migrateDatabase(db)).toThrow(/Migrations left 1 references dangling: .*"table":"consent"/);
      expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    } finally {
      close();
    }
  });
});
