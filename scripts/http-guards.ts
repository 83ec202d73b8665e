/**
 * What the server checks before React Router sees a request (docs/decisions/008, 009):
 * per-client rate limits by route, whatever the method; only the methods a route uses;
 * posts from our own origin only, resource routes included; form bodies only, of a size
 * our forms can have. Each refusal is a translated page with the security headers, and
 * only the one request log line: nothing here prints a stack.
 */
import express, { type Express, type Request, type RequestHandler, type Response } from "express";
import { rateLimit, type Options as RateLimitOptions } from "express-rate-limit";
import { matchRoutes, type LinkDescriptor, type RouteObject, type ServerBuild } from "react-router";
import type { Environment } from "#app/env.server.ts";
import { citizenScreeningPrefix, emailedLinkPrefixes } from "#app/page-paths.ts";
import { refusalResponse, type Refusal } from "#app/refusal-page.server.ts";
import { formBodies, requestOrigin } from "./react-router-handler.ts";

/** Our largest form (feedback, or the free-text answers) is a few kilobytes; 64 KiB leaves room and nothing more. */
export const formBodyLimit = 64 * 1024;

const formContentType = /^application\/x-www-form-urlencoded\s*(?:;|$)/i;

/** The build's routes as a tree for `matchRoutes`, and each route's methods: GET and HEAD where it renders or loads, POST where it has an action. */
function routeRules(build: ServerBuild): { tree: RouteObject[]; methodsOf: Map<string, readonly string[]> } {
  const routes = Object.values(build.routes).filter((route) => route !== undefined);
  const childrenOf = (parentId: string | undefined): RouteObject[] =>
    routes
      .filter((route) => route.parentId === parentId)
      .map((route) => ({ id: route.id, path: route.path, index: route.index, caseSensitive: route.caseSensitive, children: childrenOf(route.id) }) as RouteObject);
  const methodsOf = new Map(
    routes.map((route) => [
      route.id,
      [...(route.module.loader || route.module.default ? ["GET", "HEAD"] : []), ...(route.module.action ? ["POST"] : [])],
    ]),
  );
  return { tree: childrenOf(undefined), methodsOf };
}

/** `/track.data` and `/_.data` (React Router's requests from JavaScript) belong to the routes `/track` and `/`. */
const routePath = (path: string) => (path.endsWith(".data") ? path.replace(/(?:\/_)?\.data$/, "") || "/" : path);

/** Installs the guards on `app`, in order, ahead of React Router's handler. */
export function guardRequests(app: Express, { build, environment }: { build: ServerBuild; environment: Environment }): void {
  const stylesheets = (build.routes.root?.module.links?.() ?? [])
    .filter((link: LinkDescriptor): link is LinkDescriptor & { href: string } => "rel" in link && link.rel === "stylesheet" && typeof link.href === "string")
    .map((link) => link.href);

  async function refuse(request: Request, response: Response, status: number, refusal: Refusal, headers: Record<string, string> = {}) {
    const page = await refusalResponse(
      { url: `http://localhost${request.originalUrl}`, path: request.path, cookie: request.get("cookie"), acceptLanguage: request.get("accept-language") },
      status,
      refusal,
      { stylesheets, headers },
    ).catch((error: unknown) => {
      console.error(`Refusal page: ${error instanceof Error ? error.message : String(error)}`);
      return new Response(null, { status, headers });
    });
    response.status(status);
    page.headers.forEach((value, name) => response.setHeader(name, value));
    response.send(Buffer.from(await page.arrayBuffer()));
  }

  const { tree, methodsOf } = routeRules(build);
  const routeOf = (response: Response): string => response.locals.routeId as string;

  const tooMany = (windowMs: number, limit: number, options: Partial<RateLimitOptions> = {}) =>
    rateLimit({
      windowMs,
      limit: limit * environment.RATE_LIMIT_SCALE,
      standardHeaders: "draft-8",
      legacyHeaders: false,
      handler: (request, response, _next, { statusCode }) => void refuse(request, response, statusCode, "tooMany"),
      // A client can send X-Forwarded-For whether or not a proxy is trusted: it must not fill the log.
      validate: { xForwardedForHeader: false },
      // A client that hung up while its request waited has no address left to count it by
      // (request.ip reads the closed socket): nothing is answered anyway, and the limiter
      // would throw on the missing key (seen under benchmark load, once taking the server down).
      skip: (request) => request.ip === undefined,
      ...options,
    });

  // Starting screenings, trying resume codes and reference numbers, sending feedback and
  // asking for emails are limited per client address, so the database cannot be flooded,
  // codes cannot be guessed and nobody's inbox filled. The limits count every request
  // that can run the route's action (refused ones too), whatever its method.
  const startingScreenings = tooMany(60_000, 30);
  // An emailed link is a code too: links and typed codes draw on one allowance.
  const tryingResumeCodes = tooMany(15 * 60_000, 10);
  const tryingCaseReferences = tooMany(15 * 60_000, 10);
  const sendingFeedback = tooMany(15 * 60_000, 10);
  const writeLimits = new Map<string, RequestHandler>([
    ["routes/screening-start", startingScreenings],
    ["routes/screening-resume", tryingResumeCodes],
    ["routes/track", tryingCaseReferences],
    ["routes/feedback", sendingFeedback],
  ]);
  // "Email me a link" posts to the page that showed the code, with intent=email.
  const emailingRoutes = new Set(["routes/screening-save", "routes/screening-consent"]);
  const askingForEmails = tooMany(60 * 60_000, 10, {
    skip: (request, response) =>
      !emailingRoutes.has(routeOf(response)) || new URLSearchParams(formBodies.get(request)?.toString()).get("intent") !== "email",
  });
  for (const id of [...writeLimits.keys(), ...emailingRoutes]) {
    if (!methodsOf.get(id)?.includes("POST")) throw new Error(`Rate limit for ${id}, which is not a route with an action`);
  }

  app.all(`${emailedLinkPrefixes.resume}:token`, tryingResumeCodes);
  app.all(`${emailedLinkPrefixes.track}:token`, tryingCaseReferences);
  // On screening pages only misses count (a flow cookie naming nothing gives 404), so flow
  // ids cannot be tried in bulk while a person answering questions is never held up.
  app.use(
    citizenScreeningPrefix,
    tooMany(15 * 60_000, 20, { skipSuccessfulRequests: true, requestWasSuccessful: (_request, response) => response.statusCode !== 404 }),
  );

  const matchRoute: RequestHandler = (request, response, next) => {
    response.locals.routeId = matchRoutes(tree, routePath(request.path))?.at(-1)?.route.id ?? "routes/not-found";
    next();
  };
  const limitByRoute: RequestHandler = (request, response, next) => {
    const limit = writeLimits.get(routeOf(response));
    if (limit) void limit(request, response, next);
    else next();
  };
  const allowRouteMethods: RequestHandler = (request, response, next) => {
    const methods = methodsOf.get(routeOf(response)) ?? [];
    if (methods.includes(request.method)) next();
    else void refuse(request, response, 405, "methodNotAllowed", { Allow: methods.join(", ") });
  };
  // React Router checks the Origin of posts to pages, but not to resource routes
  // (/screening/start, /screening/extend), and logs each refusal with a stack: one check
  // here for all. Browsers send Origin with every post; a client that sends none is not
  // a browser carrying someone's cookies.
  const sameOriginOnly: RequestHandler = (request, response, next) => {
    const origin = request.get("origin");
    if (origin === undefined || origin === environment.PUBLIC_URL || origin === requestOrigin(request, environment.PUBLIC_URL)) next();
    else void refuse(request, response, 403, "crossSite");
  };
  const readFormBody: RequestHandler = (request, response, next) => {
    const declaredLength = Number(request.get("content-length") ?? 0);
    const hasBody = declaredLength > 0 || request.get("transfer-encoding") !== undefined;
    if (hasBody && !formContentType.test(request.get("content-type") ?? "")) return void refuse(request, response, 415, "unsupportedForm");
    if (declaredLength > formBodyLimit) return void refuse(request, response, 413, "tooLarge");
    // An empty post (a button alone) is an empty form, whatever it says it is.
    if (!hasBody) request.headers["content-type"] = "application/x-www-form-urlencoded";
    const chunks: Buffer[] = [];
    let length = 0;
    const stopReading = () => {
      request.off("data", onData).off("end", onEnd).off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      chunks.push(chunk);
      if (length <= formBodyLimit) return;
      // The rest flows on unread, and the connection stays usable.
      stopReading();
      void refuse(request, response, 413, "tooLarge");
    };
    const onEnd = () => {
      stopReading();
      formBodies.set(request, Buffer.concat(chunks, length));
      next();
    };
    // The client went away mid-form: nobody is left to answer.
    const onClose = () => stopReading();
    request.on("data", onData).on("end", onEnd).on("close", onClose);
  };

  // Reads (GET, HEAD) go straight on: every route has them, and they are most of the traffic.
  const writeGuards = express.Router();
  writeGuards.use(matchRoute, limitByRoute, allowRouteMethods, sameOriginOnly, readFormBody, askingForEmails);
  app.use((request, response, next) => {
    if (request.method === "GET" || request.method === "HEAD") next();
    else writeGuards(request, response, next);
  });
}
