import Database from "better-sqlite3";
import { createHmac, hkdfSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createCookie } from "react-router";
import { e2eDatabasePath } from "../../playwright.config.ts";
import { expect, test } from "./fixtures.ts";

/**
 * The flow cookie as the server signs it: the flow id, a dot and its HMAC-SHA256 in
 * base64, under the flow cookie's own key: HKDF-SHA256 over the secret the server keeps
 * beside its database, with "luukku:cookie:luukku_flow" as its info.
 */
const flowCookie = createCookie("luukku_flow");
const secret = readFileSync(join(dirname(e2eDatabasePath), "session-secret"), "utf8").trim();
const flowKey = Buffer.from(hkdfSync("sha256", secret, "", "luukku:cookie:luukku_flow", 32));
const signed = (flowId: string) => `${flowId}.${createHmac("sha256", flowKey).update(flowId).digest("base64").replace(/=+$/, "")}`;

async function flowIdOf(cookieValue: string): Promise<string> {
  const value = (await flowCookie.parse(`luukku_flow=${cookieValue}`)) as string;
  expect(signed(value.slice(0, value.lastIndexOf(".")))).toBe(value);
  return value.slice(0, value.lastIndexOf("."));
}

for (const [label, value] of [
  ["altered", "eyJpZCI6IngifQ%3D%3D.forged"],
  ["signed, for answers we do not hold", null],
] as const) {
  test(`a flow cookie that is ${label} gets a page saying the answers cannot be found, not an error`, async ({
    page,
    baseURL,
    expectAccessible,
  }) => {
    const cookie = value ?? (await flowCookie.serialize(signed("AAAAAAAAAAAAAAAAAAAAAAAA"))).split(";")[0]!.split("=").slice(1).join("=");
    await page.context().addCookies([{ name: "luukku_flow", value: cookie, url: baseURL! }]);
    const response = await page.goto("/screening/age");
    expect(response!.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not find your answers");
    await expect(page.getByRole("link", { name: "Continue a saved screening" })).toBeVisible();
    await expectAccessible(page);
    // The way on works: a new screening replaces the cookie.
    await page.getByRole("button", { name: "Start again" }).click();
    await expect(page).toHaveURL(/\/screening\/help-for$/);
  });
}

test("a screening left idle for more than 30 minutes ends on the server too, even with no page open", async ({ page, context, expectAccessible }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(page).toHaveURL(/\/screening\/help-for$/);
  const cookie = (await context.cookies()).find((candidate) => candidate.name === "luukku_flow")!;
  const database = new Database(e2eDatabasePath);
  try {
    database
      .prepare("UPDATE screening SET updated_at = ? WHERE id = ?")
      .run(Date.now() - 31 * 60_000, await flowIdOf(cookie.value));
  } finally {
    database.close();
  }
  await page.goto("/screening/help-for");
  await expect(page).toHaveURL(/\/screening\/timed-out$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your session has ended");
  await expectAccessible(page);
});
