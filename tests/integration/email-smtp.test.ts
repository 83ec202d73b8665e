// First: the app's environment and database, before any app module reads them.
import { appDatabase } from "../support/app-database.ts";
import { createServer, type AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createEmailDelivery, createEmailSender } from "#app/email-delivery.server.ts";
import { maxDeliveryAttempts as maxEmailAttempts, retryDelayMs } from "#app/outbox-dispatcher.server.ts";
import { emailLink, emailLinkStatus } from "#app/email-link.server.ts";
import { createBackend } from "#db/backend.ts";

/**
 * Email over SMTP as production sends it: nodemailer's SMTP transport (SMTP_URL) against
 * a real SMTP server started here on 127.0.0.1 at a port the system picks, which accepts,
 * refuses or is not there at all. The outbox is the app's own, on a real SQLite file.
 */

interface Received {
  envelopeTo: string[];
  message: string;
}

/** What the server answers; `null` accepts. */
const refusal: { recipient: [number, string] | null; message: [number, string] | null } = { recipient: null, message: null };
const received: Received[] = [];

const refuse = ([code, text]: [number, string]) => Object.assign(new Error(text), { responseCode: code });

const smtp = new SMTPServer({
  // Plain SMTP on the loopback: no TLS certificate to trust, no login to give.
  disabledCommands: ["AUTH", "STARTTLS"],
  logger: false,
  onRcptTo(_address, _session, callback) {
    callback(refusal.recipient ? refuse(refusal.recipient) : null);
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      if (refusal.message) return callback(refuse(refusal.message));
      received.push({ envelopeTo: session.envelope.rcptTo.map((to) => to.address), message: Buffer.concat(chunks).toString("utf8") });
      callback(null);
    });
  },
});
let smtpUrl: string;
/** A port where nothing listens: connecting is refused. */
let downUrl: string;

const now = new Date("2026-03-01T09:00:00Z");
const day = 24 * 60 * 60 * 1000;
const from = "Luukku <no-reply@luukku.example.fi>";

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  downUrl = `smtp://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  appDatabase.close();
});
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now });
  appDatabase.db.$client.exec("DELETE FROM email_link; DELETE FROM outbox; DELETE FROM email_address_use;");
  refusal.recipient = null;
  refusal.message = null;
  received.length = 0;
});
afterEach(() => vi.useRealTimers());

const sqlite = () => appDatabase.db.$client;
const { outbox } = createBackend({ kind: "sqlite", connection: appDatabase.db });
interface OutboxRow {
  id: number;
  payload: string;
  attempts: number;
  available_at: number;
  delivered_at: number | null;
  failed_at: number | null;
  last_error: string | null;
}
const outboxRow = (id: number) => sqlite().prepare("SELECT * FROM outbox WHERE id = ?").get(id) as OutboxRow;

/** Asks for a link to `to` as the saved page does; the outbox row of its email, and the link it carries. */
async function askForLink(to: string, targetId = "flow-1"): Promise<{ id: number; link: string }> {
  const form = new FormData();
  form.set("email", to);
  expect(await emailLink(form, { purpose: "resume", targetId, expiresAt: new Date(now.getTime() + 90 * day) }, "en")).toEqual({ delivery: "sending" });
  const row = sqlite().prepare("SELECT id, payload FROM outbox ORDER BY id DESC LIMIT 1").get() as { id: number; payload: string };
  return { id: row.id, link: (JSON.parse(row.payload) as { link: string }).link };
}

/** The message as a mail program reads it: quoted-printable soft breaks joined. */
const readable = (message: string) => message.replace(/=\r?\n/g, "");

const address = "maija.meikalainen@example.fi";

describe("email over SMTP", () => {
  it("delivers the link to the person's address, with the subject and the link, then keeps neither", async () => {
    const { id, link } = await askForLink(address);
    const delivery = createEmailDelivery(outbox, createEmailSender({ smtpUrl, from, dropDirectory: "unused" }));
    expect(await delivery.deliverDue(now)).toEqual({ delivered: 1, failed: 0 });

    expect(received).toHaveLength(1);
    const [email] = received;
    expect(email!.envelopeTo).toEqual([address]);
    expect(email!.message).toMatch(new RegExp(`^To: ${address}\\r?$`, "m"));
    expect(email!.message).toMatch(/^Subject: Your saved answers in Luukku\r?$/m);
    expect(email!.message).toMatch(/^From: Luukku <no-reply@luukku\.example\.fi>\r?$/m);
    expect(readable(email!.message)).toContain(link);

    const row = outboxRow(id);
    expect(row.delivered_at).toBe(now.getTime());
    expect(row.attempts).toBe(1);
    expect(JSON.parse(row.payload)).toEqual({ language: "en", kind: "resume" });
    expect(await emailLinkStatus("resume", "flow-1")).toEqual({ delivery: "sent" });
  });

  it.each([
    ["the recipient", "recipient"],
    ["the message", "message"],
  ] as const)("gives up at once when the server refuses %s for good (550), and never says it was sent", async (_, stage) => {
    refusal[stage] = [550, "5.1.1 Mailbox unavailable"];
    const { id, link } = await askForLink(address);
    const delivery = createEmailDelivery(outbox, createEmailSender({ smtpUrl, from, dropDirectory: "unused" }));
    expect(await delivery.deliverDue(now)).toEqual({ delivered: 0, failed: 1 });

    expect(received).toEqual([]);
    const row = outboxRow(id);
    expect(row.delivered_at).toBeNull();
    expect(row.failed_at).toBe(now.getTime());
    expect(row.attempts).toBe(1);
    expect(row.last_error).toContain("550");
    expect(row.last_error).not.toMatch(/@/);
    expect(row.last_error).not.toContain(link.split("/").pop());
    expect(JSON.parse(row.payload)).toEqual({ language: "en", kind: "resume" });
    expect(await emailLinkStatus("resume", "flow-1")).toEqual({ delivery: "failed" });

    // Not tried again, however long we wait: the server would refuse it again.
    refusal[stage] = null;
    expect(await delivery.deliverDue(new Date(now.getTime() + day))).toEqual({ delivered: 0, failed: 0 });
    expect(received).toEqual([]);
  });

  it("tries again later when the server refuses for now (451), and sends it once the server takes it", async () => {
    refusal.message = [451, "4.3.0 Try again later"];
    const { id } = await askForLink(address);
    const delivery = createEmailDelivery(outbox, createEmailSender({ smtpUrl, from, dropDirectory: "unused" }));
    expect(await delivery.deliverDue(now)).toEqual({ delivered: 0, failed: 1 });
    expect(outboxRow(id)).toMatchObject({ attempts: 1, delivered_at: null, failed_at: null, available_at: now.getTime() + retryDelayMs(1) });
    expect(outboxRow(id).last_error).toContain("451");
    expect(await emailLinkStatus("resume", "flow-1")).toEqual({ delivery: "delayed" });

    refusal.message = null;
    expect(await delivery.deliverDue(new Date(now.getTime() + retryDelayMs(1) - 1))).toEqual({ delivered: 0, failed: 0 });
    expect(await delivery.deliverDue(new Date(now.getTime() + retryDelayMs(1)))).toEqual({ delivered: 1, failed: 0 });
    expect(received.map((email) => email.envelopeTo)).toEqual([[address]]);
    expect(outboxRow(id)).toMatchObject({ attempts: 2, last_error: null });
    expect(await emailLinkStatus("resume", "flow-1")).toEqual({ delivery: "sent" });
  });

  it(`retries a server that is down with a growing wait, and gives up after ${maxEmailAttempts} tries`, async () => {
    const { id } = await askForLink(address);
    const delivery = createEmailDelivery(outbox, createEmailSender({ smtpUrl: downUrl, from, dropDirectory: "unused" }));
    let at = now.getTime();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= maxEmailAttempts; attempt += 1) {
      expect(await delivery.deliverDue(new Date(at)), `try ${attempt}`).toEqual({ delivered: 0, failed: 1 });
      const row = outboxRow(id);
      expect(row.attempts).toBe(attempt);
      expect(row.last_error).toContain("ECONNREFUSED");
      if (attempt < maxEmailAttempts) {
        expect(await emailLinkStatus("resume", "flow-1")).toEqual({ delivery: "delayed" });
        waits.push(row.available_at - at);
        at = row.available_at;
      }
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60].map((minutes) => minutes * 60_000));
    const row = outboxRow(id);
    expect(row.failed_at).toBe(at);
    expect(JSON.parse(row.payload)).toEqual({ language: "en", kind: "resume" });
    expect(await emailLinkStatus("resume", "flow-1")).toEqual({ delivery: "failed" });
    expect(await delivery.deliverDue(new Date(at + day))).toEqual({ delivered: 0, failed: 0 });
  });

  it("sends each email once when two workers on the same database file deliver at the same time", async () => {
    const addresses = Array.from({ length: 6 }, (_, index) => `henkilo${index}@example.fi`);
    for (const [index, to] of addresses.entries()) await askForLink(to, `flow-${index}`);
    const secondBackend = createBackend({ kind: "sqlite", path: appDatabase.path });
    try {
      const send = createEmailSender({ smtpUrl, from, dropDirectory: "unused" });
      const first = createEmailDelivery(outbox, send);
      const second = createEmailDelivery(secondBackend.outbox, send);
      const [one, two] = await Promise.all([first.deliverDue(now), second.deliverDue(now)]);

      expect(received.flatMap((email) => email.envelopeTo).sort()).toEqual([...addresses].sort());
      expect(one.delivered + two.delivered).toBe(addresses.length);
      // Both really worked on the batch: each saw rows the other had claimed.
      expect(one.delivered).toBeGreaterThan(0);
      expect(two.delivered).toBeGreaterThan(0);
      const rows = sqlite().prepare("SELECT attempts, delivered_at FROM outbox").all() as { attempts: number; delivered_at: number | null }[];
      expect(rows).toEqual(addresses.map(() => ({ attempts: 1, delivered_at: now.getTime() })));
    } finally {
      secondBackend.close();
    }
  });
});
