import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

const folder = mkdtempSync(join(tmpdir(), "luukku-secret-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/**
 * serverSecret as a server starting with a database in `directory` would load it (modules
 * fresh, no SESSION_SECRET): the secret, or the message of the configuration error.
 */
async function secretBeside(directory: string): Promise<{ secret: string } | { refused: string }> {
  vi.resetModules();
  vi.stubEnv("SESSION_SECRET", undefined);
  vi.stubEnv("DATABASE_PATH", join(directory, "luukku.db"));
  const { EnvironmentError } = await import("#app/env.server.ts");
  const { serverSecret } = await import("#app/server-secret.server.ts");
  try {
    return { secret: serverSecret() };
  } catch (error) {
    if (error instanceof EnvironmentError) return { refused: error.message };
    throw error;
  }
}

let directories = 0;
/** A directory of its own for each test, holding a `session-secret` file with `content` (none when undefined). */
function directoryWith(content?: string): string {
  const directory = join(folder, `case-${++directories}`);
  if (content !== undefined) {
    mkdirSync(directory);
    writeFileSync(join(directory, "session-secret"), content);
  }
  return directory;
}

beforeEach(() => vi.unstubAllEnvs());

describe("the server secret", () => {
  it("is made on first start, readable by the owner only, and the same on the next start", async () => {
    const directory = directoryWith();
    const first = await secretBeside(directory);
    if (!("secret" in first)) throw new Error(first.refused);
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(directory, "session-secret")).mode & 0o777).toBe(0o600);
    expect(await secretBeside(directory)).toEqual(first);
    expect(readFileSync(join(directory, "session-secret"), "utf8")).toBe(first.secret);
  });

  it.each([
    ["empty", ""],
    ["only white space", " \n\t \n"],
    ["31 characters", "a".repeat(31)],
  ])("is refused at start-up, naming the file, when the file is %s", async (_label, content) => {
    const directory = directoryWith(content);
    const { refused } = (await secretBeside(directory)) as { refused: string };
    expect(refused).toContain(`${join(directory, "session-secret")} is empty or shorter than 32 characters`);
    expect(refused).not.toContain("\n");
    expect(readFileSync(join(directory, "session-secret"), "utf8")).toBe(content);
  });

  it("is read from a file of 32 characters or more, without the spaces around it", async () => {
    const directory = directoryWith(`  ${"b".repeat(32)}\n`);
    expect(await secretBeside(directory)).toEqual({ secret: "b".repeat(32) });
  });
});
