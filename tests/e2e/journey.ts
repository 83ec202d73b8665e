import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { AnswerEvent } from "#pathways/screening/machine.ts";

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

/** From the confirmation page, follows the case as its owner would: with the reference number and access code it shows. */
export async function followCase(page: Page): Promise<void> {
  const reference = (await page.getByTestId("reference").textContent())!;
  const accessCode = (await page.getByTestId("access-code").textContent())!;
  await page.goto("/track");
  await page.getByLabel("Reference number").fill(reference);
  await page.getByLabel("Access code").fill(accessCode);
  await page.getByRole("button", { name: "Show my referrals" }).click();
  await expect(page).toHaveURL(/\/track\/referrals$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your referrals");
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

/** A form as a browser posts it without JavaScript: each item of a list as a field of its own. */
export function formBody(values: Record<string, unknown>): string {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    for (const item of [value].flat()) body.append(name, String(item));
  }
  return body.toString();
}

/**
 * Starts a screening and answers every question and check answers over HTTP, as the forms
 * post them without JavaScript. `request` keeps the flow cookie (`page.request` shares it
 * with the page's browser): for tests about what comes after the questions, which the
 * questions' own tests answer page by page.
 */
export async function answerOverHttp(request: APIRequestContext, events: readonly AnswerEvent[]): Promise<void> {
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const post = async (path: string, body: string) => {
    const response = await request.post(path, {
      data: body,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
      maxRedirects: 0,
    });
    expect(response.status(), `POST ${path}`).toBe(302);
  };
  await post("/screening/start", "");
  for (const event of events) await post(`/screening/${event.step}`, formBody(event.values as Record<string, unknown>));
  await post("/screening/check-answers", "");
}

/**
 * A person's details as the details page takes them, for a person of `age`: a Finnish
 * phone number, an email address, a date of birth agreeing with the age (1 January of the
 * year that makes it), a street address and postcode. Fields the page does not ask for
 * are ignored by the server.
 */
export function detailsFor(age: number): Record<string, string> {
  return {
    fullName: "Maija Meikäläinen",
    phone: "040 123 4567",
    email: "maija@example.fi",
    dobDay: "1",
    dobMonth: "1",
    dobYear: String(new Date().getFullYear() - age),
    streetAddress: "Koskenkatu 1 A 2",
    postcode: "33100",
  };
}

/** The body of the details page's post over HTTP: the choice of services with the details. */
export function detailsBody(serviceIds: readonly string[], age: number): string {
  return new URLSearchParams([["intent", "details"], ...serviceIds.map((id) => ["services", id]), ...Object.entries(detailsFor(age))]).toString();
}

/**
 * After "Send referrals": where the chosen services need details, the details page is
 * filled in as a person would (only the fields it shows) and sent; otherwise nothing.
 */
export async function giveDetailsIfAsked(page: Page, age: number, sendLabel = "Send referrals"): Promise<void> {
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).not.toHaveText(/^(Choose services and give your consent|Valitse palvelut ja anna suostumuksesi|Välj tjänster och ge ditt samtycke)$/);
  if ((await page.locator('input[name="intent"][value="details"]').count()) === 0) return;
  for (const [name, value] of Object.entries(detailsFor(age))) {
    const field = page.locator(`input[name="${name}"]`);
    if ((await field.count()) > 0) await field.fill(value);
  }
  await page.getByRole("button", { name: sendLabel }).click();
}
