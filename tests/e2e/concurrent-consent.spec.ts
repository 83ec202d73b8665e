import { personas } from "#pathways/screening/personas.ts";
import { caseIdOf, consents, referralMessages, referrals } from "./case.ts";
import { expect, test } from "./fixtures.ts";
import { answer, detailsBody } from "./journey.ts";

// A whole screening (about twenty pages) comes first.
test.setTimeout(60_000);

test("two consent posts for one case at the same time create one set of referrals", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Start now" }).click();
  for (const event of personas.evictionFamily.events) await answer(page, event.values as Record<string, unknown>);
  await page.getByRole("button", { name: "Confirm and find services" }).click();
  await page.getByRole("button", { name: "Choose services and give consent" }).click();
  const chosen = await Promise.all((await page.getByRole("checkbox").all()).map(async (box) => (await box.getAttribute("value"))!));
  expect(chosen.length).toBeGreaterThan(0);
  const caseId = await caseIdOf(page);
  const post = () =>
    page.request.post("/screening/consent", {
      data: detailsBody(chosen, personas.evictionFamily.answers.age),
      headers: { Origin: new URL(page.url()).origin, "Content-Type": "application/x-www-form-urlencoded" },
    });

  const [first, second] = await Promise.all([post(), post()]);

  expect([first.status(), second.status()]).toEqual([200, 200]);
  const referenceOf = async (response: typeof first) => /LK-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(await response.text())?.[0];
  const references = await Promise.all([referenceOf(first), referenceOf(second)]);
  expect(references[0]).toBeDefined();
  expect(references[1]).toBe(references[0]);
  // Counted for this case only: other tests write to the same database meanwhile.
  expect(referrals(caseId).map((referral) => String(referral.serviceId)).sort()).toEqual([...chosen].sort());
  expect(referralMessages(caseId).filter((message) => message.type === "referral.requested")).toHaveLength(chosen.length);
  expect(consents(caseId).map((consent) => String(consent.serviceId)).sort()).toEqual([...chosen].sort());
});
