import { createHash, randomInt } from "node:crypto";

/**
 * Resume codes: 12 characters of Crockford's base32 (no I, L, O or U, so nothing is
 * misread), shown in groups of four. 60 bits of randomness; only the SHA-256 is stored,
 * and lookups are rate-limited, so a code cannot be guessed.
 */
const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newResumeCode(): string {
  const characters = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]!);
  return [0, 4, 8].map((start) => characters.slice(start, start + 4).join("")).join("-");
}

/** The code as typed, made canonical: case, spaces and dashes ignored; O read as 0, I and L as 1. Null when it cannot be a code. */
export function normalizeResumeCode(input: string): string | null {
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  return /^[0-9A-HJKMNP-TV-Z]{12}$/.test(code) ? code : null;
}

export function hashResumeCode(code: string): string {
  return createHash("sha256").update(`luukku-resume:${code}`).digest("hex");
}
