/**
 * HTTP throughput of the production build with autocannon, 50 connections, all in one run:
 * the service package page and a screening answer POST, next to the framework's floor
 * on the same build (a resource route, /healthz, and a plain document page,
 * /accessibility) and the machine's ceiling (a bare node:http hello world). The servers
 * run pinned to core 1 and the load generator to core 0 where `taskset` exists.
 * autocannon reports p97.5, not p95: the figure shown is the stricter of the two.
 * Run `npm run build` first (npm run bench does).
 */
import autocannon from "autocannon";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { personas } from "#pathways/screening/personas.ts";

const appPort = 3260;
const barePort = 3261;
const pin = (core: number, command: string[]) =>
  existsSync("/usr/bin/taskset") ? ["taskset", "-c", String(core), ...command] : command;

function start(command: string[], environment: Record<string, string>): ChildProcess {
  const [program, ...args] = command;
  return spawn(program!, args, { env: { ...process.env, ...environment }, stdio: ["ignore", "ignore", "inherit"] });
}

async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up`);
}

/** A completed screening (the older person living alone), as a browser would make it; returns its cookie. */
async function completedScreeningCookie(base: string): Promise<string> {
  const started = await fetch(`${base}/screening/start`, { method: "POST", redirect: "manual", headers: { Origin: base } });
  const cookie = started.headers.get("set-cookie")!.split(";")[0]!;
  const post = (path: string, values: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) for (const item of [value].flat()) body.append(name, item);
    return fetch(`${base}${path}`, { method: "POST", redirect: "manual", headers: { Cookie: cookie, Origin: base }, body });
  };
  for (const event of personas.olderPersonAlone.events) await post(`/screening/${event.step}`, event.values as Record<string, string>);
  await post("/screening/check-answers", {});
  return cookie;
}

interface Measured {
  label: string;
  requestsPerSecond: number;
  p97_5: number;
  errors: number;
}

async function load(label: string, options: autocannon.Options): Promise<Measured> {
  const result = await autocannon({ connections: 50, duration: 10, ...options });
  return {
    label,
    requestsPerSecond: result.requests.average,
    p97_5: result.latency.p97_5,
    // Redirects are the answer POST's success; failures are errors, 4xx and 5xx.
    errors: result.errors + result["4xx"] + result["5xx"],
  };
}

export async function runHttpBenchmark(): Promise<void> {
  if (!existsSync("build/server/index.js")) spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  const folder = mkdtempSync(join(tmpdir(), "luukku-http-bench-"));
  if (existsSync("/usr/bin/taskset")) spawnSync("taskset", ["-cp", "0", String(process.pid)], { stdio: "ignore" });
  const app = start(pin(1, [process.execPath, "--import", "tsx", "scripts/serve.ts"]), {
    PORT: String(appPort),
    DATABASE_PATH: join(folder, "bench.db"),
    NODE_ENV: "production",
    RATE_LIMIT_SCALE: "1000",
  });
  const bare = start(
    pin(1, [process.execPath, "-e", `require("node:http").createServer((q, s) => s.end("hello")).listen(${barePort})`]),
    {},
  );
  try {
    const base = `http://localhost:${appPort}`;
    await waitFor(`${base}/healthz`);
    await waitFor(`http://localhost:${barePort}/`);
    const cookie = await completedScreeningCookie(base);
    const flow = (await fetch(`${base}/screening/start`, { method: "POST", redirect: "manual", headers: { Origin: base } })).headers
      .get("set-cookie")!
      .split(";")[0]!;

    const results = [
      await load("bare node:http hello world (ceiling)", { url: `http://localhost:${barePort}/` }),
      await load("resource route /healthz (framework floor)", { url: `${base}/healthz` }),
      await load("plain page /accessibility (document floor)", { url: `${base}/accessibility`, headers: { "Accept-Language": "en" } }),
      await load("service package page", { url: `${base}/screening/complete`, headers: { Cookie: cookie, "Accept-Language": "en" } }),
      await load("screening answer POST (validate, transition, store, redirect)", {
        url: `${base}/screening/help-for`,
        method: "POST",
        headers: { Cookie: flow, Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
        body: "helpFor=self",
      }),
    ];
    const floor = results[2]!.requestsPerSecond;
    console.log("\nHTTP, 50 connections, 10 s each (server on core 1, load on core 0)");
    console.log("route | requests/s | p97.5 | errors | share of the document floor");
    for (const result of results) {
      console.log(
        `${result.label} | ${result.requestsPerSecond.toFixed(0)} | ${result.p97_5} ms | ${result.errors} | ${((result.requestsPerSecond / floor) * 100).toFixed(0)}%`,
      );
    }
  } finally {
    app.kill("SIGTERM");
    bare.kill("SIGTERM");
    rmSync(folder, { recursive: true, force: true });
  }
}
