import { createHash, createHmac, randomInt } from "node:crypto";
import { keyFor } from "./server-secret.server.ts";

/**
 * Resume codes: 12 characters of Crockford's base32 (no I, L, O or U, so nothing is
 * misread), shown in groups of four. 60 bits of randomness; only a keyed hash is stored,
 * and lookups are rate-limited, so a code cannot be guessed.
 */
const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Groups of four random characters joined by dashes. */
function groupedCode(groups: number): string {
  const characters = Array.from({ length: groups * 4 }, () => alphabet[randomInt(alphabet.length)]!);
  return Array.from({ length: groups }, (_, group) => characters.slice(group * 4, group * 4 + 4).join("")).join("-");
}

export function newResumeCode(): string {
  return groupedCode(3);
}

/** A case's reference number, e.g. LK-7F3K-92QD: not secret, said on the phone; access needs the code too. */
export function newCaseReference(): string {
  return `LK-${groupedCode(2)}`;
}

/** The secret shown with the reference on the confirmation page, for following referrals. */
export const newAccessCode = newResumeCode;

/** The code as typed, made canonical: case, spaces and dashes ignored; O read as 0, I and L as 1. Null when it cannot be a code. */
export function normalizeResumeCode(input: string): string | null {
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  return /^[0-9A-HJKMNP-TV-Z]{12}$/.test(code) ? code : null;
}

/**
 * How a keyed hash begins: what tells it from a plain SHA-256 stored before hashes were
 * keyed, which is 64 hexadecimal digits and nothing else.
 */
export const keyedHashPrefix = "hmac:";

/**
 * A resume code as stored: HMAC-SHA256, under the key for resume codes, of the code's
 * plain SHA-256. 60 bits is too few to survive a copy of the database hashed plainly (all
 * codes share one search); with the key, which is never in the database, there is
 * nothing to search. The HMAC is taken over the plain hash so that hashes stored before
 * can be keyed without their codes (keyStoredPlainHash).
 */
export function hashResumeCode(code: string): string {
  return keyStoredPlainHash("resume-code", createHash("sha256").update(`luukku-resume:${code}`).digest("hex"));
}

/** An access code as stored: as a resume code, under a key of its own. */
export function hashAccessCode(code: string): string {
  return keyStoredPlainHash("access-code", createHash("sha256").update(`luukku-access:${code}`).digest("hex"));
}

/** A plain SHA-256 of a code, as stored before hashes were keyed, made the keyed hash the code now has. */
export function keyStoredPlainHash(purpose: "resume-code" | "access-code", plainHash: string): string {
  return `${keyedHashPrefix}${createHmac("sha256", keyFor(purpose)).update(plainHash).digest("hex")}`;
}

