import { expect, test } from "./fixtures.ts";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`language with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("the switcher keeps the page and query, and the choice sticks", async ({ page, expectAccessible }) => {
      await page.goto("/services?q=care&municipality=koskela");
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await page.getByRole("link", { name: "Suomi" }).click();
      await expect(page).toHaveURL(/\/services\?q=care&municipality=koskela&lng=fi$/);
      await expect(page.locator("html")).toHaveAttribute("lang", "fi");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Etsi palveluja");
      await expect(page.getByLabel("Mitä etsit?")).toHaveValue("care");
      await expectAccessible(page);

      // The cookie carries the choice to pages without ?lng=.
      await page.getByRole("link", { name: "Etusivu" }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", "fi");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Selvitä, mitä apua voit saada");

      await page.getByRole("link", { name: "Svenska" }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", "sv");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ta reda på vilken hjälp du kan få");
      await expectAccessible(page);
    });
  });
}

test.describe("Accept-Language", () => {
  test.use({ locale: "sv-FI" });

  test("chooses Swedish for a Swedish-speaking browser", async ({ page, expectAccessible }) => {
    await page.goto("/services");
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sök tjänster");
    await expectAccessible(page);
  });
});

test("service pages show Finnish text, euros and weekdays in Finnish", async ({ page, expectAccessible }) => {
  await page.goto("/services?lng=fi&q=kotihoito");
  await page.locator(".service-list__item").first().getByRole("link").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fi");
  await expect(page.getByRole("heading", { level: 2, name: "Mikä palvelu on" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/services?lng=fi&need=daily-living.household-help");
  const prices = page.locator(".service-list__meta", { hasText: "€" });
  await expect(prices.first()).toContainText(/\d+(,\d{2})?\s€\s\p{L}+/u);
});
