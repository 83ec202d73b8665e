// First: the app's environment and database, before any app module reads them.
import { appDatabase as database } from "../support/app-database.ts";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createEmailDelivery, createEmailSender, type SendEmail } from "#app/email-delivery.server.ts";
import { maxDeliveryAttempts as maxEmailAttempts, retryDelayMs } from "#app/outbox-dispatcher.server.ts";
import { emailLink, emailLinkStatus, peekEmailLink, redeemEmailLink } from "#app/email-link.server.ts";
import { linkEmail } from "#app/email-message.server.ts";
import { createBackend } from "#db/backend.ts";
import { emailLimitWindowMs, emailsPerAddress, linksPerTarget } from "#db/email-links.ts";

/**
 * Emailed links on a real, migrated SQLite file: the app's own connection opens it
 * (DATABASE_PATH is set before any app module loads), and the test reads the tables beside it.
 */
let dropDirectory: string;
const day = 24 * 60 * 60 * 1000;
const now = new Date("2026-03-01T09:00:00Z");
const address = "Maija.Meikalainen@Example.fi";

beforeAll(() => {
  dropDirectory = mkdtempSync(join(tmpdir(), "luukku-mail-"));
});
afterAll(() => {
  database.close();
  rmSync(dropDirectory, { recursive: true, force: true });
});
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now });
  database.db.$client.exec("DELETE FROM email_link; DELETE FROM outbox; DELETE FROM email_address_use;");
});
afterEach(() => vi.useRealTimers());

const sqlite = () => database.db.$client;
const backend = createBackend({ kind: "sqlite", connection: database.db });
const form = (email: string) => {
  const data = new FormData();
  data.set("email", email);
  return data;
};
const outboxRows = () =>
  sqlite().prepare("SELECT * FROM outbox ORDER BY id").all() as {
    id: number;
    type: string;
    payload: string;
    attempts: number;
    available_at: number;
    delivered_at: number | null;
    last_error: string | null;
  }[];
const tokenOf = (payload: string) => (JSON.parse(payload) as { link: string }).link.split("/").pop()!;
/** The token of the newest link issued. */
const newestToken = () => tokenOf(outboxRows().at(-1)!.payload);
const deliverDue = (send: SendEmail, at: Date) => createEmailDelivery(backend.outbox, send).deliverDue(at);

describe("issuing an emailed link", () => {
  it("stores only the token's hash, with the email that carries the link in the outbox", async () => {
    const result = await emailLink(form(`  ${address} `), { purpose: "resume", targetId: "flow-1", expiresAt: new Date(now.getTime() + 90 * day) }, "fi");
    expect(result).toEqual({ delivery: "sending" });
    const [row] = outboxRows();
    expect(row?.type).toBe("email");
    const payload = JSON.parse(row!.payload) as Record<string, string>;
    expect(payload).toEqual({ to: address, language: "fi", kind: "resume", link: expect.stringMatching(/^https:\/\/luukku\.example\.fi\/screening\/resume\/link\/[A-Za-z0-9_-]{22}$/) });
    const token = tokenOf(row!.payload);
    const stored = sqlite().prepare("SELECT * FROM email_link").all() as { token_hash: string; purpose: string; target_id: string }[];
    expect(stored).toEqual([
      expect.objectContaining({ purpose: "resume", target_id: "flow-1", token_hash: expect.stringMatching(/^[0-9a-f]{64}$/), outbox_id: row!.id, spent_at: null }),
    ]);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("opens what it was issued for once, until it expires; looking does not spend it; another purpose, a changed or a malformed token opens nothing", async () => {
    await emailLink(form(address), { purpose: "track", targetId: "case-1", expiresAt: new Date(now.getTime() + 30 * day) }, "en");
    const token = newestToken();
    expect(await peekEmailLink(token, "track")).toBe("case-1");
    expect(await peekEmailLink(token, "track")).toBe("case-1");
    expect(await peekEmailLink(token, "resume")).toBeUndefined();
    expect(await redeemEmailLink(token, "resume")).toBeUndefined();
    const changed = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(await redeemEmailLink(changed, "track")).toBeUndefined();
    expect(await redeemEmailLink(`${token}x`, "track")).toBeUndefined();
    expect(await redeemEmailLink(undefined, "track")).toBeUndefined();

    expect(await redeemEmailLink(token, "track")).toBe("case-1");
    expect(await redeemEmailLink(token, "track")).toBeUndefined();
    expect(await peekEmailLink(token, "track")).toBeUndefined();
  });

  it("stops working when it expires", async () => {
    await emailLink(form(address), { purpose: "track", targetId: "case-1", expiresAt: new Date(now.getTime() + 30 * day) }, "en");
    const token = newestToken();
    vi.setSystemTime(new Date(now.getTime() + 30 * day - 1));
    expect(await peekEmailLink(token, "track")).toBe("case-1");
    vi.setSystemTime(new Date(now.getTime() + 30 * day));
    expect(await peekEmailLink(token, "track")).toBeUndefined();
    expect(await redeemEmailLink(token, "track")).toBeUndefined();
  });

  it("is replaced by a newer link for the same screening or case, and only for that one", async () => {
    const link = { purpose: "resume", targetId: "flow-1", expiresAt: new Date(now.getTime() + day) } as const;
    await emailLink(form(address), link, "en");
    const first = newestToken();
    await emailLink(form(address), { ...link, targetId: "flow-2" }, "en");
    const other = newestToken();
    await emailLink(form("toinen@example.fi"), link, "en");
    const second = newestToken();
    expect(await peekEmailLink(first, "resume")).toBeUndefined();
    expect(await redeemEmailLink(first, "resume")).toBeUndefined();
    expect(await redeemEmailLink(second, "resume")).toBe("flow-1");
    expect(await redeemEmailLink(other, "resume")).toBe("flow-2");
  });

  it.each([
    ["", "emailLink.errors.required"],
    ["   ", "emailLink.errors.required"],
    ["not an address", "emailLink.errors.invalid"],
    ["maija@", "emailLink.errors.invalid"],
    [`${"a".repeat(250)}@example.fi`, "emailLink.errors.tooLong"],
  ])("refuses %j with %s, storing nothing", async (typed, error) => {
    expect(await emailLink(form(typed), { purpose: "resume", targetId: "flow-1", expiresAt: new Date(now.getTime() + day) }, "en")).toEqual({
      error,
      email: typed,
    });
    expect(outboxRows()).toEqual([]);
    expect(sqlite().prepare("SELECT count(*) FROM email_link").pluck().get()).toBe(0);
  });

  it(`sends at most ${linksPerTarget} links for one screening or case in a day`, async () => {
    const link = { purpose: "resume", targetId: "flow-1", expiresAt: new Date(now.getTime() + 2 * day) } as const;
    const addresses = ["a@example.fi", "b@example.fi", "c@example.fi", "d@example.fi"];
    for (const to of addresses.slice(0, linksPerTarget)) expect(await emailLink(form(to), link, "en")).toEqual({ delivery: "sending" });
    expect(await emailLink(form("d@example.fi"), link, "en")).toEqual({ error: "emailLink.errors.tooMany", email: "d@example.fi" });
    expect(await emailLink(form("d@example.fi"), { ...link, targetId: "flow-2" }, "en")).toEqual({ delivery: "sending" });
    expect(outboxRows()).toHaveLength(linksPerTarget + 1);
    vi.setSystemTime(new Date(now.getTime() + emailLimitWindowMs));
    expect(await emailLink(form("d@example.fi"), link, "en")).toEqual({ delivery: "sending" });
  });

  it(`sends one address at most ${emailsPerAddress} emails in a day, whichever screenings ask, counting it by a keyed hash only`, async () => {
    const issueFor = (targetId: string, to = address) =>
      emailLink(form(to), { purpose: "resume", targetId, expiresAt: new Date(now.getTime() + 2 * day) }, "en");
    for (let sent = 0; sent < emailsPerAddress; sent += 1) expect(await issueFor(`flow-${sent}`), `email ${sent + 1}`).toEqual({ delivery: "sending" });
    // The same mailbox however it is written.
    expect(await issueFor("flow-next", `  ${address.toUpperCase()} `)).toEqual({ error: "emailLink.errors.tooMany", email: address.toUpperCase() });
    expect(await issueFor("flow-next", "toinen@example.fi")).toEqual({ delivery: "sending" });
    expect(outboxRows()).toHaveLength(emailsPerAddress + 1);

    const counted = sqlite().prepare("SELECT address_hash FROM email_address_use").pluck().all() as string[];
    expect(counted).toHaveLength(emailsPerAddress + 1);
    const unkeyed = createHash("sha256").update(address.toLowerCase()).digest("hex");
    for (const hash of counted) {
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(hash).not.toBe(unkeyed);
    }
    expect(JSON.stringify(counted).toLowerCase()).not.toContain("maija");

    // A day later the address may be sent to again, and retention has deleted the old counts.
    vi.setSystemTime(new Date(now.getTime() + emailLimitWindowMs));
    expect(await issueFor("flow-next")).toEqual({ delivery: "sending" });
    await backend.retention.deleteExpiredEmailLinks(new Date(now.getTime() + emailLimitWindowMs));
    expect(sqlite().prepare("SELECT count(*) FROM email_address_use").pluck().get()).toBe(1);
  });

  it("stores the link and its email in one transaction: when the email cannot be stored, neither is the link", async () => {
    sqlite().exec("CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox unavailable'); END;");
    try {
      await expect(emailLink(form(address), { purpose: "track", targetId: "case-1", expiresAt: new Date(now.getTime() + day) }, "en")).rejects.toThrow(
        "outbox unavailable",
      );
      expect(sqlite().prepare("SELECT count(*) FROM email_link").pluck().get()).toBe(0);
    } finally {
      sqlite().exec("DROP TRIGGER refuse_outbox");
    }
  });
});

describe("delivering emailed links", () => {
  const dropped = () => readdirSync(dropDirectory).filter((name) => name.endsWith(".eml"));
  const issue = (language: "fi" | "sv" | "en", purpose: "resume" | "track" = "resume") =>
    emailLink(form(address), { purpose, targetId: `target-${language}-${purpose}`, expiresAt: new Date(now.getTime() + day) }, language);

  it("writes each email into the drop folder, marks it delivered and keeps neither the address nor the link", async () => {
    await issue("fi");
    const link = (JSON.parse(outboxRows()[0]!.payload) as { link: string }).link;
    const before = dropped().length;
    const sender = createEmailSender({ smtpUrl: undefined, from: "Luukku <no-reply@luukku.example.fi>", dropDirectory });
    expect(await emailLinkStatus("resume", "target-fi-resume")).toEqual({ delivery: "sending" });
    expect(await deliverDue(sender, now)).toEqual({ delivered: 1, failed: 0 });
    expect(await emailLinkStatus("resume", "target-fi-resume")).toEqual({ delivery: "sent" });

    const files = dropped();
    expect(files).toHaveLength(before + 1);
    const message = readFileSync(join(dropDirectory, files.sort().at(-1)!), "utf8");
    expect(message).toMatch(new RegExp(`^To: ${address}$`, "im"));
    expect(message).toMatch(/^Subject: Tallennetut vastauksesi Luukussa$/m);
    expect(message).toContain("Content-Type: text/plain");
    expect(message).toContain("Content-Type: text/html");
    expect(message.replace(/=\r?\n/g, "")).toContain(link);

    const [row] = outboxRows();
    expect(row?.delivered_at).toBe(now.getTime());
    expect(JSON.parse(row!.payload)).toEqual({ language: "fi", kind: "resume" });
    const everything = JSON.stringify(sqlite().prepare("SELECT * FROM outbox").all()) + JSON.stringify(sqlite().prepare("SELECT * FROM email_link").all());
    expect(everything.toLowerCase()).not.toContain(address.toLowerCase());
    expect(everything).not.toContain(tokenOf(JSON.stringify({ link })));

    // Delivered once: the next round sends nothing.
    expect(await deliverDue(sender, new Date(now.getTime() + day))).toEqual({ delivered: 0, failed: 0 });
  });

  it("keeps a failed email pending for a later try, with an error that names neither the address nor the link", async () => {
    await issue("en", "track");
    const link = (JSON.parse(outboxRows()[0]!.payload) as { link: string }).link;
    const refusing = async () => {
      throw new Error(`Can't send mail - all recipients were rejected: 550 5.1.1 <${address.toLowerCase()}>: Recipient address rejected (${link})`);
    };
    expect(await deliverDue(refusing, now)).toEqual({ delivered: 0, failed: 1 });
    const [row] = outboxRows();
    expect(row?.delivered_at).toBeNull();
    expect(row?.attempts).toBe(1);
    expect(row?.available_at).toBe(now.getTime() + retryDelayMs(1));
    expect(row?.last_error).toContain("Recipient address rejected");
    expect(row?.last_error?.toLowerCase()).not.toContain(address.toLowerCase());
    expect(row?.last_error).not.toContain(tokenOf(row!.payload));
    expect(row?.last_error).not.toMatch(/@/);
    expect(await emailLinkStatus("track", "target-en-track")).toEqual({ delivery: "delayed" });

    // Not due again until the wait is over, then it goes.
    expect(await deliverDue(refusing, new Date(now.getTime() + retryDelayMs(1) - 1))).toEqual({ delivered: 0, failed: 0 });
    const sent: string[] = [];
    const accepting = async (email: { to: string; subject: string }) => {
      sent.push(`${email.to}: ${email.subject}`);
    };
    expect(await deliverDue(accepting, new Date(now.getTime() + retryDelayMs(1)))).toEqual({ delivered: 1, failed: 0 });
    expect(sent).toEqual([`${address}: Follow your referrals in Luukku`]);
    expect(outboxRows()[0]?.last_error).toBeNull();
    expect(await emailLinkStatus("track", "target-en-track")).toEqual({ delivery: "sent" });
  });

  it(`gives up after ${maxEmailAttempts} tries, and then too keeps neither the address nor the link`, async () => {
    await issue("sv");
    const refusing = async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:25");
    };
    let at = now.getTime();
    for (let attempt = 1; attempt <= maxEmailAttempts; attempt += 1) {
      expect(await deliverDue(refusing, new Date(at)), `try ${attempt}`).toEqual({ delivered: 0, failed: 1 });
      at += retryDelayMs(attempt);
    }
    expect(await deliverDue(refusing, new Date(at + day))).toEqual({ delivered: 0, failed: 0 });
    const [row] = outboxRows();
    expect(row?.attempts).toBe(maxEmailAttempts);
    expect(row?.delivered_at).toBeNull();
    expect(JSON.parse(row!.payload)).toEqual({ language: "sv", kind: "resume" });
    expect(await emailLinkStatus("resume", "target-sv-resume")).toEqual({ delivery: "failed" });
  });

  it("prepares its statements once, not on every round", async () => {
    const prepare = vi.spyOn(sqlite(), "prepare");
    try {
      const delivery = createEmailDelivery(createBackend({ kind: "sqlite", connection: database.db }).outbox, async () => {});
      const prepared = prepare.mock.calls.length;
      expect(prepared).toBeGreaterThan(0);
      await issue("en");
      await issue("fi");
      const afterIssuing = prepare.mock.calls.length;
      expect(await delivery.deliverDue(now)).toEqual({ delivered: 2, failed: 0 });
      expect(await delivery.deliverDue(new Date(now.getTime() + day))).toEqual({ delivered: 0, failed: 0 });
      expect(prepare.mock.calls.length - afterIssuing).toBe(0);
    } finally {
      prepare.mockRestore();
    }
  });
});

describe("the email's text", () => {
  it("is in the person's language, as plain text and HTML with the link on a line of its own", async () => {
    const link = "https://luukku.example.fi/track/link/abc_DEF-123";
    const finnish = linkEmail({ language: "fi", kind: "track", link });
    expect(finnish.subject).toBe("Seuraa lähetteitäsi Luukussa");
    expect(finnish.text.split("\n")).toContain(link);
    expect(finnish.html).toContain(`<a href="${link}">${link}</a>`);
    expect(finnish.html).toContain('<html lang="fi">');
    expect(linkEmail({ language: "sv", kind: "resume", link }).subject).toBe("Dina sparade svar i Luukku");
  });

  it("escapes what it puts into HTML", async () => {
    const { html } = linkEmail({ language: "en", kind: "resume", link: 'https://x.example/"><script>' });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&#34;&#62;&#60;script&#62;");
  });
});

describe("retention of emailed links", () => {
  it("deletes links once they have expired, and only those", async () => {
    await emailLink(form(address), { purpose: "resume", targetId: "soon", expiresAt: new Date(now.getTime() + day) }, "en");
    await emailLink(form(address), { purpose: "track", targetId: "later", expiresAt: new Date(now.getTime() + 30 * day) }, "en");
    const targets = () => sqlite().prepare("SELECT target_id FROM email_link ORDER BY target_id").pluck().all();
    expect(await backend.retention.deleteExpiredEmailLinks(new Date(now.getTime() + day - 1))).toBe(0);
    expect(await backend.retention.deleteExpiredEmailLinks(new Date(now.getTime() + day))).toBe(1);
    expect(targets()).toEqual(["later"]);
    expect(await backend.retention.deleteExpiredEmailLinks(new Date(now.getTime() + 30 * day))).toBe(1);
    expect(targets()).toEqual([]);
  });
});
