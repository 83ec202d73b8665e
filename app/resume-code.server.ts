import { createHash, randomInt } from "node:crypto";

/**
 * Resume codes: 12 characters of Crockford's base32 (no I, L, O or U, so nothing is
 * misread), shown in groups of four. 60 bits of randomness; only the SHA-256 is stored,
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

export function hashResumeCode(code: string): string {
  return createHash("sha256").update(`luukku-resume:${code}`).digest("hex");
}

export function hashAccessCode(code: string): string {
  return createHash("sha256").update(`luukku-access:${code}`).digest("hex");
}
