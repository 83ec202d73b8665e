import type { APIRequestContext } from "@playwright/test";
import { personas } from "#pathways/screening/personas.ts";
import { expect, test } from "./fixtures.ts";

/**
 * Every form the citizen journey posts to, sent what no page of ours sends: prototype
 * keys, unknown and repeated fields, control characters, 100 kB values, broken
 * percent-encoding. Each gets a normal page (a message by the field, or the input
 * ignored), never a 500 or a stack trace; and no answer of it is stored.
 */

const oversized = "a".repeat(100_000);
const hostileBodies = (field: string) => [
  `__proto__%5Bpolluted%5D=1&__proto__=x&constructor%5Bprototype%5D%5Bpolluted%5D=1&${field}=x`,
  `${field}=${oversized}`,
  `${field}=x&${field}=2&${field}=3`,
  `${field}=%00%07%1B%7F%E2%80%AE`,
  `${field}=x&isAdmin=true&role=staff`,
  `${field}=x%E0%A4%A&%=%%`,
  "",
];

async function post(request: APIRequestContext, path: string, body: string, cookie?: string) {
  const origin = new URL(path, test.info().project.use.baseURL).origin;
  return request.post(path, {
    data: body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin, ...(cookie ? { Cookie: cookie } : {}) },
    maxRedirects: 0,
  });
}

async function expectHandled(request: APIRequestContext, path: string, field: string, cookie?: string) {
  for (const body of hostileBodies(field)) {
    const response = await post(request, path, body, cookie);
    const label = `${path} with ${body.slice(0, 60)}`;
    expect(response.status(), label).toBeLessThan(500);
    const text = await response.text();
    expect(text, label).not.toMatch(/at .+\.(js|ts|mjs):\d+/);
    expect(text, label).not.toContain(oversized);
  }
  // Nothing was polluted along the way.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

async function startFlow(request: APIRequestContext): Promise<string> {
  const started = await post(request, "/screening/start", "");
  return started.headers()["set-cookie"]!.split(";")[0]!;
}

test("question pages, check answers, save and extend take hostile forms without storing any of it", async ({ request }) => {
  const cookie = await startFlow(request);
  await expectHandled(request, "/screening/help-for", "helpFor", cookie);
  // Still on the first question: nothing was stored as an answer.
  const stillFirst = await request.get("/screening/age", { headers: { Cookie: cookie }, maxRedirects: 0 });
  expect(stillFirst.headers().location).toBe("/screening/help-for");

  expect((await post(request, "/screening/help-for", "helpFor=self", cookie)).status()).toBe(302);
  await expectHandled(request, "/screening/age", "age", cookie);
  const stillAge = await request.get("/screening/municipality", { headers: { Cookie: cookie }, maxRedirects: 0 });
  expect(stillAge.headers().location).toBe("/screening/age");

  await expectHandled(request, "/screening/check-answers", "change", cookie);
  await expectHandled(request, "/screening/save", "code", cookie);
  // "Email me a link" on the saved page: with the code the page posts back (so the address is read), and without.
  const saved = await (await post(request, "/screening/save", "", cookie)).text();
  const code = /class="resume-code">([0-9A-Z-]+)</.exec(saved)![1]!;
  await expectHandled(request, "/screening/save", `intent=email&code=${code}&email`, cookie);
  await expectHandled(request, "/screening/save", "intent=email&email", cookie);
  await expectHandled(request, "/screening/extend", "x", cookie);
});

test("resume, tracking, withdrawal, consent and feedback take hostile forms", async ({ request }) => {
  await expectHandled(request, "/screening/resume", "code");
  await expectHandled(request, "/track", "reference");
  await expectHandled(request, "/track/referrals", "referral");
  await expectHandled(request, "/feedback", "comment");

  // Consent needs a completed screening: the eviction family's, answered over HTTP.
  const cookie = await startFlow(request);
  for (const event of personas.evictionFamily.events) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(event.values as Record<string, unknown>)) {
      for (const item of [value].flat()) body.append(name, String(item));
    }
    expect((await post(request, `/screening/${event.step}`, body.toString(), cookie)).status()).toBe(302);
  }
  expect((await post(request, "/screening/check-answers", "", cookie)).status()).toBe(302);
  await expectHandled(request, "/screening/consent", "services", cookie);
  await expectHandled(request, "/screening/consent", "intent=email&accessCode=AAAA-BBBB-CCCC&email", cookie);
});
