import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "#db/client.ts";

const folder = mkdtempSync(join(tmpdir(), "luukku-startup-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function run(script: string, environment: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, NODE_ENV: "production", ...environment },
    encoding: "utf8",
    timeout: 60_000,
  });
}

// Each case starts Node with tsx twice: seconds each on a busy two-core machine.
describe("start-up", { timeout: 30_000 }, () => {
  it.each([
    ["PORT", "not-a-port"],
    ["DATABASE_PATH", ""],
    ["SEED_DEMO_DATA", "maybe"],
  ])("stops with one clear line when %s=%j", (name, value) => {
    for (const script of ["scripts/serve.ts", "scripts/prepare-db.ts"]) {
      const result = run(script, { DATABASE_PATH: join(folder, "never.db"), [name]: value });
      expect(result.status, script).toBe(1);
      const lines = result.stderr.trim().split("\n");
      expect(lines, script).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^Invalid environment variable ${name}=`));
    }
  });

  it("names SMTP_URL and what is wrong with it without printing it, password and all", () => {
    const result = run("scripts/serve.ts", { DATABASE_PATH: join(folder, "never.db"), SMTP_URL: "http://luukku:hunter2-secret@mail.example.fi" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Invalid environment variable SMTP_URL=\(value not shown\): must be an smtp:\/\/ or smtps:\/\/ address$/);
    expect(result.stdout + result.stderr).not.toContain("hunter2");
  });

  it("stops with one clear line naming the session-secret file when it is empty", () => {
    const directory = join(folder, "empty-secret");
    mkdirSync(directory);
    writeFileSync(join(directory, "session-secret"), "\n");
    const result = run("scripts/serve.ts", { DATABASE_PATH: join(directory, "luukku.db") });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${join(directory, "session-secret")} is empty or shorter than 32 characters`);
  });

  it("creates, migrates and seeds a database that does not exist yet, once", () => {
    const path = join(folder, "nested", "fresh.db");
    const first = run("scripts/prepare-db.ts", { DATABASE_PATH: path });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("demo catalogue seeded");
    const second = run("scripts/prepare-db.ts", { DATABASE_PATH: path });
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).not.toContain("seeded");
    const db = openDatabase(path);
    const services = (db.$client.prepare("SELECT count(*) AS n FROM service").get() as { n: number }).n;
    db.$client.close();
    expect(services).toBeGreaterThanOrEqual(80);
  });
});
