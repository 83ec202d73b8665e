import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { limitsPort } from "../../playwright.config.ts";
import { expect, test } from "./fixtures.ts";

test("the server stops cleanly on SIGTERM, as a container platform stops it", async () => {
  test.setTimeout(60_000);
  const folder = mkdtempSync(join(tmpdir(), "luukku-shutdown-"));
  const port = limitsPort + 1;
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    env: { ...process.env, PORT: String(port), DATABASE_PATH: join(folder, "luukku.db"), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));
  try {
    await expect.poll(() => fetch(`http://localhost:${port}/healthz`).then((response) => response.status, () => 0), { timeout: 30_000 }).toBe(200);
    // A keep-alive connection left open must not hold the stop.
    await fetch(`http://localhost:${port}/accessibility`, { headers: { Connection: "keep-alive" } });
    const signalled = Date.now();
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(output).toContain("SIGTERM: finishing open requests, then stopping.");
    await expect(fetch(`http://localhost:${port}/healthz`)).rejects.toThrow();
  } finally {
    server.kill("SIGKILL");
    rmSync(folder, { recursive: true, force: true });
  }
});
