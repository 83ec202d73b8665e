import type { Browser } from "@playwright/test";
import { personas } from "#pathways/screening/personas.ts";
import { expect, test } from "./fixtures.ts";
import { answer, giveDetailsIfAsked } from "./journey.ts";

/**
 * The tracking cookie and the flow cookie hold the same id (a case is its screening), so
 * each is signed for its own purpose: a value copied from one into the other, as anyone
 * can do with their own browser's cookies, opens nothing.
 */

/** A browser that has never seen Luukku, holding only the cookie given. */
async function browserWithCookie(browser: Browser, baseURL: string, cookie: { name: string; value: string; path: string }) {
  const context = await browser.newContext({ locale: "en-GB" });
  await context.addCookies([{ ...cookie, domain: new URL(baseURL).hostname }]);
  return context;
}

test("a tracking cookie's value sent as the flow cookie opens no screening, and a flow cookie's opens no referrals", async ({ page, browser, baseURL }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Start now" }).click();
  for (const event of personas.evictionFamily.events) await answer(page, event.values as Record<string, unknown>);
  await page.getByRole("button", { name: "Confirm and find services" }).click();
  await page.getByRole("button", { name: "Choose services and give consent" }).click();
  const service = (await page.getByRole("checkbox").first().getAttribute("value"))!;
  await page.getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "Send referrals" }).click();
  await giveDetailsIfAsked(page, personas.evictionFamily.answers.age);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Referrals sent");
  const reference = (await page.getByTestId("reference").textContent())!;
  const accessCode = (await page.getByTestId("access-code").textContent())!;
  const showReferrals = async (tab: typeof page) => {
    await tab.goto("/track");
    await tab.getByLabel("Reference number").fill(reference);
    await tab.getByLabel("Access code").fill(accessCode);
    await tab.getByRole("button", { name: "Show my referrals" }).click();
    await expect(tab).toHaveURL(/\/track\/referrals$/);
    await expect(tab.getByRole("heading", { level: 1 })).toHaveText("Your referrals");
    await expect(tab.getByText("Sent, waiting for an answer").first()).toBeVisible();
  };
  await showReferrals(page);
  const cookies = await page.context().cookies();
  const tracking = cookies.find((cookie) => cookie.name === "luukku_track")!;
  const flow = cookies.find((cookie) => cookie.name === "luukku_flow")!;

  // The tracking cookie's value as a flow cookie: the page a tampered cookie gets, on the
  // package, the consent page and a consent post alike.
  const withTrackingAsFlow = await browserWithCookie(browser, baseURL!, { name: "luukku_flow", value: tracking.value, path: "/" });
  const probe = await withTrackingAsFlow.newPage();
  for (const path of ["/screening/complete", "/screening/consent", "/screening/check-answers"]) {
    const response = await probe.goto(path);
    expect(response!.status(), path).toBe(404);
    await expect(probe.getByRole("heading", { level: 1 })).toHaveText("We could not find your answers");
  }
  const consentAgain = await withTrackingAsFlow.request.post("/screening/consent", {
    form: { services: service },
    headers: { Origin: baseURL! },
    maxRedirects: 0,
  });
  expect(consentAgain.status()).toBe(404);
  expect(await consentAgain.text()).not.toContain(reference);
  await withTrackingAsFlow.close();

  // The flow cookie's value as a tracking cookie: sent to the form that asks for the code.
  const withFlowAsTracking = await browserWithCookie(browser, baseURL!, { name: "luukku_track", value: flow.value, path: "/track" });
  const referrals = await withFlowAsTracking.request.get("/track/referrals", { maxRedirects: 0 });
  expect(referrals.status()).toBe(302);
  expect(referrals.headers()["location"]).toBe("/track");
  await withFlowAsTracking.close();

  // The owner's access code still works: nothing above issued a new one.
  const owner = await browser.newContext({ locale: "en-GB" });
  await showReferrals(await owner.newPage());
  await owner.close();
});
