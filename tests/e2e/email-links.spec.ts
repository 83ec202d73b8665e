import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { personas } from "#pathways/screening/personas.ts";
import { caseIdOf, leaveIdle } from "./case.ts";
import { expect, test } from "./fixtures.ts";
import { answer, postedPaths, startAndSaveForLater } from "./journey.ts";
import { emailedLink } from "./mail.ts";

/**
 * "Email me a link" after saving and after consent: the form, its errors, the email the
 * server writes (read from its drop folder), and the link opened in another browser.
 */

/** An address of the test's own, so tests running side by side never read each other's mail. */
const addressFor = (test: string) => `${test}-${randomUUID().slice(0, 8)}@example.com`;

/** Every address the page went to, to check no address or email ever lands in one. */
function visitedUrls(page: Page): string[] {
  const visited: string[] = [];
  page.on("framenavigated", (frame) => visited.push(frame.url()));
  return visited;
}

/** The link opened as a person would from their mail program: a browser that has never seen Luukku. */
async function openInNewBrowser(browser: Browser, link: string, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ locale: "en-GB", javaScriptEnabled });
  const page = await context.newPage();
  const response = await page.goto(link);
  return { context, page, response };
}

/** A token with its last character changed: the shape of a real one, opening nothing. */
const tampered = (link: string) => `${link.slice(0, -1)}${link.endsWith("A") ? "B" : "A"}`;

for (const javaScriptEnabled of [true, false]) {
  test.describe(`email links with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("saved answers: a wrong address is explained, the link opens the answers in another browser, days later, twice", async ({
      page,
      browser,
      expectAccessible,
    }) => {
      const visited = visitedUrls(page);
      const address = addressFor(`resume-js-${javaScriptEnabled ? "on" : "off"}`);
      await startAndSaveForLater(page);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your answers have been saved");
      const code = (await page.locator(".resume-code").textContent())!;

      const field = page.getByLabel("Email address");
      await expect(field).toHaveAttribute("type", "email");
      await expect(field).toHaveAttribute("autocomplete", "email");
      await expect(field).toHaveAttribute("spellcheck", "false");
      await expect(page.getByText("We use it only to send this one message, and then delete it.")).toBeVisible();
      await expect(page.getByText("we can email you a link that opens your saved answers")).toBeVisible();
      await expectAccessible(page);

      const posts = postedPaths(page);
      await field.fill("maija.example.com");
      await page.getByRole("button", { name: "Send me the link" }).click();
      await expect(page).toHaveTitle(/^Error: /);
      // With JavaScript the address is checked in the browser first, and nothing is sent.
      expect(posts).toEqual(javaScriptEnabled ? [] : ["/screening/save"]);
      await expect(page.locator(".error-summary")).toBeFocused();
      await expect(page.locator(".error-summary")).toContainText("Enter an email address in the correct format");
      await expect(page.locator("#email-link-address-error")).toContainText("Enter an email address in the correct format");
      await expect(field).toHaveValue("maija.example.com");
      // The code is still on the page, the same one: asking for a link did not replace it.
      await expect(page.locator(".resume-code")).toHaveText(code);
      await expectAccessible(page);

      await field.fill(` ${address} `);
      await page.getByRole("button", { name: "Send me the link" }).click();
      await expect(page.getByText("We have sent a link to the address you gave.")).toBeVisible();
      await expect(page).toHaveTitle(/^Your answers have been saved/);
      await expect(page.locator(".resume-code")).toHaveText(code);
      await expectAccessible(page);

      const link = await emailedLink(address);
      expect(link).toMatch(/^http:\/\/localhost:\d+\/screening\/resume\/link\/[A-Za-z0-9_-]{22}$/);
      // Left for two days: far past the idle time of a screening in use.
      leaveIdle(await caseIdOf(page), 2 * 24 * 60 * 60 * 1000);

      for (const time of ["first", "second"]) {
        const later = await openInNewBrowser(browser, link, javaScriptEnabled);
        await expect(later.page, `${time} time`).toHaveURL(/\/screening\/municipality$/);
        await later.page.getByRole("link", { name: "Back" }).click();
        await expect(later.page.getByRole("textbox")).toHaveValue("52");
        await later.context.close();
      }

      const wrong = await openInNewBrowser(browser, tampered(link), javaScriptEnabled);
      expect(wrong.response?.status()).toBe(404);
      await expect(wrong.page.getByRole("heading", { level: 1 })).toHaveText("We could not find your answers");
      await expectAccessible(wrong.page);
      await wrong.context.close();

      for (const url of visited) expect(url).not.toMatch(/@|example\.com|maija/);
    });

    test("referrals: the confirmation's link opens the referrals in another browser", async ({ page, browser, expectAccessible }) => {
      const visited = visitedUrls(page);
      const address = addressFor(`track-js-${javaScriptEnabled ? "on" : "off"}`);
      await page.goto("/");
      await page.getByRole("button", { name: "Start now" }).click();
      for (const event of personas.evictionFamily.events) await answer(page, event.values as Record<string, unknown>);
      await page.getByRole("button", { name: "Confirm and find services" }).click();
      await page.getByRole("button", { name: "Choose services and give consent" }).click();
      await page.getByRole("checkbox").first().check();
      await page.getByRole("button", { name: "Send referrals" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Referrals sent");
      await expect(page.getByText("we can email you a link to follow your referrals")).toBeVisible();
      const reference = (await page.getByTestId("reference").textContent())!;
      const accessCode = (await page.getByTestId("access-code").textContent())!;

      await page.getByRole("button", { name: "Send me the link" }).click();
      await expect(page).toHaveTitle(/^Error: /);
      await expect(page.locator(".error-summary")).toBeFocused();
      await expect(page.locator(".error-summary")).toContainText("Enter your email address");
      await expect(page.locator("#email-link-address-error")).toContainText("Enter your email address");
      await expect(page.getByTestId("reference")).toHaveText(reference);
      await expect(page.getByTestId("access-code")).toHaveText(accessCode);
      await expectAccessible(page);

      await page.getByLabel("Email address").fill(address);
      await page.getByRole("button", { name: "Send me the link" }).click();
      await expect(page.getByText("We have sent a link to the address you gave.")).toBeVisible();
      await expect(page.getByTestId("access-code")).toHaveText(accessCode);
      await expectAccessible(page);

      const link = await emailedLink(address);
      expect(link).toMatch(/^http:\/\/localhost:\d+\/track\/link\/[A-Za-z0-9_-]{22}$/);
      const later = await openInNewBrowser(browser, link, javaScriptEnabled);
      await expect(later.page).toHaveURL(/\/track\/referrals$/);
      await expect(later.page.getByRole("heading", { level: 1 })).toHaveText("Your referrals");
      await expect(later.page.getByText("Sent, waiting for an answer").first()).toBeVisible();
      await expectAccessible(later.page);
      // The link itself answers with no referrer, so not even our own pages are told the token.
      const direct = await later.context.request.get(link, { maxRedirects: 0 });
      expect(direct.status()).toBe(302);
      expect(direct.headers()["referrer-policy"]).toBe("no-referrer");
      await later.context.close();

      const wrong = await openInNewBrowser(browser, tampered(link), javaScriptEnabled);
      expect(wrong.response?.status()).toBe(404);
      await expect(wrong.page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
      expect(wrong.response?.headers()["referrer-policy"]).toBe("no-referrer");
      await expect(wrong.page.getByText("Your referrals")).toHaveCount(0);
      await wrong.context.close();

      for (const url of visited) expect(url).not.toMatch(/@|example\.com/);
    });
  });
}
