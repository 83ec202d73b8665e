import type { NeedCode } from "./taxonomy.ts";

/** How soon help must start: routine (weeks), soon (days), urgent (a working day), emergency (now). */
export const urgencies = ["routine", "soon", "urgent", "emergency"] as const;
export type Urgency = (typeof urgencies)[number];

export function moreUrgent(a: Urgency, b: Urgency): Urgency {
  return urgencies.indexOf(a) >= urgencies.indexOf(b) ? a : b;
}

/** A need derived from screening answers, with why it was derived (rule ids, for the audit trail and the UI). */
export interface Need {
  code: NeedCode;
  urgency: Urgency;
  /** Ids of the deriveNeeds rules that produced it, e.g. "daily-living-help". */
  because: string[];
}
