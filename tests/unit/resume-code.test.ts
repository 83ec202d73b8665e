import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashResumeCode, newResumeCode, normalizeResumeCode } from "#app/resume-code.server.ts";

// Read when the first code is hashed: the key comes from this, not from a file beside a database.
process.env.SESSION_SECRET = "a-test-secret-that-is-long-enough-for-the-schema";

describe("resume codes", () => {
  it("are three groups of four unambiguous characters, different every time", () => {
    const codes = new Set(Array.from({ length: 200 }, () => newResumeCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it("read back however they are typed", () => {
    expect(normalizeResumeCode(" k7qm 2xwp-9htd ")).toBe("K7QM2XWP9HTD");
    expect(normalizeResumeCode("O0IL-1111-2222")).toBe("001111112222");
  });

  it.each(["", "short", "K7QM-2XWP-9HTD-EXTRA", "K7QM-2XWP-9HT!", "<script>", "K7QM-2XWP-9HTU"])("refuse %j", (input) => {
    expect(normalizeResumeCode(input)).toBeNull();
  });

  it("are stored only as a hash keyed with the server secret, not the plain SHA-256 stored before", () => {
    const hash = hashResumeCode("K7QM2XWP9HTD");
    expect(hash).toMatch(/^hmac:[0-9a-f]{64}$/);
    expect(hash).not.toContain("K7QM");
    expect(hash).not.toContain(createHash("sha256").update("luukku-resume:K7QM2XWP9HTD").digest("hex"));
  });
});
