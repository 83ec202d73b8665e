import type { AnyStateMachine } from "xstate";
import { entersEvictionRisk, evictionRiskMachine, evictionRiskNeeds, evictionRiskVersion } from "./eviction-risk/machine.ts";
import {
  entersFamiliesWithDisabledChild,
  familiesWithDisabledChildMachine,
  familiesWithDisabledChildNeeds,
  familiesWithDisabledChildVersion,
} from "./families-with-disabled-child/machine.ts";
import {
  entersLongTermUnemployment,
  longTermUnemploymentMachine,
  longTermUnemploymentNeeds,
  longTermUnemploymentVersion,
} from "./long-term-unemployment/machine.ts";
import {
  entersMentalHealthRecovery,
  mentalHealthRecoveryMachine,
  mentalHealthRecoveryNeeds,
  mentalHealthRecoveryVersion,
} from "./mental-health-recovery/machine.ts";
import type { Need } from "./needs/need.ts";
import type { NeedCode } from "./needs/taxonomy.ts";
import {
  entersOlderPeopleAtHome,
  olderPeopleAtHomeMachine,
  olderPeopleAtHomeNeeds,
  olderPeopleAtHomeVersion,
} from "./older-people-at-home/machine.ts";
import type { PersonProfile } from "./person.ts";
import { entersSafeguarding, safeguardingMachine, safeguardingNeeds, safeguardingVersion } from "./safeguarding/machine.ts";

export interface PathwayDefinition {
  machine: AnyStateMachine;
  /** Bumped when the machine changes so that old snapshots no longer fit it. */
  version: number;
  /** The needs the pathway plans for. */
  needs: readonly NeedCode[];
  /** Entry guard: does this pathway apply to this person? */
  enters: (needs: readonly Need[], person: PersonProfile) => boolean;
}

/** Every pathway, in the order the engine starts them (safeguarding first: danger before anything else). */
export const pathwayCatalogue = {
  safeguarding: { machine: safeguardingMachine, version: safeguardingVersion, needs: safeguardingNeeds, enters: entersSafeguarding },
  "eviction-risk": { machine: evictionRiskMachine, version: evictionRiskVersion, needs: evictionRiskNeeds, enters: entersEvictionRisk },
  "families-with-disabled-child": {
    machine: familiesWithDisabledChildMachine,
    version: familiesWithDisabledChildVersion,
    needs: familiesWithDisabledChildNeeds,
    enters: entersFamiliesWithDisabledChild,
  },
  "older-people-at-home": {
    machine: olderPeopleAtHomeMachine,
    version: olderPeopleAtHomeVersion,
    needs: olderPeopleAtHomeNeeds,
    enters: entersOlderPeopleAtHome,
  },
  "mental-health-recovery": {
    machine: mentalHealthRecoveryMachine,
    version: mentalHealthRecoveryVersion,
    needs: mentalHealthRecoveryNeeds,
    enters: entersMentalHealthRecovery,
  },
  "long-term-unemployment": {
    machine: longTermUnemploymentMachine,
    version: longTermUnemploymentVersion,
    needs: longTermUnemploymentNeeds,
    enters: entersLongTermUnemployment,
  },
} as const satisfies Record<string, PathwayDefinition>;

export type PathwayId = keyof typeof pathwayCatalogue;
