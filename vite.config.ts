import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [reactRouter()],
  build: {
    // Keep better-sqlite3 and drizzle as runtime dependencies of the server build.
    target: "es2022",
  },
  ssr: {
    external: ["better-sqlite3"],
  },
});
