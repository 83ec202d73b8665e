import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
import { compression, defineAlgorithm } from "vite-plugin-compression2";

export default defineConfig({
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
  },
  ssr: {
    external: ["better-sqlite3"],
  },
});
