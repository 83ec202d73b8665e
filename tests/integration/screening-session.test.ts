import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { newFlow } from "#pathways/screening/flow.ts";
import { personas } from "#pathways/screening/personas.ts";
import { insertInNewCase } from "../support/case.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/**
 * How long a browser's flow cookie opens a screening, finished or not, on a real SQLite
 * file with the clock faked: the app's own modules are loaded once DATABASE_PATH and the
 * cookie secret are set (the flow cookie is made as its module loads).
 */
let database: TestDatabase;
let app: typeof import("#app/screening.server.ts") & typeof import("#app/consent.server.ts") & typeof import("#app/session.server.ts") & typeof import("#app/db.server.ts");
const minute = 60_000;
const started = new Date("2026-03-01T09:00:00Z");
const at = (minutes: number, milliseconds = 0) => vi.setSystemTime(started.getTime() + minutes * minute + milliseconds);

beforeAll(async () => {
  database = createTestDatabase({ seedDemo: false });
  process.env.DATABASE_PATH = database.path;
  process.env.SESSION_SECRET = "a-test-secret-that-is-long-enough-for-the-schema";
  const modules = await Promise.all([import("#app/screening.server.ts"), import("#app/consent.server.ts"), import("#app/session.server.ts"), import("#app/db.server.ts")]);
  app = Object.assign({}, ...modules) as typeof app;
});
afterAll(() => database.close());
beforeEach(() => vi.useFakeTimers({ toFake: ["Date"], now: started }));
afterEach(() => vi.useRealTimers());

/** A screening as the browser that holds its cookie sees it; the persona's answers, confirmed or not. */
async function screeningInBrowser(status: "complete" | "in-progress", answers: object = personas.dangerAtHome.answers) {
  const id = app.newFlowId();
  await insertInNewCase(app.getStores(), {
    id,
    questionnaireVersion: "test",
    machineVersion: 1,
    snapshot: newFlow(),
    answers,
    language: "en",
    channel: "online",
    status,
  });
  const cookie = (await app.flowCookie.serialize(id)).split(";")[0]!;
  const request = (method = "GET", body?: URLSearchParams) => new Request("http://luukku.test/screening/complete", { method, body, headers: { Cookie: cookie } });
  return { id, request };
}

/** The page a thrown redirect leads to, or "opened" when the call gave a page. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "opened";
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.headers.get("Location") ?? `status ${thrown.status}`;
    throw thrown;
  }
}

/** Every page of a finished screening the flow cookie opens: the package, the consent page, consent itself, urgent help. */
function finishedPages(request: (method?: string, body?: URLSearchParams) => Request) {
  return Promise.all([
    outcome(app.loadPackage(request(), "en")),
    outcome(app.loadConsentPage(request(), "en")),
    outcome(app.submitConsent(request("POST"), new FormData(), "en")),
    outcome(app.loadUrgentHelp(request())),
  ]);
}

describe("a finished screening in the browser that finished it", () => {
  it("opens while used within 30 minutes, and goes to the timed-out page once idle for longer", async () => {
    const { request } = await screeningInBrowser("complete");
    at(30);
    expect(await finishedPages(request)).toEqual(["opened", "opened", "opened", "opened"]);
    // Opening a page was using it: the idle time counts from there.
    at(60);
    expect(await outcome(app.loadPackage(request(), "en"))).toBe("opened");
    at(90, 1);
    expect(await finishedPages(request)).toEqual(Array(4).fill("/screening/timed-out"));
  });

  it("is not reopened by a page asked for after the limit", async () => {
    const { request } = await screeningInBrowser("complete");
    at(31);
    expect(await outcome(app.loadPackage(request(), "en"))).toBe("/screening/timed-out");
    at(32);
    expect(await outcome(app.loadPackage(request(), "en"))).toBe("/screening/timed-out");
  });

  it("stays open for a person who chose 'Stay on this page'", async () => {
    const { request } = await screeningInBrowser("complete");
    at(29, 30_000);
    await app.extendSession(request("POST"));
    at(59);
    expect(await outcome(app.loadConsentPage(request(), "en"))).toBe("opened");
  });
});

describe("Exit this page", () => {
  it("ends a finished screening's session: the same cookie opens none of its pages", async () => {
    const { request } = await screeningInBrowser("complete");
    at(1);
    await app.endSession(request("POST"));
    expect(await finishedPages(request)).toEqual(Array(4).fill("/screening/timed-out"));
  });

  it("ends a screening in progress, whose saved answers still come back with their code", async () => {
    const { request } = await screeningInBrowser("in-progress", {});
    at(1);
    const { code } = await app.saveForLater(request("POST"));
    await app.endSession(request("POST"));
    expect(await outcome(app.loadPage(request(), "help-for"))).toBe("/screening/timed-out");
    const resume = new Request("http://luukku.test/screening/resume", { method: "POST", body: new URLSearchParams({ code }) });
    expect(await outcome(app.resumeWithCode(resume))).toBe("/screening/help-for");
    expect(await outcome(app.loadPage(request(), "help-for"))).toBe("opened");
  });

  it("leaves another person's screening as it was", async () => {
    const mine = await screeningInBrowser("complete");
    const theirs = await screeningInBrowser("complete");
    at(1);
    await app.endSession(mine.request("POST"));
    expect(await outcome(app.loadPackage(theirs.request(), "en"))).toBe("opened");
  });
});
