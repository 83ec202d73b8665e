import type { APIRequestContext, Page } from "@playwright/test";
import { caseReferrals, casePathways, findCaseReference } from "#db/case-store.ts";
import { openDatabase, type LuukkuDatabase } from "#db/client.ts";
import { createPathwayEngine } from "#db/pathway-engine.ts";
import type { PathwayEvent } from "#pathways/pathway-kit.ts";
import type { PathwayId } from "#pathways/pathways.ts";
import { e2eDatabasePath } from "../../playwright.config.ts";

/**
 * What the server recorded for one browser's screening, read from the e2e database; and,
 * where a pathway waits for staff (there is no staff interface yet), the staff step sent
 * through the pathway engine as staff tools would.
 */

/** The screening (and so the case) id this browser (or HTTP client) holds: the flow cookie's value, before its signature. */
export async function caseIdOf(holder: Page | APIRequestContext): Promise<string> {
  const { cookies } = "context" in holder ? await holder.context().storageState() : await holder.storageState();
  const cookie = cookies.find((candidate) => candidate.name === "luukku_flow");
  if (!cookie) throw new Error("No screening cookie in this browser");
  const signed = JSON.parse(Buffer.from(decodeURIComponent(cookie.value), "base64").toString("utf8")) as string;
  return signed.slice(0, signed.lastIndexOf("."));
}

function withDatabase<T>(use: (db: LuukkuDatabase) => T): T {
  const db = openDatabase(e2eDatabasePath);
  try {
    return use(db);
  } finally {
    db.$client.close();
  }
}

/** The state of each of the case's pathways, by pathway. */
export function pathwayStates(caseId: string): Partial<Record<PathwayId, string>> {
  return withDatabase((db) => Object.fromEntries(casePathways(db, caseId).map((pathway) => [pathway.machineId, pathway.state])));
}

/** The case's referrals: the service each went to and its status (the referral machine's state). */
export function referrals(caseId: string): { serviceId: number; status: string }[] {
  return withDatabase((db) => caseReferrals(db, caseId).map(({ serviceId, status }) => ({ serviceId, status })));
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
  return withDatabase((db) => findCaseReference(db, caseId)?.reference);
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
export function actAsStaff(caseId: string, pathwayId: PathwayId, event: WithoutStamp<StaffEvent>): void {
  withDatabase((db) => {
    const pathway = casePathways(db, caseId).find((candidate) => candidate.machineId === pathwayId);
    if (!pathway) throw new Error(`Case has no ${pathwayId} pathway`);
    createPathwayEngine(db).send(pathway.id, { ...event, at: new Date().toISOString(), by: "staff:e2e" });
  });
}

/** Moves the screening's last use back, as if the person had left it that long ago. */
export function leaveIdle(caseId: string, milliseconds: number): void {
  withDatabase((db) => db.$client.prepare("UPDATE screening SET updated_at = updated_at - ? WHERE id = ?").run(milliseconds, caseId));
}
