import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/**
 * Resume and access codes on a real SQLite file, through the app's own connection and
 * actions: stored hashes are keyed with the server secret, and codes saved while hashes
 * were plain SHA-256 still work once the server has started on the database again.
 */
let database: TestDatabase;

beforeAll(() => {
  database = createTestDatabase({ seedDemo: false });
  process.env.DATABASE_PATH = database.path;
  process.env.SESSION_SECRET = "a-test-secret-that-is-long-enough-for-the-schema";
});
afterAll(() => database.close());

const sqlite = () => database.db.$client;

/** A code's hash as Luukku stored it before hashes were keyed: SHA-256 of a label and the code, in hex. */
const plainHash = (label: "luukku-resume:" | "luukku-access:", code: string) => createHash("sha256").update(`${label}${code}`).digest("hex");

/** The app as a server process that has just started: fresh modules, the database set up as at every start, and a connection of its own opened anew. */
async function startedServer() {
  vi.resetModules();
  const { setUpDatabase } = await import("../../scripts/set-up-database.ts");
  await setUpDatabase(database.path, { seedDemo: false });
  const screening = await import("#app/screening.server.ts");
  const tracking = await import("#app/tracking.server.ts");
  const { flowCookie } = await import("#app/session.server.ts");
  return { screening, tracking, flowCookie };
}

/** A form post, as the browser sends it. */
const post = (path: string, fields: Record<string, string>) =>
  new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(fields) });

/** What an action threw: the redirect it answers with. */
async function thrownResponse(action: Promise<unknown>): Promise<Response> {
  const outcome = await action.then(
    (value) => value,
    (thrown: unknown) => thrown,
  );
  if (!(outcome instanceof Response)) throw new Error(`expected a response, got ${JSON.stringify(outcome)}`);
  return outcome;
}

/** A new screening in the database, saved for later with `resumeCodeHash` stored as its code's hash; its id. */
async function savedScreening(server: Awaited<ReturnType<typeof startedServer>>, resumeCodeHash: string): Promise<string> {
  const started = await server.screening.startScreening("en");
  const flowId = (await server.flowCookie.parse(started.headers.get("Set-Cookie")!.split(";")[0]!))!;
  sqlite().prepare("UPDATE screening SET resume_code_hash = ?, saved_at = ? WHERE id = ?").run(resumeCodeHash, Date.now(), flowId);
  return flowId;
}

function caseWithAccessCodeHash(caseId: string, reference: string, accessCodeHash: string): void {
  sqlite().prepare("INSERT INTO case_reference (case_id, reference, access_code_hash, created_at) VALUES (?, ?, ?, ?)").run(caseId, reference, accessCodeHash, Date.now());
}

describe("resume and access code hashes", () => {
  it("saved before hashes were keyed, still open the screening and the case; no plain hash is left", async () => {
    const before = await startedServer();
    const flowId = await savedScreening(before, plainHash("luukku-resume:", "K7QM2XWP9HTD"));
    caseWithAccessCodeHash("case-from-before", "LK-AB12-CD34", plainHash("luukku-access:", "A1B2C3D4E5F6"));

    const server = await startedServer();
    const resumed = await thrownResponse(server.screening.resumeWithCode(post("/screening/resume", { code: "k7qm-2xwp-9htd" })));
    expect(resumed.status).toBe(302);
    expect(await server.flowCookie.parse(resumed.headers.get("Set-Cookie")!.split(";")[0]!)).toBe(flowId);
    const tracked = await thrownResponse(server.tracking.lookUpCase(post("/track", { reference: "LK-AB12-CD34", accessCode: "A1B2-C3D4-E5F6" })));
    expect(tracked.headers.get("Location")).toBe("/track/referrals");

    const resumeHash = (sqlite().prepare("SELECT resume_code_hash AS hash FROM screening WHERE id = ?").get(flowId) as { hash: string }).hash;
    const accessHash = (sqlite().prepare("SELECT access_code_hash AS hash FROM case_reference WHERE case_id = 'case-from-before'").get() as { hash: string }).hash;
    expect(resumeHash).toMatch(/^hmac:[0-9a-f]{64}$/);
    expect(accessHash).toMatch(/^hmac:[0-9a-f]{64}$/);
  });

  it("hashed without the key (a plain hash written by anyone but the server) opens nothing", async () => {
    const server = await startedServer();
    // The server's connection is open, so what is written now is not keyed on its start.
    await server.screening.startScreening("en");
    await savedScreening(server, plainHash("luukku-resume:", "9HTD2XWPK7QM"));
    caseWithAccessCodeHash("case-plain", "LK-EF56-GH78", plainHash("luukku-access:", "F6E5D4C3B2A1"));

    expect(await server.screening.resumeWithCode(post("/screening/resume", { code: "9HTD-2XWP-K7QM" }))).toEqual({
      error: "resume.errors.notFound",
      code: "9HTD-2XWP-K7QM",
    });
    expect(await server.tracking.lookUpCase(post("/track", { reference: "LK-EF56-GH78", accessCode: "F6E5-D4C3-B2A1" }))).toEqual({
      errors: { reference: "track.errors.notFound" },
      reference: "LK-EF56-GH78",
    });
  });

  it("saved now, open what they were given for and differ by purpose and by secret", async () => {
    const server = await startedServer();
    const { hashAccessCode, hashResumeCode } = await import("#app/resume-code.server.ts");
    const flowId = await savedScreening(server, hashResumeCode("M2XW9HTDK7QP"));
    const resumed = await thrownResponse(server.screening.resumeWithCode(post("/screening/resume", { code: "M2XW-9HTD-K7QP" })));
    expect(await server.flowCookie.parse(resumed.headers.get("Set-Cookie")!.split(";")[0]!)).toBe(flowId);

    expect(hashResumeCode("M2XW9HTDK7QP")).not.toBe(hashAccessCode("M2XW9HTDK7QP"));
    vi.stubEnv("SESSION_SECRET", "another-secret-that-is-also-long-enough-here");
    vi.resetModules();
    const underAnotherSecret = await import("#app/resume-code.server.ts");
    expect(underAnotherSecret.hashResumeCode("M2XW9HTDK7QP")).not.toBe(hashResumeCode("M2XW9HTDK7QP"));
    vi.unstubAllEnvs();
  });
});
