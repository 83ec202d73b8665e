import type { Page } from "@playwright/test";

/** Answers a question page the way a person would: tick, choose or type, then Continue. */
export async function answer(page: Page, values: Record<string, unknown>, continueLabel = "Continue") {
  // First a field of this question (so the previous page is gone), then the button that
  // follows every field (so the whole form has been parsed, even on a slow machine).
  const continueButton = page.getByRole("button", { name: continueLabel, exact: true });
  await page.locator(`[name="${Object.keys(values)[0]}"]`).first().waitFor();
  await continueButton.waitFor();
  for (const [name, value] of Object.entries(values)) {
    const list = Array.isArray(value) ? (value as string[]) : [String(value)];
    for (const item of list) {
      const choice = page.locator(`input[name="${name}"][value="${item}"]`);
      if ((await choice.count()) > 0) await choice.check();
      else if ((await page.locator(`select[name="${name}"]`).count()) > 0) await page.selectOption(`select[name="${name}"]`, item);
      else await page.fill(`input[name="${name}"]`, item);
    }
  }
  await continueButton.click();
}

/** The paths this page posts to from now on, as a person's browser sends them. */
export function postedPaths(page: Page): string[] {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(new URL(request.url()).pathname);
  });
  return posts;
}

/** Starts a screening, answers the first two questions and asks to save it for later. */
export async function startAndSaveForLater(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("button", { name: "Start now" }).click();
  await answer(page, { helpFor: "self" });
  await answer(page, { age: "52" });
  await page.getByRole("button", { name: "Save and come back later" }).click();
}

/**
 * With JavaScript, waits until React has taken over `selector` (hydrated it): before
 * then a click is a plain form post, as without JavaScript. A test of what the page's
 * scripts do waits for this first; otherwise, on a busy machine where the scripts arrive
 * late, it checks the server's answer instead (the cause of a flaky email link test).
 */
export async function hydrated(page: Page, selector = "main form"): Promise<void> {
  await page.waitForFunction((selector) => {
    const element = document.querySelector(selector);
    return element !== null && Object.keys(element).some((key) => key.startsWith("__reactProps$"));
  }, selector);
}
