import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

/** The WCAG 2.2 AA rule set: every page must pass it with no violations. */
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Shows a page's HTML, as it was received, in a browser that runs axe but none of the page's own scripts. */
type ShowWithoutScripts = (url: string, html: string) => Promise<Page>;

/**
 * Runs axe on the page as the person sees it. axe needs JavaScript, so for a page in a
 * context with JavaScript off, the exact HTML it received is shown again in the worker's
 * JavaScript-enabled copy page, which loads none of the app's scripts: what is checked is
 * what a no-JS user got.
 */
async function expectNoAccessibilityViolations(page: Page, javaScriptEnabled: boolean, showWithoutScripts: ShowWithoutScripts): Promise<void> {
  // Check the whole page: a snapshot taken while the document is still arriving would
  // hold half a list.
  await page.waitForLoadState("load");
  await checkWithAxe(javaScriptEnabled ? page : await showWithoutScripts(page.url(), await page.content()));
}

async function checkWithAxe(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
  );
  expect(summary, "axe violations").toEqual([]);
}

/**
 * Fails a test when the page logs an error or throws: a hydration mismatch or a CSP
 * refusal shows up there first.
 */
export const test = base.extend<
  { pageErrors: string[]; expectAccessible: (page: Page) => Promise<void> },
  { showWithoutScripts: ShowWithoutScripts }
>({
  expectAccessible: async ({ javaScriptEnabled, showWithoutScripts }, use) => {
    await use((page) => expectNoAccessibilityViolations(page, javaScriptEnabled, showWithoutScripts));
  },
  // One page per worker, not a browser context per check: on a small busy machine a new
  // context for each check cost more than the check itself.
  showWithoutScripts: [
    async ({ browser }, use) => {
      const context = await browser.newContext({ javaScriptEnabled: true });
      const copy = await context.newPage();
      let shown = { url: "", html: "" };
      await copy.route("**/*", (route) => {
        const request = route.request();
        if (request.resourceType() === "document" && request.url() === shown.url) {
          return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: shown.html });
        }
        return request.resourceType() === "script" ? route.abort() : route.continue();
      });
      await use(async (url, html) => {
        // Without its fragment, so that showing the same address again is a new document, not a jump within it.
        shown = { url: url.replace(/#.*$/, ""), html };
        await copy.goto(shown.url);
        return copy;
      });
      await context.close();
    },
    { scope: "worker" },
  ],
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        // Chrome logs an error page's own status (404, 400) as a failed load; those
        // statuses are asserted by the tests. A failed asset or script still counts.
        const failedDocument =
          message.text().startsWith("Failed to load resource") && !new URL(message.location().url).pathname.startsWith("/assets/");
        if (!failedDocument) errors.push(message.text());
      });
      await use(errors);
      expect(errors, "errors in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
