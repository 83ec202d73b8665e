import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { personas } from "#pathways/screening/personas.ts";
import { caseIdOf, referrals, withDatabase } from "./case.ts";
import { expect, test } from "./fixtures.ts";
import { answer, giveDetailsIfAsked, hydrated, postedPaths, startAndSaveForLater } from "./journey.ts";

/**
 * Every address the page asked for or was sent to (requests, redirects' Location headers,
 * navigations), as path and query: the build's asset files are left out, their names being
 * hashes that may hold any digits.
 */
function addressesOf(page: Page): string[] {
  const addresses: string[] = [];
  const record = (url: string, base?: string) => {
    const { pathname, search } = new URL(url, base);
    if (!pathname.startsWith("/assets/")) addresses.push(pathname + search);
  };
  page.on("request", (request) => record(request.url()));
  page.on("framenavigated", (frame) => record(frame.url()));
  page.on("response", (response) => {
    const location = response.headers().location;
    if (location) record(location, response.url());
  });
  return addresses;
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`screening with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("an older person living alone answers, checks, changes an answer and gets a package", async ({ page, expectAccessible }) => {
      const addresses = addressesOf(page);
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Find out what help you can get");
      await expect(page.getByText("112").first()).toBeVisible();
      await expectAccessible(page);
      await page.getByRole("button", { name: "Start now" }).click();
      await expect(page).toHaveURL(/\/screening\/help-for$/);
      await expectAccessible(page);

      // An empty answer: error summary, message by the field, nothing stored.
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page).toHaveTitle(/^Error: /);
      await expect(page.locator(".error-summary")).toBeVisible();
      if (javaScriptEnabled) {
        await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe("error-summary");
      }
      await expectAccessible(page);

      for (const event of personas.olderPersonAlone.events) {
        await expect(page).toHaveURL(new RegExp(`/screening/${event.step}$`));
        await answer(page, event.values as Record<string, unknown>);
      }
      await expect(page).toHaveURL(/\/screening\/check-answers$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
      await expectAccessible(page);

      // Change the age from check answers, and come back to check answers.
      const ageRow = page.locator(".summary-list__row", { hasText: "78" });
      await ageRow.getByRole("button", { name: /Change/ }).click();
      await expect(page).toHaveURL(/\/screening\/age$/);
      await expect(page.getByLabel(/old/i)).toHaveValue("78");
      await answer(page, { age: "81" });
      await expect(page).toHaveURL(/\/screening\/check-answers$/);
      await expect(page.locator(".summary-list__row", { hasText: "81" })).toBeVisible();

      await page.getByRole("button", { name: "Confirm and find services" }).click();
      await expect(page).toHaveURL(/\/screening\/complete$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your service package");
      await expect(page.locator(".package-service").first()).toBeVisible();
      // "Print my plan" needs JavaScript; without it the page offers no dead button.
      await expect(page.getByRole("button", { name: "Print my plan" })).toHaveCount(javaScriptEnabled ? 1 : 0);
      await expectAccessible(page);
      // Nothing personal in any address the browser asked for or was sent to on the way.
      expect(addresses.length).toBeGreaterThan(personas.olderPersonAlone.events.length);
      for (const address of addresses) expect(address).not.toMatch(/78|81|rantala|personal-care|own-home/);
    });

    test("the back link and the browser's back button both return to the previous question", async ({ page }) => {
      await page.goto("/");
      await page.getByRole("button", { name: "Start now" }).click();
      await answer(page, { helpFor: "self" });
      await answer(page, { age: "40" });
      await expect(page).toHaveURL(/\/screening\/municipality$/);
      // With JavaScript the router is to take these presses: a Back pressed while React still
      // hydrates the page moves the address but not the page it hydrates (once, under load).
      if (javaScriptEnabled) await hydrated(page);
      await page.getByRole("link", { name: "Back" }).click();
      await expect(page).toHaveURL(/\/screening\/age$/);
      await expect(page.getByRole("textbox")).toHaveValue("40");
      // Each step back shows its page before the next one (a person reads before pressing again).
      await page.goBack();
      await expect(page).toHaveURL(/\/screening\/municipality$/);
      await expect(page.getByRole("group", { name: "Which municipality do you live in?" })).toBeVisible();
      await page.goBack();
      await expect(page).toHaveURL(/\/screening\/age$/);
      await expect(page.getByRole("textbox")).toHaveValue("40");
      await answer(page, { age: "41" });
      await expect(page).toHaveURL(/\/screening\/municipality$/);
      // A question not reached yet sends the person back to where they are.
      await page.goto("/screening/contact");
      await expect(page).toHaveURL(/\/screening\/municipality$/);
    });
  });
}

test.describe("with JavaScript", () => {
  // With JavaScript the router handles both presses (the first page's data load is
  // cancelled by the second). Without it each press is the browser's own page load,
  // already covered one press at a time above; two at once there only race the
  // browser's remote protocol, not our server.
  test("pressing the browser's back button twice in quick succession lands on the question two back, showing that question", async ({
    page,
  }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Start now" }).click();
    await answer(page, { helpFor: "self" });
    await answer(page, { age: "40" });
    await answer(page, { municipality: "koskela" });
    await expect(page).toHaveURL(/\/screening\/language$/);
    // The second press comes before the first page has loaded.
    await page.goBack({ waitUntil: "commit" });
    await page.goBack();
    await expect(page).toHaveURL(/\/screening\/age$/);
    await expect(page.getByRole("textbox", { name: "How old are you?" })).toHaveValue("40");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("How old are you?");
    await answer(page, { age: "41" });
    await expect(page).toHaveURL(/\/screening\/municipality$/);
    await expect(page.getByRole("radio", { name: "Koskela" })).toBeChecked();
  });

  test("an answer is checked in the browser with the same rules before it is sent, and pages change without reloading", async ({
    page,
    expectAccessible,
  }) => {
    const posts = postedPaths(page);
    await page.goto("/");
    await page.getByRole("button", { name: "Start now" }).click();
    await answer(page, { helpFor: "self" });
    await expect(page).toHaveURL(/\/screening\/age$/);
    // Before React hydrates the page, a click is a plain post (so a document load) on a busy machine.
    await hydrated(page);
    // A document load would lose this.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const postsBefore = posts.length;

    await page.getByRole("textbox").fill("sixty");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.locator(".error-summary")).toContainText("Age must be a whole number between 0 and 120");
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe("error-summary");
    await expect(page.getByRole("textbox")).toHaveValue("sixty");
    await expectAccessible(page);
    expect(posts.length).toBe(postsBefore);

    // Retyped and still wrong: the message stays, and the focus stays in the field while typing.
    await page.getByRole("textbox").focus();
    await page.getByRole("textbox").pressSequentially("-one");
    await expect(page.getByRole("textbox")).toHaveValue("sixty-one");
    await expect(page.locator(".error-summary")).toBeVisible();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("INPUT");

    // Corrected as the person types; the summary does not take the focus from the field.
    await page.getByRole("textbox").fill("67");
    await expect(page.locator(".error-message")).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("INPUT");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/screening\/municipality$/);
    // One data request (React Router single fetch), not a document POST.
    expect(posts.slice(postsBefore)).toEqual(["/screening/age.data"]);
    expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
  });
});

test("with JavaScript, the tracking, resume and feedback forms are checked in the browser before anything is sent", async ({
  page,
  expectAccessible,
}) => {
  const posts = postedPaths(page);
  const summary = page.locator(".error-summary");

  // Each page waits for React first: a click before it hydrates is a plain post, checked on the server.
  await page.goto("/track");
  await hydrated(page);
  await page.getByLabel("Access code").fill("K7QM-2XWP-9HTD");
  await page.getByRole("button", { name: "Show my referrals" }).click();
  await expect(summary).toContainText("Enter your reference number");
  await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe("error-summary");
  await expect(page.getByLabel("Access code")).toHaveValue("K7QM-2XWP-9HTD");
  await expectAccessible(page);
  // Corrected as the person types: the message goes, the focus stays in the field.
  await page.getByLabel("Reference number").fill("LK-0000-0000");
  await expect(summary).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("track-reference");

  await page.goto("/screening/resume");
  await hydrated(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(summary).toContainText("Enter your code");
  await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe("error-summary");

  await page.goto("/feedback");
  await hydrated(page);
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.locator("#feedback-rating-error")).toContainText("Select how you felt about this service");
  await expectAccessible(page);
  expect(posts).toEqual([]);

  // What passes the browser's check goes to the server, which still decides.
  await page.goto("/track");
  await page.getByLabel("Reference number").fill("LK-0000-0000");
  await page.getByLabel("Access code").fill("K7QM-2XWP-9HTD");
  await page.getByRole("button", { name: "Show my referrals" }).click();
  await expect(summary).toContainText("We could not find referrals with that reference number and access code");
  expect(posts).toEqual(["/track.data"]);
});

test("a question page without a screening goes to the start page", async ({ page }) => {
  await page.goto("/screening/age");
  await expect(page).toHaveURL(/\/$/);
});

test("a person in danger at home sees emergency guidance first, an exit button, and the package only when they ask", async ({
  page,
  expectAccessible,
}) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Start now" }).click();
  const events = personas.dangerAtHome.events;
  const safetyAt = events.findIndex((event) => event.step === "safety");
  for (const event of events.slice(0, safetyAt + 1)) {
    await expect(page).toHaveURL(new RegExp(`/screening/${event.step}$`));
    await answer(page, event.values as Record<string, unknown>);
  }
  await expect(page).toHaveURL(/\/screening\/urgent-help$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Help you can get straight away");
  await expect(page.getByText(/call 112/).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Exit this page" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Continue with the questions" }).click();
  for (const event of events.slice(safetyAt + 1)) {
    await expect(page).toHaveURL(new RegExp(`/screening/${event.step}$`));
    await expect(page.getByRole("button", { name: "Exit this page" })).toBeVisible();
    await answer(page, event.values as Record<string, unknown>);
  }
  await page.getByRole("button", { name: "Confirm and find services" }).click();
  await expect(page).toHaveURL(/\/screening\/complete$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Help you can get straight away");
  await expect(page.locator(".package-service")).toHaveCount(0);
  await page.getByRole("button", { name: "Show my service package" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your service package");
  await expect(page.getByRole("button", { name: "Exit this page" })).toBeVisible();
  await expectAccessible(page);
});

test("answers saved for later come back with the code, in another browser", async ({ page, browser, expectAccessible }) => {
  await startAndSaveForLater(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your answers have been saved");
  const code = (await page.locator(".resume-code").textContent())!;
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(page.url()).not.toContain(code);
  await expectAccessible(page);

  const other = await browser.newContext({ locale: "en-GB" });
  const later = await other.newPage();
  await later.goto("/screening/resume");
  await later.getByRole("textbox").fill("AAAA-BBBB-CCCC");
  await later.getByRole("button", { name: "Continue" }).click();
  await expect(later).toHaveTitle(/^Error: /);
  await expect(later.locator("#resume-code-error")).toContainText("We could not find saved answers with that code");
  await expectAccessible(later);
  await later.getByRole("textbox").fill(code.toLowerCase().replaceAll("-", " "));
  await later.getByRole("button", { name: "Continue" }).click();
  await expect(later).toHaveURL(/\/screening\/municipality$/);
  await later.getByRole("link", { name: "Back" }).click();
  await expect(later.getByRole("textbox")).toHaveValue("52");
  await other.close();
});

test("a family at risk of eviction gives consent per provider once, and gets a reference and access code", async ({
  page,
  expectAccessible,
}) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Start now" }).click();
  for (const event of personas.evictionFamily.events) await answer(page, event.values as Record<string, unknown>);
  await page.getByRole("button", { name: "Confirm and find services" }).click();
  await page.getByRole("button", { name: "Choose services and give consent" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose services and give your consent");
  const boxes = page.getByRole("checkbox");
  expect(await boxes.count()).toBeGreaterThan(0);
  for (const box of await boxes.all()) await expect(box).not.toBeChecked();
  await expect(page.getByText("They will receive:").first()).toBeVisible();
  await expectAccessible(page);

  const consentPosts = postedPaths(page);
  await page.getByRole("button", { name: "Send referrals" }).click();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.locator("#consent-services-error")).toContainText("Select at least one service");
  await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe("error-summary");
  await expectAccessible(page);
  // Checked in the browser by the schema the action uses: nothing was sent.
  expect(consentPosts).toEqual([]);

  await boxes.first().check();
  const chosenService = (await boxes.first().getAttribute("value"))!;
  const caseId = await caseIdOf(page);
  expect(referrals(caseId)).toEqual([]);
  await page.getByRole("button", { name: "Send referrals" }).click();
  await giveDetailsIfAsked(page, personas.evictionFamily.answers.age);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Referrals sent");
  const reference = (await page.getByTestId("reference").textContent())!;
  expect(reference).toMatch(/^LK-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByTestId("access-code")).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expectAccessible(page);
  const referralsAfter = referrals(caseId);
  expect(referralsAfter.map((referral) => referral.serviceId)).toEqual([Number(chosenService)]);

  // Coming back: nothing left to send, and the person is told they have a reference.
  await page.goto("/screening/consent");
  await expect(page.getByText("You already have a reference number for this case.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send referrals" })).toHaveCount(0);
  // The same form sent again (back and resubmit, a double click): the same reference, no new referrals.
  const resent = await page.request.post("/screening/consent", {
    form: { services: chosenService },
    headers: { Origin: new URL(page.url()).origin },
  });
  const resentPage = await resent.text();
  expect(resentPage).toContain(reference);
  expect(referrals(caseId)).toEqual(referralsAfter);
  // The code on the latest confirmation is the one that works.
  const accessCode = /data-testid="access-code">([0-9A-Z-]+)</.exec(resentPage)![1]!;

  await page.goto("/track");
  await page.getByLabel("Reference number").fill(reference);
  await page.getByLabel("Access code").fill("AAAA-BBBB-CCCC");
  await page.getByRole("button", { name: "Show my referrals" }).click();
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
  await page.getByLabel("Access code").fill(accessCode.toLowerCase());
  await page.getByRole("button", { name: "Show my referrals" }).click();
  await expect(page).toHaveURL(/\/track\/referrals$/);
  expect(page.url()).not.toContain(reference);
  await expect(page.getByText("Sent, waiting for an answer").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: /Withdraw consent/ }).first().click();
  await expect(page.getByText("Cancelled").first()).toBeVisible();
});

for (const { language, start, continueLabel, confirm, packageTitle } of [
  { language: "fi", start: "Aloita", continueLabel: "Jatka", confirm: "Vahvista ja etsi palvelut", packageTitle: "Palvelukokonaisuutesi" },
  { language: "sv", start: "Börja", continueLabel: "Fortsätt", confirm: "Bekräfta och sök tjänster", packageTitle: "Ditt servicepaket" },
] as const) {
  for (const javaScriptEnabled of language === "fi" ? [true, false] : [false]) {
    test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
      test.use({ javaScriptEnabled });
      test(`a whole screening in ${language === "fi" ? "Finnish" : "Swedish"}`, async ({ page, expectAccessible }) => {
        await page.goto(`/?lng=${language}`);
        await expect(page.locator("html")).toHaveAttribute("lang", language);
        await page.getByRole("button", { name: start }).click();
        for (const event of personas.unemployed14Months.events) {
          await expect(page).toHaveURL(new RegExp(`/screening/${event.step}$`));
          await answer(page, event.values as Record<string, unknown>, continueLabel);
        }
        await expect(page).toHaveURL(/\/screening\/check-answers$/);
        await expectAccessible(page);
        await page.getByRole("button", { name: confirm }).click();
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(packageTitle);
        await expect(page.locator("html")).toHaveAttribute("lang", language);
        await expectAccessible(page);
      });
    });
  }
}

test("one person's answers never show in another person's pages or addresses", async ({ browser }) => {
  const first = await browser.newContext({ locale: "en-GB" });
  const second = await browser.newContext({ locale: "en-GB" });
  const mine = await first.newPage();
  const theirs = await second.newPage();
  const visited: string[] = [];
  for (const page of [mine, theirs]) page.on("framenavigated", (frame) => visited.push(frame.url()));

  await mine.goto("/");
  await mine.getByRole("button", { name: "Start now" }).click();
  await answer(mine, { helpFor: "self" });
  await answer(mine, { age: "97" });
  await theirs.goto("/");
  await theirs.getByRole("button", { name: "Start now" }).click();
  await answer(theirs, { helpFor: "someone-i-care-for" });
  await theirs.getByRole("link", { name: "Back" }).click();
  await expect(theirs.getByRole("radio", { name: /someone/i })).toBeChecked();
  // The second person's flow does not know the first person's age.
  await theirs.goto("/screening/age");
  await expect(theirs.getByRole("textbox")).toHaveValue("");
  // Asset file names and the build's version are hashes, which may contain any digits: they are left out.
  const stripped = (await theirs.content()).replace(/\/assets\/[\w.-]+/g, "").replace(/"version": "[0-9a-f]+"/, "");
  expect(stripped).not.toContain("97");
  for (const url of visited) expect(url).not.toMatch(/97|someone-i-care-for/);
  await first.close();
  await second.close();
});

test("feedback: a rating is needed, the comment is optional, and it is stored without anything personal", async ({
  page,
  expectAccessible,
}) => {
  // This test's own comments, marked so that feedback other tests send at the same time does not count.
  const mark = randomUUID();
  const stored = () =>
    withDatabase((db) => db.$client.prepare("SELECT rating, comment, channel FROM feedback WHERE comment LIKE ?").all(`%${mark}%`));
  await page.goto("/feedback");
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.locator("#feedback-rating-error")).toContainText("Select how you felt about this service");
  await expectAccessible(page);
  await page.getByRole("textbox").fill(mark + "x".repeat(1001 - mark.length));
  await page.getByRole("radio", { name: "Satisfied", exact: true }).check();
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.locator("#feedback-comment-error")).toContainText("1,000 characters or fewer");
  expect(stored()).toEqual([]);
  await page.getByRole("textbox").fill(`Clear questions. ${mark}\u0007`);
  await page.getByRole("radio", { name: "Satisfied", exact: true }).check();
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you for your feedback");
  // Stored once, the control character gone, with nothing but the rating, the words and the channel.
  expect(stored()).toEqual([{ rating: 4, comment: `Clear questions. ${mark}`, channel: "online" }]);
});

/** Presses Tab until the focused element matches, as a keyboard user moves through a page. */
async function tabTo(page: Page, matches: (element: { tag: string; text: string; type: string; value: string }) => boolean) {
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLInputElement | null;
      return { tag: element?.tagName ?? "", text: element?.textContent?.trim() ?? "", type: element?.type ?? "", value: element?.value ?? "" };
    });
    if (matches(focused)) return;
  }
  throw new Error("Tab never reached the element");
}

test("a keyboard-only journey through the first questions", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await tabTo(page, (element) => element.tag === "BUTTON" && element.text === "Start now");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/screening\/help-for$/);

  await tabTo(page, (element) => element.type === "radio");
  await page.keyboard.press("Space");
  await tabTo(page, (element) => element.tag === "BUTTON" && element.text === "Continue");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/screening\/age$/);

  await tabTo(page, (element) => element.tag === "INPUT" && element.type === "text");
  await page.keyboard.type("67");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/screening\/municipality$/);

  await tabTo(page, (element) => element.type === "radio");
  await page.keyboard.press("ArrowDown");
  await tabTo(page, (element) => element.tag === "BUTTON" && element.text === "Continue");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/screening\/language$/);
});

test("five minutes before an idle screening ends, a dialog lets the person stay", async ({ page }) => {
  await page.clock.install();
  await page.goto("/");
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(page).toHaveURL(/\/screening\/help-for$/);
  // The warning's timers start once React has hydrated it: on a busy machine that can be after the page shows.
  await hydrated(page, "dialog");
  const dialog = page.getByRole("dialog", { name: "Your session will end soon" });
  await expect(dialog).toBeHidden();
  await page.clock.fastForward("25:01");
  await expect(dialog).toBeVisible();
  const extended = page.waitForResponse((response) => response.url().endsWith("/screening/extend") && response.status() === 204);
  await dialog.getByRole("button", { name: "Stay on this page" }).click();
  await extended;
  await expect(dialog).toBeHidden();
  await page.clock.fastForward("24:00");
  await expect(dialog).toBeHidden();
});
