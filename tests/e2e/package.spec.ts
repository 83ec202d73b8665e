import type { Page } from "@playwright/test";
import { needs as needDefinitions, type NeedCode } from "#pathways/needs/taxonomy.ts";
import { evictionFamily, parentOfTwoChildren, type Persona } from "#pathways/screening/personas.ts";
import { expect, test } from "./fixtures.ts";
import { answer, followCase, giveDetailsIfAsked } from "./journey.ts";

/**
 * The package page as issue 11 found it wanting: a parent's children's needs matched for
 * the children, each service shown once with the needs it meets, and whom each is for;
 * then the same words on the consent and tracking pages. With JavaScript on and off.
 */

const needName = (code: NeedCode) => needDefinitions[code].name.en;

async function screen(page: Page, persona: Persona) {
  await page.goto("/");
  await page.getByRole("button", { name: "Start now" }).click();
  for (const event of persona.events) {
    await expect(page).toHaveURL(new RegExp(`/screening/${event.step}$`));
    await answer(page, event.values as Record<string, unknown>);
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  await page.getByRole("button", { name: "Confirm and find services" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your service package");
}

/** Each proposed service's name, once per card. */
async function expectEachServiceOnce(page: Page) {
  const names = await page.locator(".package-service").getByRole("heading", { level: 2 }).allTextContents();
  expect(names.length).toBeGreaterThan(0);
  expect(new Set(names).size).toBe(names.length);
}

/** The needs a card lists, each with whom it is for, as the person reads them. */
async function needsOnCard(page: Page, service: string) {
  const card = page.getByRole("region", { name: service, exact: true });
  await expect(card).toHaveCount(1);
  return card.locator(".package-needs > li").allInnerTexts();
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`the package with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("a parent of 38 sees the children's therapies and short breaks met, for the children, by a service for children", async ({
      page,
      expectAccessible,
    }) => {
      await screen(page, parentOfTwoChildren);
      await expectEachServiceOnce(page);
      await expect(page.locator(".package-unmet")).toHaveCount(0);
      await expect(page.getByText("We did not find a service")).toHaveCount(0);
      const lines = await needsOnCard(page, "Family key worker for families with a disabled child");
      const childrens: NeedCode[] = [
        "disability.child-speech-therapy",
        "disability.child-occupational-therapy",
        "disability.child-psychological-therapy",
        "disability.respite",
      ];
      for (const code of childrens) expect(lines).toContainEqual(`${needName(code)} For your children`);
      expect(lines).toContainEqual(`${needName("family.parenting")} For your family`);
      await expectAccessible(page);

      // The plan waits for the family's key worker: the consent page says for whom it is.
      await page.getByRole("button", { name: "Choose services and give consent" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nothing to send now");
      const staffFirst = page.getByRole("region", { name: "First, a key worker for your family" });
      await expect(staffFirst.getByRole("listitem")).toHaveText(["Family key worker for families with a disabled child For your children For your family"]);
    });

    test("a family facing eviction sees adult social work once, for its three needs, for the parent, and the same on consent and tracking", async ({
      page,
      expectAccessible,
    }) => {
      await screen(page, evictionFamily);
      await expectEachServiceOnce(page);
      const lines = await needsOnCard(page, "Adult social work and eviction prevention");
      expect(lines.toSorted()).toEqual(
        (["housing.eviction-risk", "money.income", "money.benefits"] as NeedCode[]).map((code) => `${needName(code)} For you`).toSorted(),
      );
      await expectAccessible(page);

      await page.getByRole("button", { name: "Choose services and give consent" }).click();
      const checkbox = page.getByRole("checkbox", { name: /for Adult social work and eviction prevention$/ });
      await expect(checkbox).toHaveAccessibleDescription(/^For you/);
      await checkbox.check();
      await page.getByRole("button", { name: "Send referrals" }).click();
      await giveDetailsIfAsked(page, evictionFamily.answers.age);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Referrals sent");
      await followCase(page);
      // Each referral is a section of the tracking page, named by its service (issue 13, item 4).
      const forWhom = page
        .getByRole("region", { name: "Adult social work and eviction prevention", exact: true })
        .locator(".summary-list__row", { has: page.locator("dt", { hasText: /^For$/ }) });
      await expect(forWhom.locator(".summary-list__value")).toHaveText("For you");
      await expectAccessible(page);
    });
  });
}
