import { reactRouter } from "@react-router/dev/vite";
import { defineConfig, type Rollup } from "vite";
import { compression, defineAlgorithm } from "vite-plugin-compression2";

/**
 * Modules of a few hundred bytes that many pages share (the page addresses, the screening's
 * text hook, the i18n set-up, the municipalities, the start button): one script instead of
 * one each, as every script a page loads costs its response headers too (ADR 012).
 */
const smallSharedModules = ["/app/page-paths.ts", "/app/screening/text.ts", "/app/i18n/config.ts", "/pathways/areas.ts", "/app/components/start-screening.tsx"];

/**
 * Two kinds of build warning that are harmless and that we cannot fix, so that `npm start`
 * prints only warnings worth reading (there were six of these, fifteen lines, on every build):
 * - EMPTY_BUNDLE: React Router gives every route module a browser chunk, and a resource
 *   route (exit, healthz, screening/start, screening/extend: a loader or action, no
 *   component) has nothing to put in it (remix-run/remix#9055).
 * - INVALID_ANNOTATION in zod: comments zod places before its `@__PURE__` markers, which
 *   Rollup drops; the markers themselves still work.
 * An empty chunk is harmless whatever module it comes from; any other warning, an invalid
 * annotation in our own code included, is still printed.
 */
function isKnownHarmless(warning: Rollup.RollupLog): boolean {
  if (warning.code === "EMPTY_BUNDLE") return true;
  return warning.code === "INVALID_ANNOTATION" && /[\\/]node_modules[\\/]zod[\\/]/.test(warning.id ?? "");
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    reactRouter(),
    // Scripts and styles compressed once, at the highest levels, at build time: the server
    // sends these files as they are (scripts/serve.ts) instead of compressing per request.
    compression({
      include: /\.(js|css)$/,
      // The server's own bundle is never sent to a browser.
      exclude: /^index\.js$/,
      algorithms: [defineAlgorithm("brotliCompress"), defineAlgorithm("gzip", { level: 9 })],
      logLevel: "silent",
    }),
  ],
  build: {
    // Keep better-sqlite3 and drizzle as runtime dependencies of the server build.
    target: "es2022",
    rollupOptions: {
      onwarn: (warning, warn) => {
        if (!isKnownHarmless(warning)) warn(warning);
      },
      ...(isSsrBuild ? {} : { output: { manualChunks: (id: string) => (smallSharedModules.some((module) => id.endsWith(module)) ? "shared" : undefined) } }),
    },
  },
  ssr: {
    external: ["better-sqlite3"],
  },
}));
