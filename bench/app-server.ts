/** The production build, started as `npm start` starts it, for the HTTP and page-weight benchmarks. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { personas } from "#pathways/screening/personas.ts";

/** The command, pinned to one core where `taskset` exists (so the load generator has the other). */
export const pin = (core: number, command: string[]) =>
  existsSync("/usr/bin/taskset") ? ["taskset", "-c", String(core), ...command] : command;

export function start(command: string[], environment: Record<string, string>, cwd = "."): ChildProcess {
  const [program, ...args] = command;
  return spawn(program!, args, { cwd, env: { ...process.env, ...environment }, stdio: ["ignore", "ignore", "inherit"] });
}

/** Clock ticks per second of /proc's CPU times: 100 on Linux everywhere we run. */
const ticksPerSecond = 100;

/**
 * CPU time (user and system) a process has used so far, in milliseconds, from /proc (taskset
 * execs the server, so the child's pid is the server's); NaN where there is no /proc.
 */
export function processCpuMilliseconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return Number.NaN;
  }
}

export async function waitFor(url: string): Promise<void> {
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

/**
 * Builds if needed, then serves the build on a new seeded database in a temporary folder.
 * `checkout` serves another checkout of Luukku (an earlier commit, to compare with) instead
 * of this one.
 */
export function startProductionServer(
  port: number,
  { core, checkout = "." }: { core?: number; checkout?: string } = {},
): { ready: Promise<string>; stop: () => Promise<void>; cpuMilliseconds: () => number } {
  if (!existsSync(join(checkout, "build/server/index.js"))) spawnSync("npm", ["run", "build"], { stdio: "inherit", cwd: checkout });
  const folder = mkdtempSync(join(tmpdir(), "luukku-bench-"));
  const command = [process.execPath, "--import", "tsx", "scripts/serve.ts"];
  const server = start(
    core === undefined ? command : pin(core, command),
    { PORT: String(port), DATABASE_PATH: join(folder, "bench.db"), NODE_ENV: "production", RATE_LIMIT_SCALE: "1000" },
    checkout,
  );
  let stopping = false;
  server.on("exit", (code, signal) => {
    if (!stopping) console.error(`The server of ${checkout} on port ${port} ended by itself (${signal ?? `exit code ${code}`})`);
  });
  const base = `http://localhost:${port}`;
  return {
    ready: waitFor(`${base}/healthz`).then(() => base),
    cpuMilliseconds: () => processCpuMilliseconds(server.pid!),
    /** Ends the server and waits until it has: the next server may then take its port. */
    stop: async () => {
      stopping = true;
      const exited = server.exitCode === null && server.signalCode === null ? once(server, "exit") : Promise.resolve();
      server.kill("SIGTERM");
      await exited;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * A screening of the older person living alone, answered as a browser would, and confirmed
 * unless asked to stop at check answers; returns its cookie.
 */
export async function completedScreeningCookie(base: string, { confirm = true } = {}): Promise<string> {
  const started = await fetch(`${base}/screening/start`, { method: "POST", redirect: "manual", headers: { Origin: base } });
  const cookie = started.headers.get("set-cookie")!.split(";")[0]!;
  const post = (path: string, values: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) for (const item of [value].flat()) body.append(name, item);
    return fetch(`${base}${path}`, { method: "POST", redirect: "manual", headers: { Cookie: cookie, Origin: base }, body });
  };
  for (const event of personas.olderPersonAlone.events) await post(`/screening/${event.step}`, event.values as Record<string, string>);
  if (confirm) await post("/screening/check-answers", {});
  return cookie;
}
