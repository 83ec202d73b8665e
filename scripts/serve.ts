/**
 * The production server: validates the environment, brings the database up to date,
 * then serves the React Router build with Express. Our own server rather than
 * `react-router-serve` so that request logs never contain query strings (search text can
 * be sensitive) and the process shuts down cleanly (docs/decisions/009).
 */
import compression from "compression";
import express, { type RequestHandler } from "express";
import expressStaticGzip from "express-static-gzip";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "react-router";
import { withoutLinkToken } from "#app/security.server.ts";
import { environmentOrExit } from "./environment.ts";
import { setUpDatabase } from "./set-up-database.ts";
import { startWorkers } from "./workers.ts";

const environment = environmentOrExit();
// Imported once the environment is known to be valid: the pages' modules read it as they load.
const { guardRequests } = await import("./http-guards.ts");
const { createReactRouterHandler } = await import("./react-router-handler.ts");

const { seededDemo } = await setUpDatabase(environment.DATABASE_PATH, { seedDemo: environment.SEED_DEMO_DATA });
if (seededDemo) console.log(`Seeded the demo catalogue into ${environment.DATABASE_PATH}.`);

const buildPath = resolve("build/server/index.js");
if (!existsSync(buildPath)) {
  console.error("No build found: run `npm run build` first (or `npm start`, which builds).");
  process.exit(1);
}
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

/** Method, path without the query or an emailed link's token, status and time: enough to operate, nothing personal. */
const logRequests: RequestHandler = (request, response, next) => {
  const started = process.hrtime.bigint();
  response.on("finish", () => {
    const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`${request.method} ${withoutLinkToken(request.path)} ${response.statusCode} ${milliseconds.toFixed(1)} ms`);
  });
  next();
};

const app = express();
app.disable("x-powered-by");
// Behind a TLS-terminating proxy (TRUST_PROXY), the client's address, protocol and host are the ones the proxy forwards.
app.set("trust proxy", environment.TRUST_PROXY);
app.use(compression());
// Fingerprinted assets never change; everything else in public/ may. Assets go out as
// compressed at build time (brotli where the browser takes it, else gzip).
app.use(
  "/assets",
  expressStaticGzip("build/client/assets", {
    enableBrotli: true,
    orderPreference: ["br", "gz"],
    serveStatic: { immutable: true, maxAge: "1y", index: false },
  }),
);
app.use(express.static("build/client", { maxAge: "1h", index: false }));
if (environment.NODE_ENV !== "test") app.use(logRequests);
guardRequests(app, { build, environment });
app.use(createReactRouterHandler(build, { mode: environment.NODE_ENV, publicOrigin: environment.PUBLIC_URL }));

// The timers, retention and the outbox dispatcher, unless they run as processes of their own (`npm run worker`).
const workers = environment.RUN_WORKERS ? startWorkers(environment) : undefined;

const server = app.listen(environment.PORT, () => {
  console.log(`Luukku is serving http://localhost:${environment.PORT}`);
});

function shutDown(signal: string) {
  console.log(`${signal}: finishing open requests, then stopping.`);
  const workersStopped = workers?.stop();
  server.close(() => {
    void Promise.resolve(workersStopped).finally(() => process.exit(0));
  });
  // Keep-alive connections would hold the close open; give them a moment, then go.
  setTimeout(() => process.exit(0), 5000).unref();
  server.closeIdleConnections();
}
process.on("SIGTERM", () => shutDown("SIGTERM"));
process.on("SIGINT", () => shutDown("SIGINT"));
