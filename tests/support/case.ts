import { caseRecord } from "#db/schema.ts";
import type { LuukkuDatabase } from "#db/client.ts";
import type { NewScreening, Stores } from "#db/stores.ts";

/** A screening stored directly, as its own new case's (as the app's beginScreening opens one), for tests of the store and retention. */
export async function insertInNewCase({ cases, screenings }: Pick<Stores, "cases" | "screenings">, record: Omit<NewScreening, "caseId" | "memberId">) {
  const { caseId, memberId } = await cases.openCase(record.channel, new Date());
  return screenings.insert({ ...record, caseId, memberId });
}

/** An empty case with this id, for tests that start a case's pathways directly by a readable id. */
export function caseWithId(db: LuukkuDatabase, id: string): string {
  db.insert(caseRecord).values({ id, channel: "online", createdAt: new Date() }).run();
  return id;
}

/** Details enough for every category a referral may ask for, as the details page would give them. */
export const someonesDetails = {
  fullName: "Maija Meikäläinen",
  phone: "+358401234567",
  email: "maija@example.fi",
  dateOfBirth: "1948-03-27",
  streetAddress: "Koskenkatu 1 A 2",
  postcode: "33100",
} as const;
