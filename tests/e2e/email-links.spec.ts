import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { personas } from "#pathways/screening/personas.ts";
import { caseIdOf, leaveIdle } from "./case.ts";
import { expect, test } from "./fixtures.ts";
import { answer, answerOverHttp, giveDetailsIfAsked, hydrated, postedPaths, startAndSaveForLater } from "./journey.ts";
import { emailedLink } from "./mail.ts";

/**
 * "Email me a link" after saving and after consent: the form, its errors, where the email
 * has got to, the email the server writes (read from its drop folder), and the link,
 * which shows a page on opening and works once, when its "Continue" is pressed.
 */

/** An address of the test's own, so tests running side by side never read each other's mail. */
const addressFor = (test: string) => `${test}-${randomUUID().slice(0, 8)}@example.com`;

/** Every address the page went to, to check no address or email ever lands in one. */
function visitedUrls(page: Page): string[] {
  const visited: string[] = [];
  page.on("framenavigated", (frame) => visited.push(frame.url()));
  return visited;
}

/**
 * The link opened as a person would from their mail program: a browser that has never
 * seen Luukku. `referrers` collects the Referer of every request the browser makes after.
 */
async function openInNewBrowser(browser: Browser, link: string, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ locale: "en-GB", javaScriptEnabled });
  const page = await context.newPage();
  const referrers: string[] = [];
  page.on("request", (request) => referrers.push(request.headers()["referer"] ?? ""));
  const response = await page.goto(link);
  return { context, page, response, referrers };
}

/** A token with its last character changed: the shape of a real one, opening nothing. */
const tampered = (link: string) => `${link.slice(0, -1)}${link.endsWith("A") ? "B" : "A"}`;

const sending = "We are sending a link to the address you gave.";
/** The email section's own status (Exit this page has one too, for its keyboard shortcut). */
const emailStatus = (page: Page) => page.getByRole("region", { name: "Email me a link" }).getByRole("status");
const sent = "We have sent a link to the address you gave.";

/**
 * Asks for the link and sees it is being sent, never that it was sent before it was; then
 * waits until the page says it was: with JavaScript the page asks by itself, without it
 * the person presses "Check whether it has been sent".
 */
async function askForLinkAndWaitUntilSent(page: Page, address: string, javaScriptEnabled: boolean): Promise<void> {
  await page.getByLabel("Email address").fill(address);
  await page.getByRole("button", { name: "Send me the link" }).click();
  await expect(emailStatus(page)).toContainText(sending);
  await expect(page.getByText(sent)).toHaveCount(0);
  await expect(page.getByLabel("Email address")).toHaveCount(0);
  if (javaScriptEnabled) {
    await expect(emailStatus(page)).toContainText(sent, { timeout: 20_000 });
    return;
  }
  await expect(async () => {
    await page.getByRole("button", { name: "Check whether it has been sent" }).click();
    await expect(emailStatus(page)).toContainText(sent, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

/** The page a spent, replaced, expired or made-up link shows. */
async function expectLinkNotUsable(page: Page, status: number | undefined) {
  expect(status).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`email links with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });
    // Most of these wait for the server's email worker (every 2 seconds) and open two or
    // three browsers: about 15 seconds alone, twice that on a busy 2-core machine.
    test.describe.configure({ timeout: 60_000 });

    test("saved answers: the email form explains a wrong address and keeps the code", async ({ page, expectAccessible }) => {
      await startAndSaveForLater(page);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your answers have been saved");
      const code = (await page.locator(".resume-code").textContent())!;

      const field = page.getByLabel("Email address");
      await expect(field).toHaveAttribute("type", "email");
      await expect(field).toHaveAttribute("autocomplete", "email");
      await expect(field).toHaveAttribute("spellcheck", "false");
      await expect(page.getByText("We use it only to send this one message, and then delete it.")).toBeVisible();
      await expect(page.getByText("we can email you a link that opens your saved answers")).toBeVisible();

      // With JavaScript the address is checked in the browser first, once the page's scripts
      // run: a click before then is a plain post (what once made this test fail on a busy machine).
      if (javaScriptEnabled) await hydrated(page);
      const posts = postedPaths(page);
      await field.fill("maija.example.com");
      await page.getByRole("button", { name: "Send me the link" }).click();
      await expect(page).toHaveTitle(/^Error: /);
      expect(posts).toEqual(javaScriptEnabled ? [] : ["/screening/save"]);
      await expect(page.locator(".error-summary")).toBeFocused();
      await expect(page.locator(".error-summary")).toContainText("Enter an email address in the correct format");
      await expect(page.locator("#email-link-address-error")).toContainText("Enter an email address in the correct format");
      await expect(field).toHaveValue("maija.example.com");
      // The code is still on the page, the same one: asking for a link did not replace it.
      await expect(page.locator(".resume-code")).toHaveText(code);
      await expectAccessible(page);
    });

    test("saved answers: the page says the link is on its way until it has gone; the link opens the answers once, in another browser, days later", async ({
      page,
      browser,
      expectAccessible,
    }) => {
      const visited = visitedUrls(page);
      const address = addressFor(`resume-js-${javaScriptEnabled ? "on" : "off"}`);
      await startAndSaveForLater(page);
      const code = (await page.locator(".resume-code").textContent())!;
      await askForLinkAndWaitUntilSent(page, ` ${address} `, javaScriptEnabled);
      await expect(page).toHaveTitle(/^Your answers have been saved/);
      await expect(page.locator(".resume-code")).toHaveText(code);

      const link = await emailedLink(address);
      expect(link).toMatch(/^http:\/\/localhost:\d+\/screening\/resume\/link\/[A-Za-z0-9_-]{22}$/);
      // Left for two days: far past the idle time of a screening in use.
      leaveIdle(await caseIdOf(page), 2 * 24 * 60 * 60 * 1000);

      const later = await openInNewBrowser(browser, link, javaScriptEnabled);
      expect(later.response?.status()).toBe(200);
      expect(later.response?.headers()["referrer-policy"]).toBe("strict-origin");
      await expect(later.page.getByRole("heading", { level: 1 })).toHaveText("Continue your saved answers");
      await expect(later.page.getByText("This browser already has a screening open")).toHaveCount(0);
      await expectAccessible(later.page);
      // A mail scanner opening the link first (a GET, as often as it likes) leaves it working.
      for (const scan of [1, 2]) expect((await later.context.request.get(link)).status(), `scan ${scan}`).toBe(200);
      await later.page.reload();
      await later.page.getByRole("button", { name: "Continue" }).click();
      await expect(later.page).toHaveURL(/\/screening\/municipality$/);
      await later.page.getByRole("link", { name: "Back" }).click();
      await expect(later.page.getByRole("textbox")).toHaveValue("52");
      // No request, not even to our own server, was told the link's token.
      expect(later.referrers.filter((referrer) => referrer.includes("/link/"))).toEqual([]);
      await later.context.close();

      // It worked once: opened again, it opens nothing.
      const again = await openInNewBrowser(browser, link, javaScriptEnabled);
      await expectLinkNotUsable(again.page, again.response?.status());
      await expect(again.page.getByRole("link", { name: "Continue a saved screening" })).toHaveAttribute("href", "/screening/resume");
      await expectAccessible(again.page);
      await again.context.close();

      const wrong = await openInNewBrowser(browser, tampered(link), javaScriptEnabled);
      await expectLinkNotUsable(wrong.page, wrong.response?.status());
      await expectAccessible(wrong.page);
      await wrong.context.close();

      for (const url of visited) expect(url).not.toMatch(/@|example\.com|maija/);
    });

    test("another person's link never replaces the screening this browser holds without asking", async ({ page, browser, expectAccessible }) => {
      // The link's owner saves their answers (age 52) and has the link emailed.
      const address = addressFor(`owner-js-${javaScriptEnabled ? "on" : "off"}`);
      await startAndSaveForLater(page);
      await page.getByLabel("Email address").fill(address);
      await page.getByRole("button", { name: "Send me the link" }).click();
      await expect(emailStatus(page)).toContainText(sending);
      const link = await emailedLink(address);

      // A visitor, in the middle of their own screening (age 33), is sent to it.
      const visitor = await browser.newContext({ locale: "en-GB", javaScriptEnabled });
      const visitorPage = await visitor.newPage();
      await visitorPage.goto("/");
      await visitorPage.getByRole("button", { name: "Start now" }).click();
      await answer(visitorPage, { helpFor: "self" });
      await answer(visitorPage, { age: "33" });
      await expect(visitorPage).toHaveURL(/\/screening\/municipality$/);
      const ownFlow = await caseIdOf(visitorPage);

      await visitorPage.goto(link);
      await expect(visitorPage.getByRole("heading", { level: 1 })).toHaveText("Continue your saved answers");
      await expect(visitorPage.getByText("This browser already has a screening open")).toBeVisible();
      await expectAccessible(visitorPage);
      await visitorPage.getByRole("link", { name: "Go back to the screening you have open" }).click();
      await expect(visitorPage).toHaveURL(/\/screening\/municipality$/);
      await visitorPage.getByRole("link", { name: "Back" }).click();
      await expect(visitorPage.getByRole("textbox")).toHaveValue("33");

      // A post that did not ask (a form on another page of ours, say) gets the question again, and changes nothing.
      const unasked = await visitor.request.post(link, {
        headers: { Origin: new URL(link).origin, "Accept-Language": "en-GB" },
        form: { other: "field" },
        maxRedirects: 0,
      });
      expect(unasked.status()).toBe(200);
      expect(await unasked.text()).toContain("This browser already has a screening open");
      expect(await caseIdOf(visitorPage)).toBe(ownFlow);

      // Told, the visitor may still choose the link's answers: the link is spent then.
      await visitorPage.goto(link);
      await visitorPage.getByRole("button", { name: "Continue with the saved answers from the link" }).click();
      await expect(visitorPage).toHaveURL(/\/screening\/municipality$/);
      expect(await caseIdOf(visitorPage)).not.toBe(ownFlow);
      await visitor.close();

      // The link's owner cannot open it again to read what the visitor answers next.
      const owner = await openInNewBrowser(browser, link, javaScriptEnabled);
      await expectLinkNotUsable(owner.page, owner.response?.status());
      await owner.context.close();
    });

    test("referrals: the confirmation's link shows the referrals once, in another browser", async ({ page, browser, expectAccessible }) => {
      const visited = visitedUrls(page);
      const address = addressFor(`track-js-${javaScriptEnabled ? "on" : "off"}`);
      await page.goto("/");
      await page.getByRole("button", { name: "Start now" }).click();
      for (const event of personas.evictionFamily.events) await answer(page, event.values as Record<string, unknown>);
      await page.getByRole("button", { name: "Confirm and find services" }).click();
      await page.getByRole("button", { name: "Choose services and give consent" }).click();
      await page.getByRole("checkbox").first().check();
      await page.getByRole("button", { name: "Send referrals" }).click();
      await giveDetailsIfAsked(page, personas.evictionFamily.answers.age);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Referrals sent");
      await expect(page.getByText("we can email you a link to follow your referrals")).toBeVisible();
      const reference = (await page.getByTestId("reference").textContent())!;
      const accessCode = (await page.getByTestId("access-code").textContent())!;

      if (javaScriptEnabled) await hydrated(page);
      await page.getByRole("button", { name: "Send me the link" }).click();
      await expect(page).toHaveTitle(/^Error: /);
      await expect(page.locator(".error-summary")).toBeFocused();
      await expect(page.locator(".error-summary")).toContainText("Enter your email address");
      await expect(page.locator("#email-link-address-error")).toContainText("Enter your email address");
      await expect(page.getByTestId("reference")).toHaveText(reference);
      await expect(page.getByTestId("access-code")).toHaveText(accessCode);
      await expectAccessible(page);

      await askForLinkAndWaitUntilSent(page, address, javaScriptEnabled);
      await expect(page.getByTestId("access-code")).toHaveText(accessCode);

      const link = await emailedLink(address);
      expect(link).toMatch(/^http:\/\/localhost:\d+\/track\/link\/[A-Za-z0-9_-]{22}$/);
      const later = await openInNewBrowser(browser, link, javaScriptEnabled);
      expect(later.response?.status()).toBe(200);
      expect(later.response?.headers()["referrer-policy"]).toBe("strict-origin");
      await expect(later.page.getByRole("heading", { level: 1 })).toHaveText("Follow your referrals");
      await expectAccessible(later.page);
      expect((await later.context.request.get(link)).status()).toBe(200);
      await later.page.getByRole("button", { name: "Show my referrals" }).click();
      await expect(later.page).toHaveURL(/\/track\/referrals$/);
      await expect(later.page.getByRole("heading", { level: 1 })).toHaveText("Your referrals");
      await expect(later.page.getByText("Sent, waiting for an answer").first()).toBeVisible();
      await later.context.close();

      const again = await openInNewBrowser(browser, link, javaScriptEnabled);
      await expectLinkNotUsable(again.page, again.response?.status());
      await expect(again.page.getByRole("link", { name: "Follow your referrals" })).toHaveAttribute("href", "/track");
      await expect(again.page.getByText("Sent, waiting for an answer")).toHaveCount(0);
      await again.context.close();

      const wrong = await openInNewBrowser(browser, tampered(link), javaScriptEnabled);
      await expectLinkNotUsable(wrong.page, wrong.response?.status());
      expect(wrong.response?.headers()["referrer-policy"]).toBe("strict-origin");
      await wrong.context.close();

      for (const url of visited) expect(url).not.toMatch(/@|example\.com/);
    });
  });
}

test("a newer save retires the link emailed for the earlier one", async ({ page, browser }) => {
  const address = addressFor("resaved");
  await startAndSaveForLater(page);
  const firstCode = (await page.locator(".resume-code").textContent())!;
  await page.getByLabel("Email address").fill(address);
  await page.getByRole("button", { name: "Send me the link" }).click();
  const link = await emailedLink(address);

  // Still in the same browser, the person goes on and saves again: a new code.
  await page.goto("/screening/municipality");
  await page.getByRole("button", { name: "Save and come back later" }).click();
  await expect(page.locator(".resume-code")).not.toHaveText(firstCode);

  const old = await openInNewBrowser(browser, link, true);
  await expectLinkNotUsable(old.page, old.response?.status());
  await old.context.close();
});

test("consent given again (a new access code) retires the tracking link emailed with the earlier one", async ({ page, browser }) => {
  const address = addressFor("reconsented");
  await answerOverHttp(page.request, personas.evictionFamily.events);
  await page.goto("/screening/consent");
  const service = (await page.getByRole("checkbox").first().getAttribute("value"))!;
  await page.getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "Send referrals" }).click();
  await giveDetailsIfAsked(page, personas.evictionFamily.answers.age);
  const firstCode = (await page.getByTestId("access-code").textContent())!;
  await page.getByLabel("Email address").fill(address);
  await page.getByRole("button", { name: "Send me the link" }).click();
  const link = await emailedLink(address);

  // The same form sent again (back and resubmit): the same reference, a new access code.
  const resent = await (
    await page.request.post("/screening/consent", { form: { services: service }, headers: { Origin: new URL(page.url()).origin } })
  ).text();
  expect(/data-testid="access-code">([0-9A-Z-]+)</.exec(resent)![1]).not.toBe(firstCode);

  const old = await openInNewBrowser(browser, link, true);
  await expectLinkNotUsable(old.page, old.response?.status());
  await old.context.close();
});
