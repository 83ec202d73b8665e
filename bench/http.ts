/**
 * HTTP throughput of the production build with autocannon, 50 connections, all in one run:
 * the service package page and a screening answer POST, next to the framework's floor
 * on the same build (a resource route, /healthz, and a plain document page,
 * /accessibility: no loader, the lightest page we serve; an unknown path's not-found page
 * was measured too and is slower, so it is no floor) and the machine's ceiling (a bare
 * node:http hello world); and the package page again at 10 connections, for its latency
 * with less queueing. The servers run pinned to core 1 and the load generator to core 0
 * where `taskset` exists.
 * autocannon reports p97.5, not p95: the figure shown is the stricter of the two.
 * Run `npm run build` first (npm run bench does).
 */
import autocannon from "autocannon";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { completedScreeningCookie, pin, start, startProductionServer, waitFor } from "./app-server.ts";

const appPort = 3260;
const barePort = 3261;

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
  if (existsSync("/usr/bin/taskset")) spawnSync("taskset", ["-cp", "0", String(process.pid)], { stdio: "ignore" });
  const app = startProductionServer(appPort, { core: 1 });
  const bare = start(
    pin(1, [process.execPath, "-e", `require("node:http").createServer((q, s) => s.end("hello")).listen(${barePort})`]),
    {},
  );
  try {
    const base = await app.ready;
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
      // The latency a person sees when fewer are waiting: at 50 connections the wait is
      // mostly queueing (connections / throughput), whatever a page costs.
      await load("service package page, 10 connections", {
        url: `${base}/screening/complete`,
        headers: { Cookie: cookie, "Accept-Language": "en" },
        connections: 10,
      }),
      await load("screening answer POST (validate, transition, store, redirect)", {
        url: `${base}/screening/help-for`,
        method: "POST",
        headers: { Cookie: flow, Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
        body: "helpFor=self",
      }),
    ];
    const floor = results[2]!.requestsPerSecond;
    console.log("\nHTTP, 50 connections unless said, 10 s each (server on core 1, load on core 0)");
    console.log("route | requests/s | p97.5 | errors | share of the document floor");
    for (const result of results) {
      console.log(
        `${result.label} | ${result.requestsPerSecond.toFixed(0)} | ${result.p97_5} ms | ${result.errors} | ${((result.requestsPerSecond / floor) * 100).toFixed(0)}%`,
      );
    }
  } finally {
    app.stop();
    bare.kill("SIGTERM");
  }
}
