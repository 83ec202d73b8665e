import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "@playwright/test";
import { e2eMailDirectory } from "../../playwright.config.ts";

/** Quoted-printable as mail programs undo it: soft line breaks joined, escaped bytes restored. */
function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, "");
  const bytes = joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/**
 * The link in the newest email the server wrote for `address` (each test uses an address
 * of its own, so tests running side by side do not read each other's mail). Waits for
 * the delivery worker, which sends every few seconds.
 */
export async function emailedLink(address: string): Promise<string> {
  let link = "";
  await expect
    .poll(
      () => {
        if (!existsSync(e2eMailDirectory)) return "";
        // File names begin with the time they were written: sorted, the last is the newest.
        const files = readdirSync(e2eMailDirectory).filter((name) => name.endsWith(".eml")).sort();
        const mine = files
          .map((name) => decodeQuotedPrintable(readFileSync(join(e2eMailDirectory, name), "utf8")))
          .filter((message) => message.toLowerCase().includes(`\nto: ${address.toLowerCase()}\n`));
        const newest = mine.at(-1);
        link = /https?:\/\/\S+\/link\/[A-Za-z0-9_-]+/.exec(newest ?? "")?.[0] ?? "";
        return link;
      },
      { timeout: 15_000, message: `an email to ${address}` },
    )
    .not.toBe("");
  return link;
}
