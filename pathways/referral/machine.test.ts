import { getShortestPaths } from "@xstate/graph";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { createActor, type Actor, type Snapshot } from "xstate";
import {
  consentWithdrawnReason,
  maxReasonLength,
  nextTimer,
  referralMachine,
  referralMachineVersion,
  referralStatus,
  referralStatuses,
  type ReferralEmittedEvent,
  type ReferralEvent,
  type ReferralEventType,
  type ReferralInput,
  type ReferralStatus,
} from "./machine.ts";

type ReferralActor = Actor<typeof referralMachine>;

const input: ReferralInput = { referralId: "ref-1", serviceId: 7, organizationId: 3 };

/** Friday 10:00 in Helsinki; two working days later is Tuesday 10:00, 08:00 UTC. */
const sentAt = "2025-03-07T08:00:00.000Z";
const responseDueAt = "2025-03-11T08:00:00.000Z";
/** After the response deadline, so that every event in `validEvent` is acceptable somewhere. */
const laterAt = "2025-03-12T08:00:00.000Z";

const eventTypes: ReferralEventType[] = [
  "SEND",
  "ACCEPT",
  "REJECT",
  "START",
  "COMPLETE",
  "HOLD",
  "RESUME",
  "CANCEL",
  "FAIL",
  "RESPONSE_OVERDUE",
  "WITHDRAW_CONSENT",
];

/** An event of `type` with everything its guards ask for; SEND by default at `sentAt`, the others later. */
function validEvent(
  type: ReferralEventType,
  at = type === "SEND" ? sentAt : laterAt,
  reason = "Asiakas muutti toiselle paikkakunnalle",
): ReferralEvent {
  const by = type === "RESPONSE_OVERDUE" ? "system:scheduler" : "staff:123";
  switch (type) {
    case "SEND":
      return { type, at, by: "citizen" };
    case "REJECT":
    case "CANCEL":
    case "FAIL":
    case "HOLD":
      return { type, reason, at, by };
    default:
      return { type, at, by };
  }
}

const send = validEvent("SEND");
const accept = validEvent("ACCEPT");
const start = validEvent("START");
const hold = validEvent("HOLD");

/** How to reach each status, and on-hold both before and after the service started. */
const situations = {
  draft: [],
  requested: [send],
  accepted: [send, accept],
  rejected: [send, validEvent("REJECT")],
  "in-progress": [send, accept, start],
  completed: [send, accept, start, validEvent("COMPLETE")],
  "on-hold before start": [send, accept, hold],
  "on-hold in progress": [send, accept, start, hold],
  cancelled: [validEvent("CANCEL")],
  failed: [send, validEvent("FAIL")],
} satisfies Record<string, ReferralEvent[]>;
type Situation = keyof typeof situations;

function startedActor(events: ReferralEvent[] = []): ReferralActor {
  const actor = createActor(referralMachine, { input }).start();
  for (const event of events) actor.send(event);
  return actor;
}

/** Persists the actor as the engine does (through JSON, as the database stores it) and restores it. */
function persistAndRestore(actor: ReferralActor): ReferralActor {
  const stored = JSON.stringify(actor.getPersistedSnapshot());
  actor.stop();
  return createActor(referralMachine, { snapshot: JSON.parse(stored) as Snapshot<unknown>, input }).start();
}

/** Collects what the actor emits from now on. */
function emittedBy(actor: ReferralActor): ReferralEmittedEvent[] {
  const emitted: ReferralEmittedEvent[] = [];
  actor.on("*", (event) => emitted.push(event));
  return emitted;
}

describe("referralMachine states", () => {
  it("reaches every FHIR Task status and no other state", () => {
    const paths = getShortestPaths(referralMachine, {
      input,
      events: eventTypes.map((type) => validEvent(type)),
    });

    const reached = new Set(paths.map((path) => referralStatus(path.state)));

    expect([...reached].sort()).toEqual([...referralStatuses].sort());
  });

  it.each(Object.entries(situations) as Array<[Situation, ReferralEvent[]]>)(
    "reaches %s by an explicit sequence of events",
    (situation, events) => {
      const actor = startedActor(events);

      expect(referralStatus(actor.getSnapshot())).toBe(situation.split(" ")[0]);
    },
  );

  it.each(referralStatuses)("ends the machine in %s only if it is final", (status) => {
    const finalStatuses: ReferralStatus[] = ["rejected", "completed", "cancelled", "failed"];
    const events = situations[status === "on-hold" ? "on-hold before start" : status];

    const actor = startedActor(events);

    expect(actor.getSnapshot().status).toBe(finalStatuses.includes(status) ? "done" : "active");
  });

  it("has the machine id the engine stores snapshots under, and a version", () => {
    expect(referralMachine.id).toBe("referral");
    expect(referralMachineVersion).toBe(1);
  });

  it("restores a snapshot persisted by version 1 (bump the version if this has to change)", () => {
    // As stored by the engine: JSON.stringify(actor.getPersistedSnapshot()).
    const storedByVersion1 = JSON.stringify({
      status: "active",
      value: "on-hold",
      historyValue: {},
      context: {
        referralId: "ref-1",
        serviceId: 7,
        organizationId: 3,
        responseTimeWorkingDays: 2,
        requestedAt: sentAt,
        responseDueAt,
        escalated: false,
        statusReason: "Asiakas sairaalassa",
        heldFrom: "in-progress",
        timer: null,
      },
      children: {},
    });

    const actor = createActor(referralMachine, {
      snapshot: JSON.parse(storedByVersion1) as Snapshot<unknown>,
      input,
    }).start();
    actor.send(validEvent("RESUME"));

    expect(referralStatus(actor.getSnapshot())).toBe("in-progress");
    expect(actor.getSnapshot().context).toMatchObject({ heldFrom: null, statusReason: null, requestedAt: sentAt });
  });

  it.each([-1, 1.5, Number.NaN])("refuses a response time of %s working days", (responseTimeWorkingDays) => {
    const actor = createActor(referralMachine, { input: { ...input, responseTimeWorkingDays } });

    expect(actor.getSnapshot().status).toBe("error");
  });

  it("accepts a response time of 0 working days: the answer is due when sent", () => {
    const actor = createActor(referralMachine, { input: { ...input, responseTimeWorkingDays: 0 } }).start();

    actor.send(send);

    expect(actor.getSnapshot().context.responseDueAt).toBe(sentAt);
  });
});

describe("the transition table", () => {
  /** Where each event leads from each situation, when it carries what its guards ask for; unlisted events are refused. */
  const transitions: Record<Situation, Partial<Record<ReferralEventType, ReferralStatus>>> = {
    draft: { SEND: "requested", CANCEL: "cancelled", WITHDRAW_CONSENT: "cancelled" },
    requested: {
      ACCEPT: "accepted",
      REJECT: "rejected",
      CANCEL: "cancelled",
      FAIL: "failed",
      RESPONSE_OVERDUE: "requested",
      WITHDRAW_CONSENT: "cancelled",
    },
    accepted: {
      START: "in-progress",
      HOLD: "on-hold",
      CANCEL: "cancelled",
      FAIL: "failed",
      WITHDRAW_CONSENT: "cancelled",
    },
    "in-progress": { COMPLETE: "completed", HOLD: "on-hold", FAIL: "failed" },
    "on-hold before start": { RESUME: "accepted", CANCEL: "cancelled", FAIL: "failed", WITHDRAW_CONSENT: "cancelled" },
    "on-hold in progress": { RESUME: "in-progress", CANCEL: "cancelled", FAIL: "failed" },
    rejected: {},
    completed: {},
    cancelled: {},
    failed: {},
  };
  const cases = (Object.keys(transitions) as Situation[]).flatMap((situation) =>
    eventTypes.map((type) => [situation, type, transitions[situation][type]] as const),
  );
  const acceptedCases = cases.flatMap(([situation, type, to]) =>
    to === undefined ? [] : [[situation, type, to] as const],
  );
  const refusedCases = cases.filter(([, , to]) => to === undefined);

  it.each(cases)("in %s, can(%s) is true exactly when it leads somewhere (%s)", (situation, type, to) => {
    const actor = startedActor(situations[situation]);

    expect(actor.getSnapshot().can(validEvent(type))).toBe(to !== undefined);
  });

  it.each(acceptedCases)(
    "in %s, %s leads to %s, announced by one referral.status-changed if the status changes",
    (situation, type, to) => {
      const actor = startedActor(situations[situation]);
      const from = referralStatus(actor.getSnapshot());
      const emitted = emittedBy(actor);
      const event = validEvent(type);

      actor.send(event);

      expect(referralStatus(actor.getSnapshot())).toBe(to);
      expect(emitted.filter((emittedEvent) => emittedEvent.type === "referral.status-changed")).toEqual(
        from === to
          ? []
          : [{ type: "referral.status-changed", referralId: "ref-1", from, to, at: event.at, by: event.by }],
      );
    },
  );

  it.each(refusedCases)("in %s, %s leaves the snapshot unchanged and emits nothing", (situation, type) => {
    // A final actor has stopped; XState warns when it is sent an event.
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const actor = startedActor(situations[situation]);
    const before = actor.getPersistedSnapshot();
    const emitted = emittedBy(actor);

    actor.send(validEvent(type));

    expect(actor.getPersistedSnapshot()).toEqual(before);
    expect(emitted).toEqual([]);
  });
});

describe("SEND", () => {
  it("computes the response deadline in working days, sets the timer and emits referral.requested", () => {
    const actor = startedActor();
    const emitted = emittedBy(actor);

    actor.send(send);

    expect(referralStatus(actor.getSnapshot())).toBe("requested");
    expect(actor.getSnapshot().context).toMatchObject({ requestedAt: sentAt, responseDueAt });
    expect(nextTimer(actor.getSnapshot())).toEqual({ event: "RESPONSE_OVERDUE", dueAt: responseDueAt });
    expect(emitted).toEqual([
      {
        type: "referral.status-changed",
        referralId: "ref-1",
        from: "draft",
        to: "requested",
        at: sentAt,
        by: "citizen",
      },
      {
        type: "referral.requested",
        referralId: "ref-1",
        serviceId: 7,
        organizationId: 3,
        responseDueAt,
        at: sentAt,
        by: "citizen",
      },
    ]);
  });

  it("uses the service's own response time", () => {
    const actor = createActor(referralMachine, { input: { ...input, responseTimeWorkingDays: 5 } }).start();

    actor.send(send);

    expect(nextTimer(actor.getSnapshot())?.dueAt).toBe("2025-03-14T08:00:00.000Z");
  });

  it("counts a Saturday request from Monday 08:00 in Helsinki", () => {
    const actor = startedActor();

    actor.send({ type: "SEND", at: "2025-03-08T12:00:00Z", by: "citizen" });

    expect(actor.getSnapshot().context.responseDueAt).toBe("2025-03-12T06:00:00.000Z");
  });

  it.each(["2025-03-07T10:00:00", "2025-03-07 10:00:00Z", "next Friday", "2025-02-30T10:00:00Z"])(
    "refuses to be sent at %j, which is not an ISO 8601 instant",
    (at) => {
      const actor = startedActor();

      const accepted = actor.getSnapshot().can({ type: "SEND", at, by: "citizen" });

      expect(accepted).toBe(false);
    },
  );
});

describe("reasons", () => {
  const missingReasons: Array<[string, unknown]> = [
    ["no reason", undefined],
    ["an empty reason", ""],
    ["a blank reason", " \n\t "],
    ["a reason that is too long", "x".repeat(maxReasonLength + 1)],
  ];
  // On hold, the new reason must replace the reason for the hold.
  const requiringReason = [
    ["REJECT", "requested"],
    ["CANCEL", "accepted"],
    ["CANCEL", "on-hold before start"],
    ["FAIL", "in-progress"],
    ["FAIL", "on-hold in progress"],
  ] as const;

  describe.each(requiringReason)("%s in %s", (type, situation) => {
    const arrange = situations[situation];

    it.each(missingReasons)("is refused with %s", (_description, reason) => {
      const actor = startedActor(arrange);
      // As an event parsed from a request could arrive, whatever its declared type.
      const event = {
        type,
        at: laterAt,
        by: "staff:123",
        ...(reason === undefined ? {} : { reason }),
      } as ReferralEvent;
      const statusBefore = referralStatus(actor.getSnapshot());

      actor.send(event);

      expect(actor.getSnapshot().can(event)).toBe(false);
      expect(referralStatus(actor.getSnapshot())).toBe(statusBefore);
    });

    it("is accepted with a reason, kept trimmed as the status reason", () => {
      const actor = startedActor(arrange);

      actor.send({ type, reason: "  Palvelu ei sovi asiakkaalle \n", at: laterAt, by: "provider:45" });

      expect(actor.getSnapshot().context.statusReason).toBe("Palvelu ei sovi asiakkaalle");
    });

    it(`is accepted with a reason of exactly ${maxReasonLength} characters after trimming`, () => {
      const actor = startedActor(arrange);
      const reason = ` ${"x".repeat(maxReasonLength)} `;

      expect(actor.getSnapshot().can({ type, reason, at: laterAt, by: "provider:45" })).toBe(true);
    });
  });

  it("HOLD takes no reason, or a valid one", () => {
    const withoutReason = startedActor(situations.accepted);
    const withReason = startedActor(situations.accepted);
    const withBlankReason = startedActor(situations.accepted);

    withoutReason.send({ type: "HOLD", at: laterAt, by: "provider:45" });
    withReason.send({ type: "HOLD", reason: "Odottaa lääkärinlausuntoa", at: laterAt, by: "provider:45" });
    withBlankReason.send({ type: "HOLD", reason: "  ", at: laterAt, by: "provider:45" });

    expect(referralStatus(withoutReason.getSnapshot())).toBe("on-hold");
    expect(withoutReason.getSnapshot().context.statusReason).toBeNull();
    expect(withReason.getSnapshot().context.statusReason).toBe("Odottaa lääkärinlausuntoa");
    expect(referralStatus(withBlankReason.getSnapshot())).toBe("accepted");
  });
});

describe("RESPONSE_OVERDUE", () => {
  const overdueAt = (at: string): ReferralEvent => ({ type: "RESPONSE_OVERDUE", at, by: "system:scheduler" });

  it.each([
    ["a millisecond before the deadline", "2025-03-11T07:59:59.999Z"],
    // Later than the deadline as text, earlier as an instant: times are compared as instants.
    ["before the deadline in another offset", "2025-03-11T09:59:00+02:00"],
  ])("is refused %s", (_description, at) => {
    const actor = startedActor(situations.requested);

    const accepted = actor.getSnapshot().can(overdueAt(at));
    actor.send(overdueAt(at));

    expect(accepted).toBe(false);
    expect(actor.getSnapshot().context.escalated).toBe(false);
    expect(nextTimer(actor.getSnapshot())).toEqual({ event: "RESPONSE_OVERDUE", dueAt: responseDueAt });
  });

  it.each([
    ["at the deadline", responseDueAt],
    ["at the deadline in another offset", "2025-03-11T10:00:00+02:00"],
    ["after the deadline", laterAt],
  ])("escalates %s, stays requested, clears the timer and emits referral.escalated", (_description, at) => {
    const actor = startedActor(situations.requested);
    const emitted = emittedBy(actor);

    actor.send(overdueAt(at));

    expect(referralStatus(actor.getSnapshot())).toBe("requested");
    expect(actor.getSnapshot().context.escalated).toBe(true);
    expect(nextTimer(actor.getSnapshot())).toBeNull();
    expect(emitted).toEqual([
      {
        type: "referral.escalated",
        referralId: "ref-1",
        serviceId: 7,
        organizationId: 3,
        responseDueAt,
        at,
        by: "system:scheduler",
      },
    ]);
  });

  it("escalates only once, however often the scheduler fires", () => {
    const actor = startedActor([...situations.requested, overdueAt(laterAt)]);
    const emitted = emittedBy(actor);

    actor.send(overdueAt(laterAt));

    expect(emitted).toEqual([]);
  });

  it("has its timer cleared once the provider answers", () => {
    const actor = startedActor(situations.requested);

    actor.send(accept);

    expect(nextTimer(actor.getSnapshot())).toBeNull();
  });

  it("keeps its timer across a persist and restore, so a scheduler can fire it after a restart", () => {
    const actor = startedActor(situations.requested);

    const restored = persistAndRestore(actor);
    const timer = nextTimer(restored.getSnapshot());
    restored.send(overdueAt(responseDueAt));

    expect(timer).toEqual({ event: "RESPONSE_OVERDUE", dueAt: responseDueAt });
    expect(restored.getSnapshot().context.escalated).toBe(true);
  });
});

describe("CANCEL and WITHDRAW_CONSENT", () => {
  it("CANCEL emits referral.cancelled with the trimmed reason", () => {
    const actor = startedActor(situations.requested);
    const emitted = emittedBy(actor);

    actor.send({ type: "CANCEL", reason: " Tarve poistui ", at: laterAt, by: "staff:123" });

    expect(referralStatus(actor.getSnapshot())).toBe("cancelled");
    expect(emitted).toEqual([
      {
        type: "referral.status-changed",
        referralId: "ref-1",
        from: "requested",
        to: "cancelled",
        at: laterAt,
        by: "staff:123",
      },
      { type: "referral.cancelled", referralId: "ref-1", reason: "Tarve poistui", at: laterAt, by: "staff:123" },
    ]);
  });

  it.each(["draft", "requested", "accepted", "on-hold before start"] as const)(
    "WITHDRAW_CONSENT cancels a referral that has not started (%s)",
    (situation) => {
      const actor = startedActor(situations[situation]);
      const emitted = emittedBy(actor);

      actor.send({ type: "WITHDRAW_CONSENT", at: laterAt, by: "citizen" });

      expect(referralStatus(actor.getSnapshot())).toBe("cancelled");
      expect(actor.getSnapshot().context.statusReason).toBe(consentWithdrawnReason);
      expect(nextTimer(actor.getSnapshot())).toBeNull();
      expect(emitted).toContainEqual({
        type: "referral.cancelled",
        referralId: "ref-1",
        reason: consentWithdrawnReason,
        at: laterAt,
        by: "citizen",
      });
    },
  );

  it.each(["in-progress", "on-hold in progress", "completed"] as const)(
    "WITHDRAW_CONSENT is refused once the service has started (%s)",
    (situation) => {
      vi.spyOn(console, "warn").mockImplementation(() => undefined);
      const actor = startedActor(situations[situation]);
      const statusBefore = referralStatus(actor.getSnapshot());

      actor.send({ type: "WITHDRAW_CONSENT", at: laterAt, by: "citizen" });

      expect(referralStatus(actor.getSnapshot())).toBe(statusBefore);
      expect(actor.getSnapshot().context.statusReason).not.toBe(consentWithdrawnReason);
    },
  );
});

describe("HOLD and RESUME", () => {
  it.each([
    ["accepted", situations.accepted],
    ["in-progress", situations["in-progress"]],
  ] as const)("return to %s across a persist and restore", (origin, arrange) => {
    const actor = startedActor(arrange);
    actor.send({ type: "HOLD", reason: "Asiakas sairaalassa", at: laterAt, by: "provider:45" });
    const emitted: ReferralEmittedEvent[] = [];

    const restored = persistAndRestore(actor);
    restored.on("*", (event) => emitted.push(event));
    restored.send(validEvent("RESUME"));

    expect(referralStatus(restored.getSnapshot())).toBe(origin);
    expect(restored.getSnapshot().context).toMatchObject({ heldFrom: null, statusReason: null });
    expect(emitted).toEqual([
      {
        type: "referral.status-changed",
        referralId: "ref-1",
        from: "on-hold",
        to: origin,
        at: laterAt,
        by: "staff:123",
      },
    ]);
  });
});

describe("persisting and restoring", () => {
  /** One step of a random run: how much later, by whom, which acceptable event, with what reason. */
  interface Step {
    minutesLater: number;
    by: string;
    mayClose: boolean;
    choice: number;
    reason: string;
  }
  const runs = fc.array(
    fc.record({
      minutesLater: fc.integer({ min: 0, max: 4 * 24 * 60 }),
      by: fc.constantFrom("citizen", "staff:123", "provider:45", "system:scheduler"),
      // Closing a referral ends the run, so most steps keep it open to reach holds, resumes and escalations.
      mayClose: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
      choice: fc.nat(),
      reason: fc.string({ minLength: 1, maxLength: 40 }).filter((reason) => reason.trim().length > 0),
    }),
    { maxLength: 20 },
  );
  const closingEventTypes: ReferralEventType[] = ["REJECT", "COMPLETE", "CANCEL", "FAIL", "WITHDRAW_CONSENT"];

  /** Turns random steps into a valid run: each step picks one of the events the machine accepts then. */
  function* validEvents(actor: ReferralActor, run: Step[]): Generator<ReferralEvent> {
    let time = Date.parse(sentAt);
    for (const step of run) {
      time += step.minutesLater * 60_000;
      const at = new Date(time).toISOString();
      const acceptable = eventTypes
        .map((type): ReferralEvent => ({ ...validEvent(type, at, step.reason), by: step.by }))
        .filter((event) => actor.getSnapshot().can(event));
      const keepingOpen = acceptable.filter((event) => !closingEventTypes.includes(event.type));
      const candidates = step.mayClose || keepingOpen.length === 0 ? acceptable : keepingOpen;
      const event = candidates[step.choice % Math.max(candidates.length, 1)];
      if (event === undefined) return;
      yield event;
    }
  }

  it("ends in the same status and context, having emitted the same events, whether or not restored after every step", () => {
    fc.assert(
      fc.property(runs, (run) => {
        const uninterrupted = startedActor();
        const uninterruptedEmitted = emittedBy(uninterrupted);
        let restored = startedActor();
        const restoredEmitted: ReferralEmittedEvent[] = [];

        for (const event of validEvents(uninterrupted, run)) {
          uninterrupted.send(event);
          restored = persistAndRestore(restored);
          restored.on("*", (emitted) => restoredEmitted.push(emitted));
          restored.send(event);
        }

        expect(referralStatus(restored.getSnapshot())).toBe(referralStatus(uninterrupted.getSnapshot()));
        expect(restored.getSnapshot().context).toEqual(uninterrupted.getSnapshot().context);
        expect(restoredEmitted).toEqual(uninterruptedEmitted);
      }),
    );
  });

  it("emits exactly one referral.status-changed per status change, naming both statuses", () => {
    fc.assert(
      fc.property(runs, (run) => {
        const actor = startedActor();

        for (const event of validEvents(actor, run)) {
          const before = referralStatus(actor.getSnapshot());
          const emitted: ReferralEmittedEvent[] = [];
          const subscription = actor.on("referral.status-changed", (statusChange) => emitted.push(statusChange));

          actor.send(event);
          subscription.unsubscribe();

          const after = referralStatus(actor.getSnapshot());
          expect(emitted).toEqual(before === after ? [] : [expect.objectContaining({ from: before, to: after })]);
        }
      }),
    );
  });
});
