import { randomBytes } from "node:crypto";
import { createContext, type MiddlewareFunction, type RouterContextProvider } from "react-router";
import { neutralSite } from "./components/quick-exit.tsx";
import { getEnvironment } from "./env.server.ts";
import { emailedLinkPrefixes } from "./page-paths.ts";

const cspNonceContext = createContext<string>();

export function getCspNonce(context: Readonly<RouterContextProvider>): string {
  return context.get(cspNonceContext);
}

function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    // Only scripts React Router renders carry the nonce; no inline script runs without it.
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    // Vite's dev server talks to the page over a websocket.
    development ? "connect-src 'self' ws://localhost:*" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    // Exit this page's form ends at the neutral site (a redirect, which form-action covers too).
    `form-action 'self' ${new URL(neutralSite).origin}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * An emailed link's address holds its secret token: not even our own pages may be told
 * it. Its page answers with `strict-origin`, not `no-referrer`: a form posted from a
 * no-referrer page carries `Origin: null`, which the Origin check refuses, and the
 * link's "Continue" is such a post.
 */
function emailedLinkPrefixOf(path: string): string | undefined {
  return Object.values(emailedLinkPrefixes).find((prefix) => path.startsWith(prefix));
}

/** The path as the server log may show it: an emailed link's token replaced by `[token]`. */
export function withoutLinkToken(path: string): string {
  const prefix = emailedLinkPrefixOf(path);
  return prefix ? `${prefix}[token]${path.slice(prefix.length).replace(/^[^/]*/, "")}` : path;
}

/** A fresh CSP nonce: 128 random bits. */
export function createCspNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The security headers every response gets, from React Router's pages and from the
 * server's own refusals (rate limits, wrong methods) alike. Responses are `no-store`
 * unless a route chose otherwise: most pages will show personal data, and a page that
 * does not is cheap to render again.
 */
export function applySecurityHeaders(headers: Headers, { path, nonce }: { path: string; nonce: string }): void {
  const { NODE_ENV } = getEnvironment();
  if ((headers.get("Content-Type") ?? "").startsWith("text/html")) {
    headers.set("Content-Security-Policy", contentSecurityPolicy(nonce, NODE_ENV === "development"));
  }
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", emailedLinkPrefixOf(path) ? "strict-origin" : "same-origin");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  headers.set("Cross-Origin-Resource-Policy", "same-origin");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  if (NODE_ENV === "production") headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}

/** Gives every request a fresh CSP nonce, and every response the security headers. */
export const securityHeadersMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const nonce = createCspNonce();
  context.set(cspNonceContext, nonce);
  const response = await next();
  applySecurityHeaders(response.headers, { path: new URL(request.url).pathname, nonce });
  return response;
};
