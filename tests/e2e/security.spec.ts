import { expect, test } from "./fixtures.ts";

test("pages carry a nonce-based CSP and the security headers", async ({ request }) => {
  const response = await request.get("/services");
  const headers = response.headers();
  const csp = headers["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["cache-control"]).toBe("no-store");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-powered-by"]).toBeUndefined();

  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);

  const second = await request.get("/services");
  expect(second.headers()["content-security-policy"]).not.toBe(csp);
});

test("health check reports the database", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});

test("the not-found page shows no stack trace", async ({ request }) => {
  const response = await request.get("/services/123456789");
  expect(response.status()).toBe(404);
  const html = await response.text();
  expect(html).not.toMatch(/at .+\.(js|ts):\d+/);
});
