/**
 * Who acted and how the person was reached: recorded with every event, so that anyone
 * can later see who answered what, when, on which channel (issue 12).
 */

/** Where the person and Luukku met: on the web, at a service counter, on the phone. */
export const channels = ["online", "walk-in", "phone"] as const;
export type Channel = (typeof channels)[number];

export const staffRoles = ["reception", "case-manager", "provider", "commissioner", "admin"] as const;
export type StaffRole = (typeof staffRoles)[number];

/**
 * The person themselves (anonymous: nothing names them), a member of staff acting for
 * them or in their own role, or the system (a scheduler or worker) acting on its own.
 */
export type Actor =
  | { kind: "citizen" }
  | { kind: "staff"; userId: string; role: StaffRole; officeId?: string; organizationId?: number }
  | { kind: "system"; name: string };

export const citizen: Actor = { kind: "citizen" };

/** The actor as the event logs of the pathways and consents spell it: "citizen", "staff:<id>", "system:<name>". */
export function actorName(actor: Actor): string {
  switch (actor.kind) {
    case "citizen":
      return "citizen";
    case "staff":
      return `staff:${actor.userId}`;
    case "system":
      return `system:${actor.name}`;
  }
}
