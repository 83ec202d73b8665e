import type { Page } from "@playwright/test";
import { personas } from "#pathways/screening/personas.ts";
import { consentWithdrawnReason } from "#pathways/referral/machine.ts";
import { actAsProvider, caseIdOf, consents, deliverRequest, referralMessages, referrals } from "./case.ts";
import { expect, test } from "./fixtures.ts";
import { answer, followCase, giveDetailsIfAsked } from "./journey.ts";

/**
 * Withdrawing consent on the tracking page, and what the server did about it, read from
 * the database file the e2e server writes: the referral's status, the messages for its
 * provider (this case's only, since other tests write beside it) and the consent.
 */

/** A family at risk of eviction consents to every service offered, then follows its referrals on the tracking page. */
async function referAllAndTrack(page: Page): Promise<string> {
  await page.goto("/");
  await page.getByRole("button", { name: "Start now" }).click();
  for (const event of personas.evictionFamily.events) await answer(page, event.values as Record<string, unknown>);
  await page.getByRole("button", { name: "Confirm and find services" }).click();
  await page.getByRole("button", { name: "Choose services and give consent" }).click();
  for (const box of await page.getByRole("checkbox").all()) await box.check();
  await page.getByRole("button", { name: "Send referrals" }).click();
  await giveDetailsIfAsked(page, personas.evictionFamily.answers.age);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Referrals sent");
  await followCase(page);
  return caseIdOf(page);
}

/** The "Withdraw consent" button of one referral (each sits in a form naming its referral). */
const withdrawButton = (page: Page, referralId: string) =>
  page.locator("form", { has: page.locator(`input[name="referral"][value="${referralId}"]`) }).getByRole("button", { name: /Withdraw consent/ });

for (const { javaScriptEnabled, delivered } of [
  { javaScriptEnabled: true, delivered: false },
  { javaScriptEnabled: false, delivered: true },
]) {
  test.describe(`withdrawal with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });
    // A whole screening (about twenty pages) comes before the withdrawal: on a busy 2-core machine it took up to 28 s.
    test.setTimeout(60_000);

    test(`withdrawing a referral ${delivered ? "its provider has" : "not yet delivered"} cancels it ${delivered ? "and tells the provider" : "and everything waiting for it"}; a started one is kept and the person told`, async ({
      page,
      expectAccessible,
    }) => {
      const caseId = await referAllAndTrack(page);
      const [first, second] = referrals(caseId);
      expect(second, "the family is offered at least two services").toBeDefined();
      for (const referral of [first!, second!]) expect(referral.status).toBe("requested");
      if (delivered) deliverRequest(first!.id);

      const startedAt = Date.now();
      await withdrawButton(page, first!.id).click();
      await expect(withdrawButton(page, first!.id)).toHaveCount(0);
      await expect(page.getByText("Cancelled")).toHaveCount(1);
      expect(page.url()).toMatch(/\/track\/referrals$/);

      expect(referrals(caseId).map(({ id, status }) => [id, status])).toEqual([
        [first!.id, "cancelled"],
        [second!.id, "requested"],
      ]);
      const messages = referralMessages(caseId);
      const ofFirst = messages.filter((message) => message.referralId === first!.id);
      const request = ofFirst.find((message) => message.type === "referral.requested")!;
      expect(request.delivered).toBe(delivered);
      expect(request.cancelled).toBe(!delivered);
      const waiting = ofFirst.filter((message) => !message.delivered && !message.cancelled);
      if (delivered) {
        // The provider had the request: the withdrawal follows it, and nothing else.
        expect(waiting.map((message) => [message.type, message.payload.reason, message.payload.by])).toEqual([
          ["referral.cancelled", consentWithdrawnReason, "citizen"],
        ]);
      } else {
        expect(waiting).toEqual([]);
        expect(ofFirst.map((message) => message.type)).not.toContain("referral.cancelled");
      }
      // The other referral still waits to be sent.
      expect(messages.filter((message) => message.referralId === second!.id && !message.cancelled).map((message) => message.type)).toContain(
        "referral.requested",
      );
      const [firstConsent, secondConsent] = [first!, second!].map((referral) => consents(caseId).find((consent) => consent.serviceId === referral.serviceId)!);
      expect(firstConsent!.withdrawnAt).toBeGreaterThanOrEqual(startedAt);
      expect(firstConsent!.withdrawnAt).toBeLessThanOrEqual(Date.now());
      expect(firstConsent!.withdrawnBy).toBe("citizen");
      expect(secondConsent!.withdrawnAt).toBeNull();

      // Meanwhile, with the page still open, the provider started the other service.
      await actAsProvider(caseId, second!.id, ["ACCEPT", "START"]);
      const before = { referrals: referrals(caseId), messages: referralMessages(caseId), consents: consents(caseId) };
      await withdrawButton(page, second!.id).click();
      await expect(page.getByText("This service has already started, so your consent cannot be withdrawn here.")).toBeVisible();
      expect({ referrals: referrals(caseId), messages: referralMessages(caseId), consents: consents(caseId) }).toEqual(before);
      await expect(page.getByText("In progress")).toHaveCount(1);
      await expectAccessible(page);
    });
  });
}
