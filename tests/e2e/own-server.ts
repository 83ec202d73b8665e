import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "@playwright/test";
import { limitsPort } from "../../playwright.config.ts";

/**
 * Ports for the tests that start a server of their own (after the two the config starts):
 * one per spec file, so specs running side by side never share one.
 */
export const ownServerPorts = { logging: limitsPort + 1, stopping: limitsPort + 2, guards: limitsPort + 3, behindProxy: limitsPort + 4 } as const;

/** A stack frame as Node prints one: the output of a server that answered well has none. */
export const stackFrame = /^\s+at .+(?:\(|:\d+:\d+)/m;

/**
 * The production server as `npm start` runs it, on a port and database of its own, with its
 * output kept; `environment` adds to or overrides the variables.
 */
export async function startServer(port: number, environment: Record<string, string> = {}) {
  const folder = mkdtempSync(join(tmpdir(), "luukku-server-"));
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    env: { ...process.env, PORT: String(port), DATABASE_PATH: join(folder, "luukku.db"), MAIL_DROP_DIR: join(folder, "mail"), NODE_ENV: "production", ...environment },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));
  const base = `http://localhost:${port}`;
  // Start-up (tsx, migrations, seeding) takes seconds, and far longer on a busy machine.
  await expect.poll(() => fetch(`${base}/healthz`).then((response) => response.status, () => 0), { timeout: 60_000 }).toBe(200);
  return {
    base,
    exited,
    // Timings and the temporary folder's random name are left out: they may hold any digits.
    output: () => output.replaceAll(folder, "").replace(/ \d+\.\d ms$/gm, ""),
    terminate: () => server.kill("SIGTERM"),
    stop: () => {
      server.kill("SIGKILL");
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
