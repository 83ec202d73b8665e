import { expect, test } from "./fixtures.ts";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`catalogue with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("the start page also leads to the service search", async ({ page, expectAccessible }) => {
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expectAccessible(page);
      await page.getByRole("link", { name: "Or search all services yourself" }).click();
      await expect(page).toHaveURL(/\/services$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Find services");
    });

    test("search finds services and opens one", async ({ page, expectAccessible }) => {
      await page.goto("/services");
      await page.getByLabel("What are you looking for?").fill("home care");
      await page.getByRole("button", { name: "Search" }).click();
      await expect(page).toHaveURL(/q=home\+care/);
      const results = page.locator(".service-list__item");
      await expect(results.first()).toBeVisible();
      await expect(page.locator("#results-heading")).toHaveText(/^\d+ services?$/);
      await expectAccessible(page);

      const firstName = (await results.first().getByRole("link").textContent())!;
      await results.first().getByRole("link").click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(firstName);
      for (const heading of ["What the service is", "Who it is for", "How to get it", "Cost, language and waiting time"]) {
        await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
      }
      await expect(page.locator(".summary-list__key", { hasText: "Languages" })).toBeVisible();
      await expectAccessible(page);
    });

    test("filters by need and municipality, and pages through results", async ({ page, expectAccessible }) => {
      await page.goto("/services");
      const allCount = Number((await page.locator("#results-heading").textContent())!.replace(/\D/g, ""));
      expect(allCount).toBeGreaterThanOrEqual(80);

      await page.getByLabel("Need").selectOption({ label: "Debt" });
      await page.getByLabel("Municipality").selectOption({ label: "Rantala" });
      await page.getByRole("button", { name: "Search" }).click();
      await expect(page).toHaveURL(/need=money\.debt/);
      await expect(page).toHaveURL(/municipality=rantala/);
      // With JavaScript the address may change a moment before the new results are drawn: wait for them.
      const resultCount = async () => Number((await page.locator("#results-heading").textContent())!.replace(/\D/g, ""));
      await expect.poll(resultCount).toBeLessThan(allCount);
      expect(await resultCount()).toBeGreaterThan(0);
      await expect(page.getByLabel("Need")).toHaveValue("money.debt");

      await page.goto("/services");
      const firstOnPageOne = await page.locator(".service-list__item").first().textContent();
      await page.getByRole("link", { name: "Next page" }).click();
      await expect(page).toHaveURL(/page=2/);
      await expect(page.getByRole("link", { name: "Page 2" })).toHaveAttribute("aria-current", "page");
      expect(await page.locator(".service-list__item").first().textContent()).not.toBe(firstOnPageOne);
      await expectAccessible(page);
    });

    test("filters by provider type and cost, and keeps the boxes ticked", async ({ page, expectAccessible }) => {
      await page.goto("/services");
      const providers = page.getByRole("group", { name: "Who provides it" });
      const costs = page.getByRole("group", { name: "Cost" });
      await providers.getByLabel("Non-profit").check();
      await costs.getByLabel("Free").check();
      await page.getByRole("button", { name: "Search" }).click();
      await expect(page).toHaveURL(/provider=non_profit/);
      await expect(page).toHaveURL(/cost=free/);
      const results = page.locator(".service-list__item");
      await expect(results.first()).toBeVisible();
      for (const result of await results.all()) {
        await expect(result.locator(".service-list__provider")).toContainText("Non-profit");
        await expect(result.locator(".service-list__meta")).toContainText("Free");
      }
      await expect(providers.getByLabel("Non-profit")).toBeChecked();
      await expect(providers.getByLabel("Public")).not.toBeChecked();
      await expect(costs.getByLabel("Free")).toBeChecked();
      await expectAccessible(page);
    });

    test("finds a service by its name in another language and shows it in the page's", async ({ page }) => {
      await page.goto("/services");
      await page.getByLabel("What are you looking for?").fill("kotihoito");
      await page.getByRole("button", { name: "Search" }).click();
      await expect(page).toHaveURL(/q=kotihoito/);
      await expect(page.locator(".service-list__item").first().getByRole("link")).toHaveText("Home care");
    });

    test("search text that is too long gets a message by the field and in the summary", async ({ page, expectAccessible }) => {
      await page.goto("/services");
      await page.getByLabel("What are you looking for?").fill("a".repeat(10_000));
      await page.getByRole("button", { name: "Search" }).click();
      await expect(page).toHaveTitle(/^Error: Find services/);
      const summary = page.getByRole("alert");
      await expect(summary.getByRole("heading")).toHaveText("There is a problem");
      await expect(summary.getByRole("link", { name: "Search text must be 200 characters or fewer" })).toHaveAttribute(
        "href",
        "#search-q",
      );
      await expect(page.locator("#search-q-error")).toContainText("Search text must be 200 characters or fewer");
      if (javaScriptEnabled) {
        await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe("error-summary");
      }
      await expectAccessible(page);
    });
  });
}

test("hostile search text returns a normal page", async ({ page, expectAccessible }) => {
  for (const query of [
    '"unterminated',
    "name:care OR NEAR(a b)",
    "'; DROP TABLE service; --",
    "<script>alert('x')</script>",
    "🏠🙂",
    "*",
    "a".repeat(200),
  ]) {
    const response = await page.goto(`/services?q=${encodeURIComponent(query)}`);
    expect(response?.status(), query).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Find services");
    await expect(page.getByLabel("What are you looking for?")).toHaveValue(query);
  }
  const tooLong = await page.goto(`/services?q=${"x".repeat(10_000)}`);
  expect(tooLong?.status()).toBe(400);
  await expect(page.getByRole("alert")).toBeVisible();
  const badFilter = await page.goto("/services?need=__proto__&municipality=atlantis&page=-4");
  expect(badFilter?.status()).toBe(400);
  await expect(page.locator("#search-need-error")).toContainText("Choose a need from the list");
  await expect(page.locator("#search-municipality-error")).toContainText("Choose a municipality from the list");
  await expectAccessible(page);
});

test("a provider type or cost the page does not offer gets a message by the boxes and in the summary", async ({ page, expectAccessible }) => {
  const response = await page.goto("/services?q=home+care&provider=municipal&provider=public&cost=gratis");
  expect(response?.status()).toBe(400);
  await expect(page).toHaveTitle(/^Error: Find services/);
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("link", { name: "Choose who provides it from the list" })).toHaveAttribute("href", "#search-provider");
  await expect(summary.getByRole("link", { name: "Choose a cost from the list" })).toHaveAttribute("href", "#search-cost");
  await expect(page.locator("#search-provider-error")).toContainText("Choose who provides it from the list");
  await expect(page.locator("#search-cost-error")).toContainText("Choose a cost from the list");
  await expect(page.getByRole("group", { name: "Who provides it" }).getByLabel("Public")).toBeChecked();
  await expect(page.getByLabel("What are you looking for?")).toHaveValue("home care");
  await expectAccessible(page);
});

test("the Finnish page filters and finds services named in Swedish", async ({ page, expectAccessible }) => {
  await page.goto("/services?lng=fi");
  await page.getByLabel("Mitä etsit?").fill("hemvård");
  await page.getByRole("group", { name: "Palvelun tuottaja" }).getByLabel("Julkinen").check();
  await page.getByRole("button", { name: "Hae", exact: true }).click();
  await expect(page).toHaveURL(/provider=public/);
  await expect(page.locator(".service-list__item").first().getByRole("link")).toHaveText("Kotihoito");
  await expectAccessible(page);
});

test("unknown addresses and service ids get the not-found page", async ({ page, expectAccessible }) => {
  for (const path of ["/services/999999", "/services/abc", "/services/0", "/services/1e3", "/no-such-page"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  }
  await expectAccessible(page);
});

test("accessibility statement is linked from every page", async ({ page, expectAccessible }) => {
  await page.goto("/services");
  await page.getByRole("link", { name: "Accessibility statement" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility statement");
  await expectAccessible(page);
});
