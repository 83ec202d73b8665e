import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createCookie } from "react-router";
import { getEnvironment } from "./env.server.ts";

let secret: string | undefined;

/** The secret that signs Luukku's cookies. */
export function cookieSecret(): string {
  secret ??= loadSecret();
  return secret;
}

function loadSecret(): string {
  const environment = getEnvironment();
  if (environment.SESSION_SECRET) return environment.SESSION_SECRET;
  const file = join(dirname(environment.DATABASE_PATH), "session-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  return readFileSync(file, "utf8").trim();
}

/**
 * Holds only the id of a person's screening flow, signed so it cannot be guessed or
 * altered; the answers stay on the server. A session cookie: it goes when the browser closes.
 */
export const flowCookie = createCookie("luukku_flow", {
  httpOnly: true,
  sameSite: "lax",
  secure: getEnvironment().NODE_ENV === "production",
  path: "/",
  secrets: [cookieSecret()],
});

export function newFlowId(): string {
  return randomBytes(18).toString("base64url");
}
