import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

/** The WCAG 2.2 AA rule set: every page must pass it with no violations. */
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Runs axe on the page as the person sees it. axe needs JavaScript, so for a page in a
 * context with JavaScript off, the exact HTML it received is served again to a page that
 * can run axe but loads none of the app's scripts: what is checked is what a no-JS user got.
 */
async function expectNoAccessibilityViolations(page: Page, javaScriptEnabled: boolean): Promise<void> {
  // Check the whole page: a snapshot taken while the document is still arriving would
  // hold half a list.
  await page.waitForLoadState("load");
  if (javaScriptEnabled) {
    await checkWithAxe(page);
    return;
  }
  const html = await page.content();
  const url = page.url();
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    await copy.route("**/*", (route) => {
      const request = route.request();
      if (request.url() === url && request.resourceType() === "document") {
        return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
      }
      return request.resourceType() === "script" ? route.abort() : route.continue();
    });
    await copy.goto(url);
    await checkWithAxe(copy);
  } finally {
    await context.close();
  }
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
export const test = base.extend<{ pageErrors: string[]; expectAccessible: (page: Page) => Promise<void> }>({
  expectAccessible: async ({ javaScriptEnabled }, use) => {
    await use((page) => expectNoAccessibilityViolations(page, javaScriptEnabled));
  },
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
