import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
import { compression, defineAlgorithm } from "vite-plugin-compression2";

/**
 * Modules of a few hundred bytes that many pages share (the page addresses, the screening's
 * text hook, the i18n set-up, the municipalities, the start button): one script instead of
 * one each, as every script a page loads costs its response headers too (ADR 012).
 */
const smallSharedModules = ["/app/page-paths.ts", "/app/screening/text.ts", "/app/i18n/config.ts", "/pathways/areas.ts", "/app/components/start-screening.tsx"];

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
    rollupOptions: isSsrBuild
      ? {}
      : { output: { manualChunks: (id: string) => (smallSharedModules.some((module) => id.endsWith(module)) ? "shared" : undefined) } },
  },
  ssr: {
    external: ["better-sqlite3"],
  },
}));
