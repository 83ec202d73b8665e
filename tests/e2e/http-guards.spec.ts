import { request as httpRequest } from "node:http";
import { expect, test } from "./fixtures.ts";
import { ownServerPorts, stackFrame, startServer } from "./own-server.ts";

/**
 * What the server refuses before React Router sees a request, on a production server of
 * its own so that its log can be read: every refusal a translated page with the security
 * headers, one log line and no stack trace.
 */
test.describe.configure({ mode: "serial" });

let server: Awaited<ReturnType<typeof startServer>>;
test.beforeAll(async () => {
  test.setTimeout(90_000);
  // Many requests from one address: the limits are not what these tests are about.
  server = await startServer(ownServerPorts.guards, { RATE_LIMIT_SCALE: "50" });
});
test.afterAll(() => server.stop());
test.afterEach(() => {
  expect(server.output(), "the server's output").not.toMatch(stackFrame);
});

const english = { "Accept-Language": "en" };
const formType = { "Content-Type": "application/x-www-form-urlencoded" };
type SendInit = Omit<RequestInit, "headers"> & { headers?: Record<string, string> };
const send = (path: string, init: SendInit = {}) =>
  fetch(`${server.base}${path}`, { redirect: "manual", ...init, headers: { Origin: server.base, ...english, ...init.headers } });
const heading = async (response: { text: () => Promise<string> }) => /<h1[^>]*>([^<]*)<\/h1>/.exec(await response.text())?.[1];

/** fetch will not send TRACE: node:http sends any method. */
function sendRaw(method: string, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; allow: string | undefined; text: () => Promise<string> }>((resolve, reject) => {
    httpRequest(`${server.base}${path}`, { method, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, allow: response.headers.allow, text: async () => body }));
    })
      .on("error", reject)
      .end();
  });
}

async function startScreening(): Promise<string> {
  const started = await send("/screening/start", { method: "POST" });
  expect(started.status).toBe(302);
  return started.headers.get("set-cookie")!.split(";")[0]!;
}

/** Every route with an action: each reads a form, or (start, extend) changes the visitor's screening. */
const formActions = [
  "/track",
  "/track/referrals",
  "/screening/resume",
  "/screening/start",
  "/screening/extend",
  "/screening/help-for",
  "/screening/check-answers",
  "/screening/save",
  "/screening/consent",
  "/feedback",
];

test("PUT, PATCH and DELETE to a route with an action get 405 with Allow, and never reach the action", async () => {
  for (const path of ["/track", "/screening/resume", "/screening/start"]) {
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const response = await send(path, { method, headers: formType, body: "reference=LK-AAAA-BBBB&accessCode=AAAA-BBBB-CCCC&code=AAAA-BBBB-CCCC" });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD, POST");
      // The start action would have set a new flow cookie.
      expect(response.headers.get("set-cookie")).toBeNull();
      expect(await heading(response)).toBe("This address cannot be used that way");
    }
  }
  await expect.poll(() => server.output()).toMatch(/^DELETE \/screening\/start 405$/m);
});

test("TRACE and OPTIONS on a page get 405 in the person's language", async () => {
  for (const [method, path, headers, title] of [
    ["TRACE", "/accessibility", english, "This address cannot be used that way"],
    ["OPTIONS", "/services", { "Accept-Language": "sv" }, "Den här adressen kan inte användas så"],
    ["OPTIONS", "/?lng=fi", english, "Tätä osoitetta ei voi käyttää näin"],
  ] as const) {
    const response = await sendRaw(method, path, headers);
    expect(response.status, `${method} ${path}`).toBe(405);
    expect(response.allow).toBe("GET, HEAD");
    expect(await heading(response)).toBe(title);
  }
  await expect.poll(() => server.output()).toMatch(/^OPTIONS \/ 405$/m);
  expect(server.output()).toMatch(/^TRACE \/accessibility 405$/m);
});

test("a post that is not a form gets 415 from every action, one log line each", async () => {
  const cookie = await startScreening();
  const notForms: [string, Record<string, string>, RequestInit["body"]][] = [
    ["text/plain", { "Content-Type": "text/plain" }, "reference=LK-AAAA-BBBB"],
    ["JSON", { "Content-Type": "application/json" }, JSON.stringify({ reference: "LK-AAAA-BBBB" })],
    ["no content type", {}, new TextEncoder().encode("reference=LK-AAAA-BBBB")],
    ["broken multipart", { "Content-Type": "multipart/form-data; boundary=cut" }, "--cut\r\nContent-Disposition: form-data; name=\"reference\"\r\n\r\nLK-"],
  ];
  for (const path of formActions) {
    for (const [label, headers, body] of notForms) {
      const response = await send(path, { method: "POST", headers: { Cookie: cookie, ...headers }, body });
      expect(response.status, `${label} to ${path}`).toBe(415);
      expect(await heading(response)).toBe("The form could not be read");
    }
  }
  await expect.poll(() => server.output()).toMatch(/^POST \/feedback 415$/m);
  expect(server.output()).toMatch(/^POST \/track 415$/m);
});

test("an empty post is an empty form, checked as such", async () => {
  const response = await send("/track", { method: "POST" });
  expect(response.status).toBe(400);
  const page = await response.text();
  expect(page).toContain("There is a problem");
  expect(page).toContain("Follow your referrals");
});

test("cross-site posts are refused with 403, to pages and to the resource routes alike", async () => {
  const cookie = await startScreening();
  for (const path of ["/screening/start", "/screening/extend", "/screening/help-for", "/track"]) {
    for (const origin of ["https://elsewhere.example", "null", server.base.replace("http:", "https:")]) {
      const response = await send(path, { method: "POST", headers: { ...formType, Cookie: cookie, Origin: origin }, body: "helpFor=self" });
      expect(response.status, `${origin} to ${path}`).toBe(403);
      expect(response.headers.get("set-cookie"), `${origin} to ${path}`).toBeNull();
      expect(await heading(response)).toBe("The form was sent from another website");
    }
  }
  // The visitor's own screening is where it was: the step is still unanswered.
  const step = await send("/screening/help-for", { headers: { Cookie: cookie } });
  expect(step.status).toBe(200);
  expect(await step.text()).not.toContain("checked");
  await expect.poll(() => server.output()).toMatch(/^POST \/track 403$/m);
});

test("a body over 64 KiB gets 413, whether its length is declared or streamed", async () => {
  const oversized = new Uint8Array(10 * 1024 * 1024).fill(0x61);
  const declared = await send("/feedback", { method: "POST", headers: formType, body: oversized });
  expect(declared.status).toBe(413);
  expect(await heading(declared)).toBe("The form was too large");

  const chunk = new TextEncoder().encode(`message=${"a".repeat(16 * 1024)}`);
  let sent = 0;
  const streamed = await send("/feedback", {
    method: "POST",
    headers: formType,
    // Chunked, with no length given: counted while it arrives.
    body: new ReadableStream({
      pull(controller) {
        sent += 1;
        if (sent > 8) controller.close();
        else controller.enqueue(chunk);
      },
    }),
    duplex: "half",
  } as SendInit);
  expect(streamed.status).toBe(413);
  expect(await heading(streamed)).toBe("The form was too large");

  const justUnder = await send("/feedback", { method: "POST", headers: formType, body: `message=${"a".repeat(60 * 1024)}` });
  expect(justUnder.status).not.toBe(413);
  await expect.poll(() => server.output()).toMatch(/^POST \/feedback 413$/m);
});

test("a refusal page has the security headers of every page, and passes axe", async ({ page, expectAccessible }) => {
  const withoutNonce = (headers: Headers) =>
    Object.fromEntries(
      ["content-security-policy", "cache-control", "x-content-type-options", "referrer-policy", "x-frame-options", "cross-origin-opener-policy", "cross-origin-resource-policy", "permissions-policy", "strict-transport-security"].map(
        (name) => [name, headers.get(name)?.replace(/'nonce-[^']+'/, "'nonce'")],
      ),
    );
  const ordinaryPage = await send("/accessibility");
  const refusal = await send("/accessibility", { method: "OPTIONS" });
  expect(refusal.status).toBe(405);
  expect(withoutNonce(refusal.headers)).toEqual(withoutNonce(ordinaryPage.headers));
  expect(withoutNonce(refusal.headers)["strict-transport-security"]).toBeTruthy();

  // A browser's own form, posted as text: what a person would see.
  await page.goto(`${server.base}/accessibility`);
  await page.evaluate(() => {
    const form = Object.assign(document.createElement("form"), { method: "post", action: "/track", enctype: "text/plain" });
    form.append(Object.assign(document.createElement("input"), { name: "reference", value: "LK-AAAA-BBBB" }));
    document.body.append(form);
    form.submit();
  });
  await expect(page.getByRole("heading", { level: 1, name: "The form could not be read" })).toBeVisible();
  await expect(page).toHaveTitle("The form could not be read – Luukku");
  await expectAccessible(page);
});
