/**
 * JavaScript a citizen page makes a browser download on a first visit (empty cache),
 * compressed as the server sends it, measured in Debian's Chromium from the page's own
 * resource timing, in KiB (1,024 bytes). Budget (issue 4): 130 KiB per page. No page needs
 * it: every one works without JavaScript (tests/e2e).
 */
import { chromium } from "@playwright/test";
import { completedScreeningCookie, startProductionServer } from "./app-server.ts";

const port = 3262;
const budgetKibibytes = 130;

export async function runPageWeightBenchmark(): Promise<void> {
  const server = startProductionServer(port);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const base = await server.ready;
    const flowAtFirstQuestion = (await fetch(`${base}/screening/start`, { method: "POST", redirect: "manual", headers: { Origin: base } })).headers
      .get("set-cookie")!
      .split(";")[0]!;
    const flowAtCheckAnswers = await completedScreeningCookie(base, { confirm: false });
    const completedFlow = await completedScreeningCookie(base);
    const pages: [string, string, string | null][] = [
      ["start page", "/", null],
      ["privacy notice", "/privacy", null],
      ["question page", "/screening/help-for", flowAtFirstQuestion],
      ["check your answers", "/screening/check-answers", flowAtCheckAnswers],
      ["your service package", "/screening/complete", completedFlow],
      ["choose and consent", "/screening/consent", completedFlow],
      ["resume with a code", "/screening/resume", null],
      ["track my referrals", "/track", null],
      ["feedback", "/feedback", null],
      ["find services", "/services?q=kotihoito", null],
    ];
    console.log(`\nJavaScript per citizen page, first visit, as sent (budget ${budgetKibibytes} KiB)`);
    console.log("page | KiB compressed | scripts | within budget");
    for (const [label, path, cookie] of pages) {
      const context = await browser.newContext({ locale: "en-GB" });
      if (cookie) {
        const [name, value] = cookie.split("=") as [string, string];
        await context.addCookies([{ name, value, url: base }]);
      }
      const page = await context.newPage();
      await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
      const scripts = await page.evaluate(() =>
        performance
          .getEntriesByType("resource")
          .filter((entry): entry is PerformanceResourceTiming => entry.name.endsWith(".js"))
          .map((entry) => entry.encodedBodySize),
      );
      const kibibytes = scripts.reduce((sum, size) => sum + size, 0) / 1024;
      console.log(`${label} (${new URL(page.url()).pathname}) | ${kibibytes.toFixed(1)} | ${scripts.length} | ${kibibytes <= budgetKibibytes ? "yes" : "NO"}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runPageWeightBenchmark();
