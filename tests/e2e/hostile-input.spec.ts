import type { APIRequestContext, APIResponse } from "@playwright/test";
import { personas } from "#pathways/screening/personas.ts";
import { caseIdOf, consentWithdrawals, referrals } from "./case.ts";
import { expect, test } from "./fixtures.ts";
import { answerOverHttp, detailsBody } from "./journey.ts";

/**
 * Every form the citizen journey posts to, sent what no page of ours sends: prototype
 * keys, unknown and repeated fields, control characters, 60 kB values (under the 64 KiB
 * a form may have, so the form is read; larger ones are refused unread, as
 * http-guards.spec.ts shows), broken percent-encoding. Each gets a normal page (a
 * message by the field, or the input ignored), never a 500 or a stack trace; and no
 * answer of it is stored.
 *
 * The prototype keys try to set `lng` on every object in the server. i18next reads the
 * language from an options object, so were it polluted, every English page the server
 * renders afterwards would come out in Finnish: that is what `expectServerNotPolluted` looks at.
 */

const oversized = "a".repeat(60_000);
const hostileBodies = (field: string) => [
  `__proto__%5Blng%5D=fi&__proto__.lng=fi&__proto__=x&constructor%5Bprototype%5D%5Blng%5D=fi&constructor.prototype.lng=fi&${field}=x`,
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

async function expectHandled(request: APIRequestContext, path: string, field: string, cookie?: string): Promise<APIResponse[]> {
  const responses: APIResponse[] = [];
  for (const body of hostileBodies(field)) {
    const response = await post(request, path, body, cookie);
    const label = `${path} with ${body.slice(0, 60)}`;
    expect(response.status(), label).toBeLessThan(500);
    const text = await response.text();
    expect(text, label).not.toMatch(/at .+\.(js|ts|mjs):\d+/);
    expect(text, label).not.toContain(oversized);
    responses.push(response);
  }
  return responses;
}

/** A page the server renders afterwards, for a new English-speaking visitor, is still in English. */
async function expectServerNotPolluted() {
  const response = await fetch(new URL("/services", test.info().project.use.baseURL), { headers: { "Accept-Language": "en-GB" } });
  const html = await response.text();
  expect(response.status).toBe(200);
  expect(html).toMatch(/<h1[^>]*>Find services<\/h1>/);
  expect(html).not.toContain("Etsi palveluja");
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
  await expectServerNotPolluted();
});

test("resume, tracking, consent and feedback take hostile forms", async ({ request }) => {
  await expectHandled(request, "/screening/resume", "code");
  await expectHandled(request, "/track", "reference");
  await expectHandled(request, "/feedback", "comment");

  // Consent needs a completed screening: the eviction family's, answered over HTTP.
  await answerOverHttp(request, personas.evictionFamily.events);
  await expectHandled(request, "/screening/consent", "services");
  await expectHandled(request, "/screening/consent", "intent=email&accessCode=AAAA-BBBB-CCCC&email");
  await expectServerNotPolluted();
});

test("withdrawal takes hostile forms for a case really being tracked, and withdraws nothing", async ({ request }) => {
  // A case with a referral, followed as its owner would: by reference number and access code.
  await answerOverHttp(request, personas.evictionFamily.events);
  const caseId = await caseIdOf(request);
  const consentPage = await (await request.get("/screening/consent")).text();
  const service = /name="services"[^>]*value="(\d+)"/.exec(consentPage)![1]!;
  const confirmation = await (await post(request, "/screening/consent", detailsBody([service], personas.evictionFamily.answers.age))).text();
  const reference = /data-testid="reference">([0-9A-Z-]+)</.exec(confirmation)![1]!;
  const accessCode = /data-testid="access-code">([0-9A-Z-]+)</.exec(confirmation)![1]!;
  const tracked = await post(request, "/track", new URLSearchParams({ reference, accessCode }).toString());
  expect(tracked.headers().location).toBe("/track/referrals");
  const before = referrals(caseId);
  expect(before).toEqual([{ id: expect.any(String), serviceId: Number(service), status: "requested" }]);

  for (const response of await expectHandled(request, "/track/referrals", "referral")) {
    // The form was read and answered with the page, not sent to /track as a post without a tracked case would be.
    expect(response.status()).toBe(200);
  }
  expect(referrals(caseId)).toEqual(before);
  expect(consentWithdrawals(caseId)).toEqual({ [service]: null });
  await expectServerNotPolluted();

  // The same channel does withdraw when the form names the case's referral.
  const referral = /name="referral" value="([^"]+)"/.exec(await (await request.get("/track/referrals")).text())![1]!;
  expect((await post(request, "/track/referrals", `referral=${encodeURIComponent(referral)}`)).status()).toBe(302);
  expect(referrals(caseId)).toEqual([{ ...before[0], status: "cancelled" }]);
});
