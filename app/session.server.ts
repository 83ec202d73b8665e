import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createCookie, type CookieOptions } from "react-router";
import { getEnvironment } from "./env.server.ts";
import { keyFor } from "./server-secret.server.ts";

/**
 * A cookie holding one string, signed with HMAC-SHA256 in the format React Router's signed
 * cookies use. React Router verifies through Web Crypto and imports the key again for
 * every request, which was about a twentieth of a screening page's server time; node:crypto
 * with the key imported once does the same in microseconds.
 *
 * Each cookie name has a key of its own (derived from the server secret), so a value
 * signed for one cookie never verifies as another: the tracking cookie and the flow
 * cookie hold the same id, and one must not open what the other does.
 */
export function signedCookie(name: string, options: Omit<CookieOptions, "secrets">) {
  const cookie = createCookie(name, options);
  const key = keyFor(`cookie:${name}`);
  const signatureOf = (value: string) => createHmac("sha256", key).update(value).digest("base64").replace(/=+$/, "");
  return {
    name,
    serialize: (value: string) => cookie.serialize(`${value}.${signatureOf(value)}`),
    /** A Set-Cookie header that removes the cookie from the browser. */
    clear: () => cookie.serialize("", { expires: new Date(0), maxAge: 0 }),
    /** The value, or null when the cookie is missing, altered, or signed with another secret or for another cookie. */
    async parse(header: string | null): Promise<string | null> {
      const signed: unknown = await cookie.parse(header);
      if (typeof signed !== "string") return null;
      const dot = signed.lastIndexOf(".");
      const value = signed.slice(0, dot);
      const given = Buffer.from(signed.slice(dot + 1));
      const expected = Buffer.from(signatureOf(value));
      return dot > 0 && given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
    },
  };
}

/**
 * Holds only the id of a person's screening flow, signed so it cannot be guessed or
 * altered; the answers stay on the server. A session cookie: it goes when the browser closes.
 */
export const flowCookie = signedCookie("luukku_flow", {
  httpOnly: true,
  sameSite: "lax",
  secure: getEnvironment().NODE_ENV === "production",
  path: "/",
});

export function newFlowId(): string {
  return randomBytes(18).toString("base64url");
}
