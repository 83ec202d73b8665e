import { limitsPort } from "../../playwright.config.ts";
import { expect, test } from "./fixtures.ts";

/**
 * The per-address limits as configured for production (RATE_LIMIT_SCALE=1), on a server
 * of their own so the other tests' traffic does not count. One address makes every
 * request here, so the tests run in order: the last one exhausts the screening pages'
 * allowance of misses.
 */
const base = `http://localhost:${limitsPort}`;
// The refusals are in the person's language: these tests read the English.
test.use({ baseURL: base, extraHTTPHeaders: { "Accept-Language": "en" } });
test.describe.configure({ mode: "serial" });

const tooManyMessage = "Too many attempts";
/** The flow cookie of the first screening started here, for the last test. */
let personsFlow = "";

test("starting screenings: 30 a minute, then a clear refusal", async ({ request }) => {
  for (let attempt = 1; attempt <= 30; attempt += 1) {
    const response = await request.post("/screening/start", { headers: { Origin: base }, maxRedirects: 0 });
    expect(response.status(), `start ${attempt}`).toBe(302);
    personsFlow ||= response.headers()["set-cookie"]!.split(";")[0]!;
  }
  const refused = await request.post("/screening/start", { headers: { Origin: base }, maxRedirects: 0 });
  expect(refused.status()).toBe(429);
  expect(await refused.text()).toContain(tooManyMessage);
});

for (const [path, field, link] of [
  ["/screening/resume", { code: "AAAA-BBBB-CCCC" }, "/screening/resume/link/AAAAAAAAAAAAAAAAAAAAAA"],
  ["/track", { reference: "LK-AAAA-BBBB", accessCode: "AAAA-BBBB-CCCC" }, "/track/link/AAAAAAAAAAAAAAAAAAAAAA"],
] as const) {
  test(`trying codes at ${path}: 10 in 15 minutes, then a clear refusal, for emailed links too`, async ({ request }) => {
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const response = await request.post(path, { headers: { Origin: base }, form: field, maxRedirects: 0 });
      expect(response.status(), `try ${attempt}`).toBeLessThan(429);
      expect(await response.text()).not.toContain(tooManyMessage);
    }
    const refused = await request.post(path, { headers: { Origin: base }, form: field, maxRedirects: 0 });
    expect(refused.status()).toBe(429);
    expect(await refused.text()).toContain(tooManyMessage);
    // Links and typed codes draw on one allowance: trying links is refused now as well.
    const linkRefused = await request.get(link, { maxRedirects: 0 });
    expect(linkRefused.status()).toBe(429);
  });
}

test("feedback: 10 in 15 minutes whatever the method, then a translated refusal with the headers of every page", async ({
  request,
  page,
  expectAccessible,
}) => {
  // Methods the route does not use are refused (405), and still draw on the allowance.
  for (const method of ["put", "patch", "delete", "post", "post", "post", "put", "post", "delete", "post"] as const) {
    const response = await request[method]("/feedback", { headers: { Origin: base }, form: { message: "A" }, maxRedirects: 0 });
    expect(response.status(), method).toBeLessThan(429);
  }
  const refused = await request.post("/feedback", { headers: { Origin: base, "Accept-Language": "sv" }, form: { message: "A" }, maxRedirects: 0 });
  expect(refused.status()).toBe(429);
  expect(await refused.text()).toContain("<h1 class=\"heading-l\">För många försök</h1>");
  const headers = refused.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["strict-transport-security"]).toContain("max-age=");
  expect(headers["cache-control"]).toBe("no-store");
  // The refusal as a browser shows it, with its headers and the site's stylesheet.
  await page.route(`${base}/feedback`, (route) => route.fulfill({ response: refused }));
  await page.goto("/feedback");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("För många försök");
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expectAccessible(page);
});

test("asking for emailed links: 10 an hour per address, counted on both forms that offer it, and nothing else counts", async ({ request }) => {
  const askFor = (path: string, attempt: number) =>
    request.post(path, { headers: { Origin: base }, form: { intent: "email", email: `person-${attempt}@example.com`, code: "AAAA-BBBB-CCCC" }, maxRedirects: 0 });
  for (let attempt = 1; attempt <= 10; attempt += 1) {
    const response = await askFor(attempt % 2 === 0 ? "/screening/save" : "/screening/consent", attempt);
    expect(response.status(), `ask ${attempt}`).toBeLessThan(429);
    // Saving for later is not asking for an email.
    expect((await request.post("/screening/save", { headers: { Origin: base }, form: {}, maxRedirects: 0 })).status()).toBeLessThan(429);
  }
  for (const path of ["/screening/save", "/screening/consent"]) {
    const refused = await askFor(path, 11);
    expect(refused.status(), path).toBe(429);
    expect(await refused.text()).toContain(tooManyMessage);
  }
  expect((await request.post("/screening/save", { headers: { Origin: base }, form: {}, maxRedirects: 0 })).status()).toBeLessThan(429);
});

test("screening pages count only misses: answering is never held up, trying flow ids is", async ({ request }) => {
  // A person going through their questions: more requests than the allowance of misses.
  for (let visit = 1; visit <= 25; visit += 1) {
    const response = await request.get("/screening/help-for", { headers: { Cookie: personsFlow }, maxRedirects: 0 });
    expect(response.status(), `visit ${visit}`).toBe(200);
  }
  const forged = { Cookie: "luukku_flow=eyJpZCI6IngifQ%3D%3D.forged" };
  for (let attempt = 1; attempt <= 20; attempt += 1) {
    const response = await request.get("/screening/age", { headers: forged, maxRedirects: 0 });
    expect(response.status(), `miss ${attempt}`).toBe(404);
  }
  const refused = await request.get("/screening/age", { headers: forged, maxRedirects: 0 });
  expect(refused.status()).toBe(429);
  expect(await refused.text()).toContain(tooManyMessage);
});
