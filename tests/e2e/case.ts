import type { APIRequestContext, Page } from "@playwright/test";
import { createBackend, type Backend } from "#db/backend.ts";
import { openDatabase, type LuukkuDatabase } from "#db/client.ts";
import type { PathwayEvent } from "#pathways/pathway-kit.ts";
import type { ReferralEvent } from "#pathways/referral/machine.ts";
import type { PathwayId } from "#pathways/pathways.ts";
import { e2eDatabasePath } from "../../playwright.config.ts";

/**
 * What the server recorded for one browser's screening, read from the e2e database; and,
 * where a pathway waits for staff (there is no staff interface yet), the staff step sent
 * through the pathway engine as staff tools would.
 */

/** The case of the screening this browser (or HTTP client) holds: the flow cookie's value, before its signature, names the screening. */
export async function caseIdOf(holder: Page | APIRequestContext): Promise<string> {
  const { cookies } = "context" in holder ? await holder.context().storageState() : await holder.storageState();
  const cookie = cookies.find((candidate) => candidate.name === "luukku_flow");
  if (!cookie) throw new Error("No screening cookie in this browser");
  const signed = JSON.parse(Buffer.from(decodeURIComponent(cookie.value), "base64").toString("utf8")) as string;
  const screeningId = signed.slice(0, signed.lastIndexOf("."));
  const caseId = withDatabase((db) => db.$client.prepare("SELECT case_id FROM screening WHERE id = ?").pluck().get(screeningId) as string | undefined);
  if (!caseId) throw new Error("The browser's screening is not in the database");
  return caseId;
}

/** The e2e database, open for one use and closed after: the server holds it too. */
export function withDatabase<T>(use: (db: LuukkuDatabase) => T): T {
  const db = openDatabase(e2eDatabasePath);
  try {
    return use(db);
  } finally {
    db.$client.close();
  }
}

/** `withDatabase` for work through the pathway engine, which is asynchronous: the connection closes once the work has ended. */
async function withBackend<T>(use: (backend: Backend) => Promise<T>): Promise<T> {
  const backend = createBackend({ kind: "sqlite", path: e2eDatabasePath });
  try {
    return await use(backend);
  } finally {
    backend.close();
  }
}

/** The state of each of the case's pathways (not its referral machines), by pathway. */
export function pathwayStates(caseId: string): Partial<Record<PathwayId, string>> {
  return withDatabase((db) =>
    Object.fromEntries(
      db.$client.prepare("SELECT machine_id, state FROM pathway_instance WHERE case_id = ? AND machine_id <> 'referral'").raw().all(caseId) as [string, string][],
    ),
  );
}

/** The case's referrals, oldest first: the service each went to and its status (the referral machine's state). */
export function referrals(caseId: string): { id: string; serviceId: number; status: string }[] {
  return withDatabase(
    (db) =>
      db.$client
        .prepare(
          `SELECT referral.id, referral.service_id AS serviceId, pathway_instance.state AS status
           FROM referral JOIN pathway_instance ON pathway_instance.id = referral.machine_instance_id
           WHERE referral.case_id = ? ORDER BY referral.created_at, referral.service_id`,
        )
        .all(caseId) as { id: string; serviceId: number; status: string }[],
  );
}

/** When consent to each of the case's referrals was withdrawn (null while it stands), by service id. */
export function consentWithdrawals(caseId: string): Record<number, number | null> {
  return withDatabase((db) =>
    Object.fromEntries(
      (
        db.$client.prepare("SELECT service_id, withdrawn_at FROM consent WHERE case_id = ?").all(caseId) as {
          service_id: number;
          withdrawn_at: number | null;
        }[]
      ).map((row) => [row.service_id, row.withdrawn_at]),
    ),
  );
}

export function caseReference(caseId: string): string | undefined {
  return withDatabase((db) => db.$client.prepare("SELECT reference FROM case_reference WHERE case_id = ?").pluck().get(caseId) as string | undefined);
}

/** Alerts the case's pathways raised for staff (waiting in the outbox). */
export function alerts(caseId: string): { alert: string; urgency: string }[] {
  return withDatabase((db) =>
    db.$client
      .prepare(
        `SELECT json_extract(outbox.payload, '$.alert') AS alert, json_extract(outbox.payload, '$.urgency') AS urgency
         FROM outbox JOIN pathway_instance ON pathway_instance.id = outbox.instance_id
         WHERE pathway_instance.case_id = ? AND outbox.type = 'pathway.alert'`,
      )
      .all(caseId) as { alert: string; urgency: string }[],
  );
}

type StaffEvent = Extract<PathwayEvent, { type: "ASSESSMENT_RECORDED" | "KEY_WORKER_ASSIGNED" }>;
type WithoutStamp<T> = T extends unknown ? Omit<T, "at" | "by"> : never;

/** A member of staff acts on one of the case's pathways (as the staff tools would), through the engine. */
export async function actAsStaff(caseId: string, pathwayId: PathwayId, event: WithoutStamp<StaffEvent>): Promise<void> {
  await withBackend(async ({ cases, engine }) => {
    const pathway = (await cases.pathways(caseId)).find((candidate) => candidate.machineId === pathwayId);
    if (!pathway) throw new Error(`Case has no ${pathwayId} pathway`);
    await engine.send(pathway.id, { ...event, at: new Date().toISOString(), by: "staff:e2e" });
  });
}

/** Moves the last use of the case's screening back, as if the person had left it that long ago. */
export function leaveIdle(caseId: string, milliseconds: number): void {
  withDatabase((db) => db.$client.prepare("UPDATE screening SET updated_at = updated_at - ? WHERE case_id = ?").run(milliseconds, caseId));
}

export interface ReferralMessage {
  referralId: string;
  type: string;
  payload: Record<string, unknown>;
  delivered: boolean;
  cancelled: boolean;
}

/** The messages for the providers of the case's referrals (their referral machines' outbox rows), oldest first. */
export function referralMessages(caseId: string): ReferralMessage[] {
  return withDatabase((db) =>
    (
      db.$client
        .prepare(
          `SELECT referral.id AS referralId, outbox.type, outbox.payload, outbox.delivered_at AS deliveredAt, outbox.cancelled_at AS cancelledAt
           FROM outbox JOIN referral ON referral.machine_instance_id = outbox.instance_id
           WHERE referral.case_id = ? ORDER BY outbox.id`,
        )
        .all(caseId) as { referralId: string; type: string; payload: string; deliveredAt: number | null; cancelledAt: number | null }[]
    ).map((row) => ({
      referralId: row.referralId,
      type: row.type,
      payload: JSON.parse(row.payload) as Record<string, unknown>,
      delivered: row.deliveredAt !== null,
      cancelled: row.cancelledAt !== null,
    })),
  );
}

/** The case's consents: to which service, and when and by whom each was withdrawn. */
export function consents(caseId: string): { serviceId: number; withdrawnAt: number | null; withdrawnBy: string | null }[] {
  return withDatabase(
    (db) =>
      db.$client
        .prepare("SELECT service_id AS serviceId, withdrawn_at AS withdrawnAt, withdrawn_by AS withdrawnBy FROM consent WHERE case_id = ? ORDER BY service_id")
        .all(caseId) as { serviceId: number; withdrawnAt: number | null; withdrawnBy: string | null }[],
  );
}

/** Marks a referral's request delivered, as a delivery worker would (none delivers to providers yet). */
export function deliverRequest(referralId: string): void {
  withDatabase((db) =>
    db.$client
      .prepare(
        `UPDATE outbox SET delivered_at = ?
         WHERE type = 'referral.requested' AND instance_id = (SELECT machine_instance_id FROM referral WHERE id = ?)`,
      )
      .run(Date.now(), referralId),
  );
}

type ProviderEvent = Extract<ReferralEvent, { type: "ACCEPT" | "START" }>;

/** The provider acts on a referral (as the provider inbox will), through the engine. */
export async function actAsProvider(caseId: string, referralId: string, types: ProviderEvent["type"][]): Promise<void> {
  await withBackend(async ({ cases, engine }) => {
    const referral = (await cases.referrals(caseId)).find((candidate) => candidate.id === referralId);
    if (!referral) throw new Error(`Case has no referral ${referralId}`);
    for (const type of types) await engine.send(referral.machineInstanceId, { type, at: new Date().toISOString(), by: "provider:e2e" });
  });
}
