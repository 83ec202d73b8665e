import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3199);
export const e2eDatabasePath = "test-results/e2e.db";
/** Where the server writes the emails it sends (no SMTP server in the tests): tests/e2e/mail.ts reads them. */
export const e2eMailDirectory = "test-results/mail";
/** A second server with the production rate limits, for tests/e2e/rate-limits.spec.ts. */
export const limitsPort = port + 1;
const limitsDatabasePath = "test-results/limits/e2e.db";

/**
 * End-to-end tests drive Debian's Chromium (no browser download) against the production
 * build, served by the same command as `npm start` on a fresh, seeded database.
 */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: "list",
  // A persona answering every question without JavaScript takes up to ~30 s on a busy 2-core machine: twice that.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "en-GB",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: `rm -rf ${e2eMailDirectory} && rm -f ${e2eDatabasePath} ${e2eDatabasePath}-wal ${e2eDatabasePath}-shm && npm run serve`,
      url: `http://localhost:${port}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
      // Every test starts screenings from one address: raise the per-client limits.
      env: { PORT: String(port), DATABASE_PATH: e2eDatabasePath, NODE_ENV: "production", RATE_LIMIT_SCALE: "50", MAIL_DROP_DIR: e2eMailDirectory },
    },
    {
      command: `mkdir -p test-results/limits && rm -f ${limitsDatabasePath}* && npm run serve`,
      url: `http://localhost:${limitsPort}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { PORT: String(limitsPort), DATABASE_PATH: limitsDatabasePath, NODE_ENV: "production", RATE_LIMIT_SCALE: "1", MAIL_DROP_DIR: "test-results/limits/mail" },
    },
  ],
});
