import { writeReadableStreamToWritable } from "@react-router/node";
import type { Request as ExpressRequest, Response as ExpressResponse, RequestHandler } from "express";
import { createRequestHandler, type ServerBuild } from "react-router";

/** A form post's body, read and size-checked by the guards (scripts/http-guards.ts) before React Router sees the request. */
export const formBodies = new WeakMap<ExpressRequest, Buffer>();

const plainHost = /^(?:[a-z\d.-]+|\[[a-f\d:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin this request was made to, as Express sees it: behind a trusted proxy
 * (TRUST_PROXY) the forwarded protocol and host. A Host header that is not a plain host
 * falls back to the public origin, as does a request without one.
 */
export function requestOrigin(request: ExpressRequest, publicOrigin: string): string {
  const host = request.host;
  return host && plainHost.test(host) ? `${request.protocol}://${host}` : publicOrigin;
}

/**
 * React Router's request handler for Express, as `@react-router/express` makes it, but
 * handing React Router the body the guards already read (so its size was checked before
 * anything parsed it) instead of the request stream. `publicOrigin` (PUBLIC_URL) is also
 * accepted by React Router's own Origin check, for a proxy that does not forward the host.
 */
export function createReactRouterHandler(build: ServerBuild, { mode, publicOrigin }: { mode: string; publicOrigin: string }): RequestHandler {
  const handleRequest = createRequestHandler({ ...build, allowedActionOrigins: [new URL(publicOrigin).host] }, mode);
  return async (request, response, next) => {
    try {
      const aborting = new AbortController();
      response.on("close", () => {
        if (!response.writableFinished) aborting.abort();
      });
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (Array.isArray(value)) for (const each of value) headers.append(name, each);
        else if (value !== undefined) headers.set(name, value);
      }
      const reads = request.method === "GET" || request.method === "HEAD";
      const webResponse = await handleRequest(
        new Request(`${requestOrigin(request, publicOrigin)}${request.originalUrl}`, {
          method: request.method,
          headers,
          body: reads ? undefined : new Uint8Array(formBodies.get(request) ?? []),
          signal: aborting.signal,
        }),
      );
      await send(response, webResponse);
    } catch (error) {
      next(error);
    }
  };
}

async function send(response: ExpressResponse, webResponse: Response): Promise<void> {
  if (response.destroyed || response.writableEnded) {
    await webResponse.body?.cancel();
    return;
  }
  response.statusMessage = webResponse.statusText;
  response.status(webResponse.status);
  for (const [name, value] of webResponse.headers.entries()) response.append(name, value);
  if (!webResponse.body) {
    response.end();
    return;
  }
  try {
    await writeReadableStreamToWritable(webResponse.body, response);
  } catch (error) {
    if (response.destroyed || response.writableEnded) return;
    throw error;
  }
}
