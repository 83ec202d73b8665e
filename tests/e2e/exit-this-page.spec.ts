import type { APIRequestContext, Page } from "@playwright/test";
import { personas } from "#pathways/screening/personas.ts";
import { caseIdOf, leaveIdle } from "./case.ts";
import { expect, test } from "./fixtures.ts";
import { answer, hydrated, startAndSaveForLater } from "./journey.ts";

/**
 * "Exit this page" on every page a person at risk may be watched on, before any answer
 * about their safety; and the idle limit of a finished screening. The neutral site is
 * served from here, so no test reaches outside.
 */
const neutralSite = "https://yle.fi/saa";
const neutralTitle = "Sää – neutral site stand-in";
const minute = 60_000;

async function serveNeutralSite(page: Page): Promise<void> {
  await page.context().route("https://yle.fi/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: `<!doctype html><html lang="fi"><title>${neutralTitle}</title><h1>Sää</h1></html>` }),
  );
}

const exitButton = (page: Page) => page.getByRole("button", { name: "Exit this page" });

/** The flow cookie's value in this browser, or undefined when it has none. */
async function flowCookieOf(page: Page): Promise<string | undefined> {
  return (await page.context().cookies()).find((cookie) => cookie.name === "luukku_flow")?.value;
}

/** Where a page of the screening sends a browser holding only this flow cookie ("opened" for the page itself). */
async function whereCookieLeads(request: APIRequestContext, path: string, flowCookie: string): Promise<string> {
  const response = await request.get(path, { headers: { Cookie: `luukku_flow=${flowCookie}` }, maxRedirects: 0 });
  if (response.status() === 200) return "opened";
  return new URL(response.headers().location ?? "", "http://localhost").pathname;
}

/** The older person living alone (no danger disclosed), answered and confirmed through this browser's own cookies. */
async function finishScreening(page: Page, baseURL: string): Promise<void> {
  const post = (path: string, values: Record<string, string | string[]> = {}) => {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) for (const item of [value].flat()) body.append(name, item);
    return page.request.post(path, {
      data: body.toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL },
      maxRedirects: 0,
    });
  };
  expect((await post("/screening/start")).status()).toBe(302);
  for (const event of personas.olderPersonAlone.events) {
    expect((await post(`/screening/${event.step}`, event.values as Record<string, string | string[]>)).status()).toBe(302);
  }
  expect((await post("/screening/check-answers")).headers().location).toBe("/screening/complete");
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`Exit this page with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("is on the start page and every page of an unfinished screening, before any question about safety", async ({ page, expectAccessible }) => {
      await page.goto("/");
      await expect(exitButton(page)).toBeVisible();
      await expectAccessible(page);
      await page.getByRole("button", { name: "Start now" }).click();
      await expect(page).toHaveURL(/\/screening\/help-for$/);
      await expect(exitButton(page)).toBeVisible();
      await expectAccessible(page);
      await page.goto("/");
      await startAndSaveForLater(page);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your answers have been saved");
      await expect(exitButton(page)).toBeVisible();
      for (const path of ["/screening/resume", "/screening/timed-out", "/track"]) {
        await page.goto(path);
        await expect(exitButton(page), path).toBeVisible();
      }
      await expectAccessible(page);
    });

    test("is on the check answers, package and consent pages of a screening that disclosed no danger", async ({ page, baseURL, expectAccessible }) => {
      await finishScreening(page, baseURL!);
      await page.goto("/screening/check-answers");
      await expect(exitButton(page)).toBeVisible();
      await page.goto("/screening/complete");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your service package");
      await expect(exitButton(page)).toBeVisible();
      await expectAccessible(page);
      await page.goto("/screening/consent");
      await expect(exitButton(page)).toBeVisible();
    });

    test("leaves a finished screening for the neutral site and ends its session: the cookie opens nothing, and Back does not show the page", async ({
      page,
      baseURL,
      request,
    }) => {
      await serveNeutralSite(page);
      await page.goto("/");
      await finishScreening(page, baseURL!);
      await page.goto("/screening/complete");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your service package");
      const cookie = (await flowCookieOf(page))!;

      await exitButton(page).click();
      await expect(page).toHaveURL(neutralSite);
      await expect(page).toHaveTitle(neutralTitle);
      // With JavaScript the session ends by a request that outlives the page: wait for it.
      await expect.poll(() => flowCookieOf(page)).toBeUndefined();
      await expect.poll(() => whereCookieLeads(request, "/screening/complete", cookie)).toBe("/screening/timed-out");
      expect(await whereCookieLeads(request, "/screening/consent", cookie)).toBe("/screening/timed-out");

      await page.goBack();
      await expect(page).not.toHaveURL(neutralSite);
      await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Your service package");
      await expect(page.locator(".package-service")).toHaveCount(0);
    });

    test("leaves a question page, and Back does not show the question", async ({ page, request }) => {
      await serveNeutralSite(page);
      await page.goto("/");
      await page.getByRole("button", { name: "Start now" }).click();
      await answer(page, { helpFor: "self" });
      await expect(page).toHaveURL(/\/screening\/age$/);
      const cookie = (await flowCookieOf(page))!;

      await exitButton(page).click();
      await expect(page).toHaveURL(neutralSite);
      await expect.poll(() => whereCookieLeads(request, "/screening/age", cookie)).toBe("/screening/timed-out");
      await page.goBack();
      await expect(page).not.toHaveURL(neutralSite);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Find out what help you can get");
      await expect(page.locator('input[name="age"], input[name="helpFor"]')).toHaveCount(0);
    });
  });
}

test.describe("with JavaScript", () => {
  test("Shift pressed three times leaves, saying how many presses are left; the history entry is replaced", async ({ page, request }) => {
    await serveNeutralSite(page);
    await page.goto("/");
    await page.getByRole("button", { name: "Start now" }).click();
    await expect(page).toHaveURL(/\/screening\/help-for$/);
    // The script works before React hydrates the page, but leaving while React is hydrating
    // it makes React log a hydration error (error 418) as the page goes: wait for React.
    await hydrated(page);
    const cookie = (await flowCookieOf(page))!;
    const entries = await page.evaluate(() => history.length);
    const status = page.locator(".quick-exit [role=status]");

    await page.keyboard.press("Shift");
    await expect(status).toHaveText("Shift, press 2 more times to exit.");
    // Another key in between starts the count again.
    await page.keyboard.press("a");
    await expect(status).toHaveText("Exit this page expired.");
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await expect(status).toHaveText("Shift, press 1 more time to exit.");
    await expect(page).toHaveURL(/\/screening\/help-for$/);
    await page.keyboard.press("Shift");

    await expect(page).toHaveURL(neutralSite);
    expect(await page.evaluate(() => history.length)).toBe(entries);
    await expect.poll(() => whereCookieLeads(request, "/screening/help-for", cookie)).toBe("/screening/timed-out");
  });
});

test("a post to Exit this page from another site is refused and changes nothing, and a GET only leads to the neutral site", async ({ page, baseURL, request }) => {
  await finishScreening(page, baseURL!);
  const cookie = (await flowCookieOf(page))!;
  const crossSite = await request.post("/exit", { headers: { Cookie: `luukku_flow=${cookie}`, Origin: "https://elsewhere.example" }, maxRedirects: 0 });
  expect(crossSite.status()).toBe(403);
  expect(crossSite.headers()["set-cookie"]).toBeUndefined();
  expect(await whereCookieLeads(request, "/screening/complete", cookie)).toBe("opened");

  const get = await request.get("/exit", { headers: { Cookie: `luukku_flow=${cookie}` }, maxRedirects: 0 });
  expect(get.status()).toBe(302);
  expect(get.headers().location).toBe(neutralSite);
  expect(get.headers()["set-cookie"]).toBeUndefined();
  expect(await whereCookieLeads(request, "/screening/complete", cookie)).toBe("opened");
});

test("a finished screening left idle past 30 minutes no longer opens its package or consent page", async ({ page, baseURL, expectAccessible }) => {
  await finishScreening(page, baseURL!);
  const caseId = await caseIdOf(page);
  leaveIdle(caseId, 29 * minute);
  await page.goto("/screening/complete");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your service package");

  leaveIdle(caseId, 31 * minute);
  for (const path of ["/screening/complete", "/screening/consent"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/screening\/timed-out$/);
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your session has ended");
  // The ways back: saved answers with a code, a finished screening's referrals with the reference number.
  await expect(page.getByRole("link", { name: "Follow your referrals" })).toHaveAttribute("href", "/track");
  await expectAccessible(page);
});
