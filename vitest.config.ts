import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{app,db,pathways,tests}/**/*.test.{ts,tsx}"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    environment: "node",
    setupFiles: ["tests/support/fail-on-console-error.ts"],
    pool: "forks",
  },
});
