import { createSecretKey, hkdfSync, randomBytes, type KeyObject } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { EnvironmentError, getEnvironment, minimumSecretLength } from "./env.server.ts";

/**
 * What a key is for. Each purpose gets a key of its own, so nothing made for one purpose
 * (a tracking cookie, say) is ever accepted as another (a screening's flow cookie).
 */
export type KeyPurpose = `cookie:${string}` | "resume-code" | "access-code" | "email-address";

let secret: string | undefined;

/**
 * The server's one secret: SESSION_SECRET, or else the `session-secret` file beside the
 * database, created on first start. Throws an EnvironmentError naming the file when it
 * holds no usable secret.
 */
export function serverSecret(): string {
  secret ??= loadSecret();
  return secret;
}

function loadSecret(): string {
  const environment = getEnvironment();
  if (environment.SESSION_SECRET) return environment.SESSION_SECRET;
  const file = join(dirname(environment.DATABASE_PATH), "session-secret");
  createSecretFile(file);
  const stored = readFileSync(file, "utf8").trim();
  // An empty or short file is refused rather than replaced: the server cannot tell a file
  // cut short from one a person wrote, and a new secret would silently lock every saved
  // screening and case out of its code (and race with another process reading it).
  // Files this server creates are never empty: they appear whole (see createSecretFile).
  if (stored.length < minimumSecretLength) {
    throw new EnvironmentError(
      `The secret in ${file} is empty or shorter than ${minimumSecretLength} characters: write a longer one there, set SESSION_SECRET, or delete the file to have one made.`,
    );
  }
  return stored;
}

/**
 * A new random secret, unless the file exists. Written beside it and linked into place, so
 * the file appears whole or not at all: a crash mid-write leaves no empty secret behind,
 * and of two processes starting together one creates it and both read the same.
 */
function createSecretFile(file: string): void {
  if (existsSync(file)) return;
  mkdirSync(dirname(file), { recursive: true });
  const draft = `${file}.${process.pid}.${randomBytes(6).toString("hex")}`;
  writeFileSync(draft, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

const keys = new Map<KeyPurpose, KeyObject>();

/**
 * The key for one purpose: HKDF-SHA256 over the server secret, with the purpose as its
 * info. Derived and imported once per purpose, so using it costs only the HMAC itself.
 */
export function keyFor(purpose: KeyPurpose): KeyObject {
  let key = keys.get(purpose);
  if (!key) {
    key = createSecretKey(Buffer.from(hkdfSync("sha256", serverSecret(), "", `luukku:${purpose}`, 32)));
    keys.set(purpose, key);
  }
  return key;
}
