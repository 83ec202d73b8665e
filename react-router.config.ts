import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  future: {
    // Middleware carries the per-request CSP nonce and i18next instance (see app/root.tsx).
    v8_middleware: true,
    // Opt in to the v8 behaviour now, so the upgrade to React Router 8 is a version bump.
    v8_splitRouteModules: true,
    v8_viteEnvironmentApi: true,
    v8_passThroughRequests: true,
    v8_trailingSlashAwareDataRequests: true,
  },
} satisfies Config;
