import { expect, test } from "./fixtures.ts";
import { answer } from "./journey.ts";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`page furniture with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("every page says at the top that it is a demonstration, and the footer leads to help, contact and the privacy notice", async ({
      page,
      expectAccessible,
    }) => {
      await page.goto("/services?lng=fi");
      const demonstration = page.getByRole("banner").locator(".phase-banner");
      await expect(demonstration).toHaveText("Esittely Järvimaan alue, sen palvelut ja ihmiset ovat keksittyjä. Älä anna oikeita henkilötietojasi.");
      await expect(demonstration).toBeInViewport();

      for (const [link, path, heading] of [
        ["Ohjeet", "/help", "Ohjeet Luukun käyttöön"],
        ["Yhteystiedot", "/contact", "Yhteystiedot"],
        ["Tietosuojaseloste", "/privacy", "Miten käytämme tietojasi"],
      ] as const) {
        await page.getByRole("contentinfo").getByRole("link", { name: link, exact: true }).click();
        await expect(page).toHaveURL(new RegExp(`${path}$`));
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
        await expect(demonstration).toBeVisible();
        await expectAccessible(page);
      }
      await expect(page.getByRole("contentinfo").getByRole("link", { name: "Saavutettavuusseloste" })).toHaveAttribute("href", "/accessibility");
    });

    test("the contact page says the region's contacts are invented and offers the feedback form", async ({ page, expectAccessible }) => {
      await page.goto("/contact");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contact");
      await expect(page.getByText("nobody will answer them")).toBeVisible();
      await expectAccessible(page);
      await page.getByRole("link", { name: "Give feedback" }).click();
      await expect(page).toHaveURL(/\/feedback$/);
    });

    test("the language question is asked once, and lists other languages only under “Another language”", async ({ page, expectAccessible }) => {
      const question = "What language would you like to get services in?";
      await page.goto("/");
      await page.getByRole("button", { name: "Start now" }).click();
      await answer(page, { helpFor: "self" });
      await answer(page, { age: "40" });
      await answer(page, { municipality: "koskela" });
      await expect(page).toHaveURL(/\/screening\/language$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(question);
      await expect(page.locator("main").getByText(question)).toHaveCount(1);
      const otherLanguages = page.locator('select[name="otherLanguage"]');
      await expect(otherLanguages).toBeHidden();
      await expectAccessible(page);

      await page.getByRole("radio", { name: "Another language" }).check();
      await expect(page.getByRole("combobox", { name: "Choose the language" })).toBeVisible();
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page.locator(".error-summary")).toContainText("Select which other language you would like to get services in");
      await expect(page.getByRole("radio", { name: "Another language" })).toBeChecked();
      await expect(otherLanguages).toBeVisible();
      await expectAccessible(page);

      await page.getByRole("combobox", { name: "Choose the language" }).selectOption("uk");
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page).toHaveURL(/\/screening\/living-situation$/);

      // Coming back to the question (a Back link, a change link): the saved answer shows, the list with it.
      await page.goto("/screening/language");
      await expect(page.getByRole("radio", { name: "Another language" })).toBeChecked();
      await expect(page.getByRole("combobox", { name: "Choose the language" })).toHaveValue("uk");
      await page.getByRole("radio", { name: "Finnish" }).check();
      await expect(otherLanguages).toBeHidden();
    });
  });
}

for (const { language, javaScriptEnabled, search, name, everyDay, weekdays, startLink, startHeading } of [
  { language: "en", javaScriptEnabled: true, search: "home care", name: "Home care", everyDay: "Every day", weekdays: "Monday to Friday", startLink: "Find out what help you can get", startHeading: "Find out what help you can get" },
  { language: "fi", javaScriptEnabled: false, search: "kotihoito", name: "Kotihoito", everyDay: "päivittäin", weekdays: "maanantai–perjantai", startLink: "Selvitä, mitä apua voit saada", startHeading: "Selvitä, mitä apua voit saada" },
]) {
  test.describe(`a service page in ${language}, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("says every day and a range of days, and leads from “Luukku can send a referral” to the start", async ({ page, expectAccessible }) => {
      await page.goto(`/services?lng=${language}&q=${encodeURIComponent(search)}`);
      await page.getByRole("link", { name, exact: true }).first().click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
      const hours = page.locator("main li");
      await expect(hours.filter({ hasText: new RegExp(`^${everyDay} `) })).toHaveCount(1);
      await expect(hours.filter({ hasText: new RegExp(`^${weekdays} `) })).toHaveCount(1);
      await expectAccessible(page);

      await page.locator(".inset-text").getByRole("link", { name: startLink }).click();
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(startHeading);
    });
  });
}
