import { readFileSync } from "node:fs";
import { personas } from "#pathways/screening/personas.ts";
import { caseIdOf, withDatabase } from "./case.ts";
import { expect, test } from "./fixtures.ts";
import { answerOverHttp, detailsFor, followCase, hydrated } from "./journey.ts";

/**
 * A referral that can reach the person (issue 13, item 1): after ticking services, the
 * person is asked for exactly the details those services need, each with who receives it;
 * a wrong phone number is refused beside the field and in the summary, with nothing lost;
 * the details are kept and each referral shares exactly what its consent names. Read back
 * with the test's own SQL. With JavaScript on and off, in English and Finnish.
 */

test.setTimeout(60_000);

const age = personas.evictionFamily.answers.age;
const askedOrder = ["name-and-contact", "date-of-birth", "address"] as const;
const referralData = (serviceId: string) =>
  withDatabase((db) => JSON.parse(db.$client.prepare("SELECT referral_data FROM service WHERE id = ?").pluck().get(Number(serviceId)) as string) as string[]);

/** The English words for each data category, as the locale file has them. */
const consentWords = () =>
  (JSON.parse(readFileSync(new URL("../../locales/en/consent.json", import.meta.url), "utf8")) as { consent: { dataCategories: Record<string, string> } }).consent.dataCategories;

const words = {
  en: {
    send: "Send referrals",
    title: "Your details for the services",
    sent: "Referrals sent",
    phone: "Phone number",
    legends: { "name-and-contact": "Name and contact details", "date-of-birth": "Date of birth", address: "Address" },
    phoneError: "Enter a phone number that can be dialled",
  },
  fi: {
    send: "Lähetä lähetteet",
    title: "Tietosi palveluille",
    sent: "Lähetteet lähetetty",
    phone: "Puhelinnumero",
    legends: { "name-and-contact": "Nimi ja yhteystiedot", "date-of-birth": "Syntymäaika", address: "Osoite" },
    phoneError: "Kirjoita puhelinnumero, johon voi soittaa",
  },
} as const;

for (const javaScriptEnabled of [true, false]) {
  test.describe(`details for a referral with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });
    for (const language of ["en", "fi"] as const) {
      test(`in ${language}: asked only what the two chosen services need, a wrong phone number refused, then kept and shared exactly`, async ({ page, expectAccessible }) => {
        const text = words[language];
        await answerOverHttp(page.request, personas.evictionFamily.events);
        const caseId = await caseIdOf(page);
        await page.goto(`/screening/consent?lng=${language}`);
        const boxes = page.getByRole("checkbox");
        expect(await boxes.count(), "the eviction package offers at least two services").toBeGreaterThanOrEqual(2);
        const chosen = [(await boxes.nth(0).getAttribute("value"))!, (await boxes.nth(1).getAttribute("value"))!];
        await boxes.nth(0).check();
        await boxes.nth(1).check();
        await page.getByRole("button", { name: text.send }).click();

        const expected = askedOrder.filter((category) => chosen.some((id) => referralData(id).includes(category)));
        expect(expected.length, "the chosen demo services need details").toBeGreaterThan(0);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.title);
        await expect(page.locator("legend")).toHaveText(expected.map((category) => text.legends[category]));
        await expectAccessible(page);

        const details = detailsFor(age);
        for (const [name, value] of Object.entries(details)) {
          const field = page.locator(`input[name="${name}"]`);
          if ((await field.count()) > 0) await field.fill(name === "phone" ? "123" : value);
        }
        if (javaScriptEnabled) await hydrated(page);
        await page.getByRole("button", { name: text.send }).click();

        if (expected.includes("name-and-contact")) {
          await expect(page).toHaveTitle(/^(Error|Virhe): /);
          await expect(page.getByRole("alert").getByRole("link", { name: new RegExp(text.phoneError) })).toBeVisible();
          await expect(page.locator("#details-phone-error")).toContainText(text.phoneError);
          // Nothing typed is lost, and nothing was sent.
          if (expected.includes("address")) await expect(page.locator('input[name="streetAddress"]')).toHaveValue(details.streetAddress!);
          expect(withDatabase((db) => db.$client.prepare("SELECT count(*) FROM referral WHERE case_id = ?").pluck().get(caseId))).toBe(0);
          await expectAccessible(page);
          await page.getByLabel(text.phone).fill(details.phone!);
          await page.getByRole("button", { name: text.send }).click();
        }
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.sent);

        const person = withDatabase(
          (db) =>
            db.$client
              .prepare(
                `SELECT full_name, phone, email, date_of_birth, street_address, postcode FROM person
                 JOIN case_member ON case_member.person_id = person.id WHERE case_member.case_id = ? AND case_member.relation = 'person-screened'`,
              )
              .get(caseId) as Record<string, string | null>,
        );
        const has = (category: (typeof askedOrder)[number]) => expected.includes(category);
        expect(person).toEqual({
          full_name: has("name-and-contact") ? details.fullName : null,
          phone: has("name-and-contact") ? "+358401234567" : null,
          email: has("name-and-contact") ? details.email : null,
          date_of_birth: has("date-of-birth") ? `${details.dobYear}-01-01` : null,
          street_address: has("address") ? details.streetAddress : null,
          postcode: has("address") ? details.postcode : null,
        });
        const consents = withDatabase(
          (db) => db.$client.prepare("SELECT service_id, data_categories FROM consent WHERE case_id = ? ORDER BY service_id").all(caseId) as { service_id: number; data_categories: string }[],
        );
        expect(consents.map((row) => [String(row.service_id), JSON.parse(row.data_categories) as string[]])).toEqual(
          [...chosen].sort((a, b) => Number(a) - Number(b)).map((id) => [id, referralData(id)]),
        );

        if (language === "en") {
          // The tracking page (item 4): each referral with its provider, status and date, when it was sent,
          // when an answer is expected, what was shared, how to reach the service and what to do now.
          await followCase(page);
          for (const id of chosen) {
            const [name, provider] = withDatabase((db) =>
              db.$client
                .prepare("SELECT json_extract(s.name, '$.en'), json_extract(o.name, '$.en') FROM service s JOIN organization o ON o.id = s.organization_id WHERE s.id = ?")
                .raw()
                .get(Number(id)),
            ) as [string, string];
            const section = page.getByRole("region", { name, exact: true });
            const row = (key: string) => section.locator(".summary-list__row", { has: page.locator("dt", { hasText: key }) }).locator("dd");
            await expect(row("Provider")).toHaveText(provider);
            await expect(row("Status")).toContainText(/Sent, waiting for an answer since \d{1,2} \w+ \d{4}/);
            await expect(row("Sent")).toContainText(String(new Date().getFullYear()));
            await expect(row("Answer expected")).toContainText(/by \d{1,2} \w+ \d{4} \(within \d+ working days? of sending\)/);
            const words = consentWords();
            await expect(row("Shared with them")).toHaveText(new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" }).format(referralData(id).map((category) => words[category]!)));
            await expect(row("Contact the service").getByRole("link").first()).toHaveAttribute("href", /^(tel|mailto):/);
            await expect(section.getByRole("heading", { level: 3, name: "What you can do now" })).toBeVisible();
            await expect(section.getByText("Wait for the service to contact you.")).toBeVisible();
          }
          await expectAccessible(page);
        }
      });
    }
  });
}

test("a person who sends nothing is never asked for details", async ({ page }) => {
  await answerOverHttp(page.request, personas.dangerAtHome.events);
  await page.goto("/screening/consent");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nothing to send now");
  await page.getByRole("button", { name: "Get a reference number" }).click();
  await expect(page.getByTestId("reference")).toBeVisible();
  await expect(page.locator('input[name="intent"][value="details"]')).toHaveCount(0);
  const caseId = await caseIdOf(page);
  // Nobody in the household has details kept.
  const household = withDatabase((db) =>
    db.$client
      .prepare(
        `SELECT full_name, phone, email, date_of_birth, street_address, postcode FROM person
         JOIN case_member ON case_member.person_id = person.id WHERE case_member.case_id = ?`,
      )
      .all(caseId),
  );
  expect(household.length).toBeGreaterThan(0);
  for (const member of household) expect(member).toEqual({ full_name: null, phone: null, email: null, date_of_birth: null, street_address: null, postcode: null });
});
