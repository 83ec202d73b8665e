import { createActor, type AnyMachineSnapshot, type AnyStateMachine, type EventFromLogic, type InputFrom, type SnapshotFrom } from "xstate";
import { stateName } from "#pathways/engine.ts";
import type { Need } from "#pathways/needs/need.ts";
import type { NeedCode } from "#pathways/needs/taxonomy.ts";
import type { PersonProfile } from "#pathways/person.ts";

export const someone: PersonProfile = {
  helpFor: "self",
  age: 44,
  municipality: "koskela",
  languages: ["fi"],
  childrenCount: 0,
  childrenWithSupportNeeds: 0,
  unemployedMonths: null,
  preferences: { providers: "any", maxMonthlyCostCents: null, contact: "phone" },
};

export const need = (code: NeedCode, urgency: Need["urgency"] = "routine"): Need => ({ code, urgency, because: ["test"] });

let clock = Date.parse("2026-11-30T08:00:00Z");
/** Events as the engine sends them: with a time (advancing a minute each) and an actor. */
export function stamped<T extends { type: string }>(event: T, by = "staff:1"): T & { at: string; by: string } {
  clock += 60_000;
  return { ...event, at: new Date(clock).toISOString(), by };
}

/**
 * Drives a machine as the engine does: persist after every event and restore before the
 * next (so every test also proves the snapshots restore), collecting emitted events.
 */
export function drive<TMachine extends AnyStateMachine>(machine: TMachine, input: InputFrom<TMachine>) {
  const emitted: { type: string; [key: string]: unknown }[] = [];
  const visited = new Set<string>();
  let persisted: unknown;

  const open = () => {
    const actor = createActor(machine, persisted === undefined ? { input } : { input, snapshot: persisted as never });
    actor.on("*", (event) => emitted.push(event as { type: string }));
    actor.start();
    return actor;
  };
  const close = (actor: ReturnType<typeof open>) => {
    visited.add(stateName((actor.getSnapshot() as AnyMachineSnapshot).value));
    // Through JSON, as the database stores it.
    persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    actor.stop();
  };
  close(open());

  return {
    emitted,
    visited,
    /** Sends the event if the current state accepts it; returns whether it did. */
    send(event: EventFromLogic<TMachine>): boolean {
      const actor = open();
      const accepted = (actor.getSnapshot() as AnyMachineSnapshot).can(event);
      if (accepted) actor.send(event);
      close(actor);
      return accepted;
    },
    get snapshot(): SnapshotFrom<TMachine> {
      const actor = open();
      const snapshot = actor.getSnapshot() as SnapshotFrom<TMachine>;
      actor.stop();
      return snapshot;
    },
    get state(): string {
      return stateName((this.snapshot as AnyMachineSnapshot).value);
    },
  };
}

/** Every leaf state of a machine, named as `stateName` names them. */
export function leafStateNames(machine: AnyStateMachine): string[] {
  const names: string[] = [];
  const walk = (node: { states: Record<string, unknown> }, prefix: string) => {
    for (const [key, child] of Object.entries(node.states)) {
      const childNode = child as { states: Record<string, unknown> };
      if (Object.keys(childNode.states).length === 0) names.push(prefix + key);
      else walk(childNode, `${prefix}${key}.`);
    }
  };
  walk(machine.root as unknown as { states: Record<string, unknown> }, "");
  return names.sort();
}
