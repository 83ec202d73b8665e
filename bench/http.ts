/**
 * HTTP throughput of the production build with autocannon, 50 connections, all in one run:
 * the service package page and a screening answer POST, next to the framework's floor
 * on the same build (a resource route, /healthz, and a plain document page,
 * /accessibility: no loader, the lightest page we serve; an unknown path's not-found page
 * was measured too and is slower, so it is no floor) and the machine's ceiling (a bare
 * node:http hello world); and the package page again at 10 connections, for its latency
 * with less queueing. The servers run pinned to core 1 and the load generator to core 0
 * where `taskset` exists.
 * autocannon reports p97.5, not p95: the figure shown is the stricter of the two. The
 * server's CPU time per request is read from /proc around each load. A checkout without a
 * build is built first.
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
  /** Server CPU time (user and system) per request, in milliseconds. */
  cpuPerRequest: number;
}

async function load(label: string, options: autocannon.Options, cpuMilliseconds: () => number = () => Number.NaN): Promise<Measured> {
  const cpuBefore = cpuMilliseconds();
  const result = await autocannon({ connections: 50, duration: 10, ...options });
  return {
    label,
    requestsPerSecond: result.requests.average,
    p97_5: result.latency.p97_5,
    // Redirects are the answer POST's success; failures are errors, 4xx and 5xx.
    errors: result.errors + result["4xx"] + result["5xx"],
    cpuPerRequest: (cpuMilliseconds() - cpuBefore) / result.requests.total,
  };
}

/** The app's routes under load, on the build of one checkout: the floor, the package page at 50 and 10 connections, an answer POST. */
async function measureApp(checkout: string): Promise<Measured[]> {
  const app = startProductionServer(appPort, { core: 1, checkout });
  try {
    const base = await app.ready;
    const cookie = await completedScreeningCookie(base);
    const flow = (await fetch(`${base}/screening/start`, { method: "POST", redirect: "manual", headers: { Origin: base } })).headers
      .get("set-cookie")!
      .split(";")[0]!;
    const cpu = app.cpuMilliseconds;
    return [
      await load("resource route /healthz (framework floor)", { url: `${base}/healthz` }, cpu),
      await load("plain page /accessibility (document floor)", { url: `${base}/accessibility`, headers: { "Accept-Language": "en" } }, cpu),
      await load("service package page", { url: `${base}/screening/complete`, headers: { Cookie: cookie, "Accept-Language": "en" } }, cpu),
      // The latency a person sees when fewer are waiting: at 50 connections the wait is
      // mostly queueing (connections / throughput), whatever a page costs.
      await load("service package page, 10 connections", { url: `${base}/screening/complete`, headers: { Cookie: cookie, "Accept-Language": "en" }, connections: 10 }, cpu),
      await load(
        "screening answer POST (validate, transition, store, redirect)",
        {
          url: `${base}/screening/help-for`,
          method: "POST",
          headers: { Cookie: flow, Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
          body: "helpFor=self",
        },
        cpu,
      ),
    ];
  } finally {
    await app.stop();
  }
}

/** The mean of several runs of the same loads, load by load. */
function averaged(runs: readonly Measured[][]): Measured[] {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return runs[0]!.map((first, index) => ({
    label: first.label,
    requestsPerSecond: mean(runs.map((run) => run[index]!.requestsPerSecond)),
    p97_5: Math.round(mean(runs.map((run) => run[index]!.p97_5))),
    errors: runs.reduce((sum, run) => sum + run[index]!.errors, 0),
    cpuPerRequest: mean(runs.map((run) => run[index]!.cpuPerRequest)),
  }));
}

function printTable(title: string, results: readonly Measured[], floor: number): void {
  console.log(`\n${title}`);
  console.log("route | requests/s | p97.5 | errors | share of the document floor | server CPU per request");
  for (const result of results) {
    const cpu = Number.isNaN(result.cpuPerRequest) ? "-" : `${result.cpuPerRequest.toFixed(2)} ms`;
    console.log(
      `${result.label} | ${result.requestsPerSecond.toFixed(0)} | ${result.p97_5} ms | ${result.errors} | ${((result.requestsPerSecond / floor) * 100).toFixed(0)}% | ${cpu}`,
    );
  }
}

/**
 * With BENCH_BASELINE set to another checkout (an earlier commit, built or not), the same
 * routes are measured on its build too, one server after the other on the same core, so
 * before and after come from one run on one machine.
 */
export async function runHttpBenchmark(): Promise<void> {
  if (existsSync("/usr/bin/taskset")) spawnSync("taskset", ["-cp", "0", String(process.pid)], { stdio: "ignore" });
  const bare = start(
    pin(1, [process.execPath, "-e", `require("node:http").createServer((q, s) => s.end("hello")).listen(${barePort})`]),
    {},
  );
  let ceiling: Measured;
  try {
    await waitFor(`http://localhost:${barePort}/`);
    ceiling = await load("bare node:http hello world (ceiling)", { url: `http://localhost:${barePort}/` });
  } finally {
    bare.kill("SIGTERM");
  }
  const baseline = process.env.BENCH_BASELINE;
  const builds = [{ name: "this checkout", checkout: "." }, ...(baseline ? [{ name: `baseline ${baseline}`, checkout: baseline }] : [])];
  // Compared, each build is measured twice, in the order A B B A, and the two averaged: the
  // server measured first in a run was seen to be slower, whichever it was.
  const order = builds.length === 2 ? [0, 1, 1, 0] : [0];
  const runs: Measured[][][] = builds.map(() => []);
  for (const index of order) runs[index]!.push(await measureApp(builds[index]!.checkout));
  const measured = builds.map((build, index) => ({ ...build, results: averaged(runs[index]!) }));
  for (const { name, results } of measured) {
    printTable(`HTTP on ${name}, 50 connections unless said, 10 s each (server on core 1, load on core 0)`, [ceiling, ...results], results[1]!.requestsPerSecond);
  }
  if (measured.length === 2) {
    const [now, before] = measured as [(typeof measured)[0], (typeof measured)[0]];
    const share = (results: Measured[]) => (results[2]!.requestsPerSecond / results[1]!.requestsPerSecond) * 100;
    console.log("\nBefore and after, in this run | baseline | this checkout");
    console.log(`package page, share of the document floor (50 connections) | ${share(before.results).toFixed(0)}% | ${share(now.results).toFixed(0)}%`);
    console.log(`package page p97.5, 10 connections | ${before.results[3]!.p97_5} ms | ${now.results[3]!.p97_5} ms`);
    console.log(`package page, server CPU per request | ${before.results[2]!.cpuPerRequest.toFixed(2)} ms | ${now.results[2]!.cpuPerRequest.toFixed(2)} ms`);
    console.log(`answer POST, server CPU per request | ${before.results[4]!.cpuPerRequest.toFixed(2)} ms | ${now.results[4]!.cpuPerRequest.toFixed(2)} ms`);
  }
}
