import { createTestDatabase } from "./database.ts";

/**
 * A fresh migrated database (no demo catalogue) that the app's own modules use. The app
 * reads its environment once, when its first module loads (the session module does so
 * on import), so a test file imports this before any app module: ES modules run in
 * import order, and the environment is set by then.
 */
export const appDatabase = createTestDatabase({ seedDemo: false });
process.env.DATABASE_PATH = appDatabase.path;
process.env.PUBLIC_URL = "https://luukku.example.fi";
process.env.SESSION_SECRET = "a-test-secret-that-is-long-enough-for-the-schema";
