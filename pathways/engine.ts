import { randomUUID } from "node:crypto";
import type { Channel } from "./actor.ts";
import { createActor, type AnyStateMachine } from "xstate";
import { packageItemRows, type CaseMember, type ProposedPackage } from "./case.ts";
import type { CandidateIndex } from "./matching/candidate-index.ts";
import { matchIndexed, type ServicePackage } from "./matching/match.ts";
import type { Need } from "./needs/need.ts";
import { needSubject } from "./needs/subject.ts";
import type { NeedCode } from "./needs/taxonomy.ts";
import type { PathwayEmitted, PathwayInput, ProposedService, TrackedReferral, TrackedReferralStatus } from "./pathway-kit.ts";
import { pathwayCatalogue, type PathwayId } from "./pathways.ts";
import type { PersonProfile } from "./person.ts";
import { referralMachine, referralMachineVersion } from "./referral/machine.ts";

/**
 * The pathway engine: starts the pathways that apply to a person, and carries every
 * event through a machine the same way — restore the actor from its persisted snapshot,
 * check the event is accepted, send it, and store the new snapshot, the event row, the
 * machine's timers and any outgoing messages in one transaction (the store's).
 *
 * What machines emit is work: a match request is answered with the package, a referral
 * request creates referral machines, everything that leaves the system (alerts, messages
 * to providers) goes to the outbox, delivered later by a worker. Plain TypeScript: the
 * database is behind `PathwayStore`, the catalogue behind `CandidateSource`.
 */

export interface StoredInstance {
  id: string;
  caseId: string;
  machineId: string;
  machineVersion: number;
  snapshot: unknown;
  state: string;
  status: "active" | "done" | "error" | "stopped";
  lastSequence: number;
}

export interface StoredEvent {
  instanceId: string;
  sequence: number;
  type: string;
  payload: unknown;
  actor: string;
  /** How the person was being served; null for what the system did on its own. */
  channel: Channel | null;
  occurredAt: string;
  machineVersion: number;
}

export interface MachineTimer {
  event: string;
  dueAt: string;
}

export interface DueTimer extends MachineTimer {
  instanceId: string;
}

export interface StoredReferral {
  id: string;
  caseId: string;
  pathwayInstanceId: string;
  machineInstanceId: string;
  serviceId: number;
  organizationId: number;
  idempotencyKey: string;
  needCodes: NeedCode[];
}

export interface PathwayStore {
  /**
   * Runs `work` in one transaction: all of its writes or none. Inside a use case's unit of
   * work it is a part of that transaction (undone with it), not a second one.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  load(instanceId: string): Promise<StoredInstance | undefined>;
  insert(instance: StoredInstance): Promise<void>;
  /** Fails (rejects) unless the stored sequence is still `expectedSequence`: no lost updates. */
  update(instance: StoredInstance, expectedSequence: number): Promise<void>;
  appendEvent(event: StoredEvent): Promise<void>;
  replaceTimers(instanceId: string, timers: MachineTimer[]): Promise<void>;
  dueTimers(now: string, limit: number): Promise<DueTimer[]>;
  enqueue(message: { type: string; payload: unknown; instanceId: string }): Promise<void>;
  /**
   * Stops the instance's messages that have not left yet, so they never do; answers
   * whether any of its messages had already been delivered.
   */
  cancelUndeliveredMessages(instanceId: string): Promise<{ anyDelivered: boolean }>;
  findReferral(idempotencyKey: string): Promise<StoredReferral | undefined>;
  referralByMachineInstance(machineInstanceId: string): Promise<StoredReferral | undefined>;
  insertReferral(referral: StoredReferral): Promise<void>;
  recordUnmetNeeds(caseId: string, needCodes: NeedCode[], municipality: string): Promise<void>;
  /** The people of the case's household, so each package item names whom it is for. */
  caseMembers(caseId: string): Promise<CaseMember[]>;
  /** Stores the package proposed for the case: the one every page that shows it reads. */
  saveProposedPackage(proposal: ProposedPackage): Promise<void>;
}

/**
 * The catalogue as the matcher sees it. Synchronous on purpose: it is an index held in
 * memory (ADR 011), rebuilt from the database only when the public catalogue changed.
 */
export interface CandidateSource {
  /** The referable catalogue, prepared for the matcher. */
  candidateIndex(): CandidateIndex;
  /** What a referral to these services needs to know: provider and response time. */
  referralTerms(serviceIds: readonly number[]): Map<number, { organizationId: number; responseTimeWorkingDays: number }>;
}

export class InstanceNotFound extends Error {
  constructor(instanceId: string) {
    super(`No machine instance ${instanceId}`);
  }
}

export class EventRefused extends Error {
  constructor(
    readonly instanceId: string,
    readonly state: string,
    readonly eventType: string,
  ) {
    super(`Event ${eventType} is not accepted by instance ${instanceId} in state ${state}`);
  }
}

export class UnknownMachineVersion extends Error {
  constructor(machineId: string, version: number, known: number | undefined) {
    super(
      known === undefined
        ? `Unknown machine ${machineId}`
        : `Snapshot of ${machineId} version ${version} cannot be restored by version ${known}: refusing to reinterpret it`,
    );
  }
}

interface RegisteredMachine {
  machine: AnyStateMachine;
  version: number;
  /** The event the scheduler sends when one of this machine's timers is due. */
  timerEvent: (timer: string, at: string) => EngineEvent;
}

const scheduler = "system:scheduler";

/** Every machine the engine runs, by machine id, with the version its snapshots carry. */
export const machineRegistry: Record<string, RegisteredMachine> = {
  ...Object.fromEntries(
    Object.values(pathwayCatalogue).map((pathway) => [
      pathway.machine.id,
      {
        machine: pathway.machine,
        version: pathway.version,
        timerEvent: (timer: string, at: string) => ({ type: "TIMER_DUE", timer, at, by: scheduler }),
      },
    ]),
  ),
  [referralMachine.id]: {
    machine: referralMachine,
    version: referralMachineVersion,
    timerEvent: (timer: string, at: string) => ({ type: timer, at, by: scheduler }),
  },
};

function registered(machineId: string, version: number): RegisteredMachine {
  const entry = machineRegistry[machineId];
  if (!entry || entry.version !== version) throw new UnknownMachineVersion(machineId, version, entry?.version);
  return entry;
}

/** "inService", or "stage.housing" for nested states. */
export function stateName(value: unknown): string {
  if (typeof value === "string") return value;
  const [key, child] = Object.entries(value as Record<string, unknown>)[0] ?? ["?", ""];
  return child === "" ? key : `${key}.${stateName(child)}`;
}

type Emitted = { type: string; [key: string]: unknown };

/** An event as the engine takes it: any machine's event, stamped with time, actor and (where a person is served) channel. */
export type EngineEvent = { type: string; at: string; by: string; channel?: Channel; [key: string]: unknown };

interface Transition {
  instance: StoredInstance;
  emitted: Emitted[];
  context: Record<string, unknown>;
}

export interface StartedCase {
  caseId: string;
  pathways: { instanceId: string; pathwayId: PathwayId; state: string }[];
  package: ServicePackage;
}

export class PathwayEngine {
  readonly #store: PathwayStore;
  readonly #catalogue: CandidateSource;
  readonly #newId: () => string;

  constructor(store: PathwayStore, catalogue: CandidateSource, newId: () => string = randomUUID) {
    this.#store = store;
    this.#catalogue = catalogue;
    this.#newId = newId;
  }

  /**
   * Starts every pathway whose entry guard admits the person, matches all their needs in
   * one package, so no service is proposed twice, stores that package for the case, and
   * answers each pathway's match request with the package's services for its needs.
   */
  async startCase(caseId: string, needs: readonly Need[], person: PersonProfile, at: string, by: string, channel: Channel | null = null): Promise<StartedCase> {
    return this.#store.transaction(async () => {
      const started: { instanceId: string; pathwayId: PathwayId; matchRequested: NeedCode[] | null }[] = [];
      for (const [pathwayId, pathway] of Object.entries(pathwayCatalogue) as [PathwayId, (typeof pathwayCatalogue)[PathwayId]][]) {
        if (!pathway.enters(needs, person)) continue;
        const input: PathwayInput = { caseId, needs: [...needs], person };
        const { instance, emitted } = await this.#create(caseId, pathway.machine.id, pathway.version, input, at, by, channel);
        const matchRequest = emitted.find((event) => event.type === "pathway.match-requested") as
          | Extract<PathwayEmitted, { type: "pathway.match-requested" }>
          | undefined;
        await this.#dispatch(instance, emitted.filter((event) => event !== matchRequest), at);
        started.push({ instanceId: instance.id, pathwayId, matchRequested: matchRequest?.needCodes ?? null });
      }

      const servicePackage = matchIndexed(needs, person, this.#catalogue.candidateIndex());
      if (servicePackage.unmetNeeds.length > 0) await this.#store.recordUnmetNeeds(caseId, servicePackage.unmetNeeds, person.municipality);
      const pathwayOf = new Map<number, string>();
      for (const pathway of started) {
        if (!pathway.matchRequested) continue;
        // Each package item goes to the first pathway that handles one of its needs.
        const services: ProposedService[] = servicePackage.items
          .filter((item) => !pathwayOf.has(item.serviceId) && item.coversInPackage.some((code) => pathway.matchRequested!.includes(code)))
          .map((item) => ({ serviceId: item.serviceId, organizationId: item.organizationId, needCodes: item.coversInPackage }));
        for (const service of services) pathwayOf.set(service.serviceId, pathway.instanceId);
        await this.#sendWithin(pathway.instanceId, { type: "PACKAGE_PROPOSED", services, at, by: "system:matcher" });
      }
      const items = packageItemRows(
        needs.map((need) => need.code),
        servicePackage,
        person,
        await this.#store.caseMembers(caseId),
        (serviceId) => pathwayOf.get(serviceId) ?? null,
      );
      await this.#store.saveProposedPackage({ caseId, proposedAt: at, helpFor: person.helpFor, items });
      const pathways: StartedCase["pathways"] = [];
      for (const pathway of started) {
        pathways.push({ instanceId: pathway.instanceId, pathwayId: pathway.pathwayId, state: (await this.#store.load(pathway.instanceId))!.state });
      }
      return { caseId, pathways, package: servicePackage };
    });
  }

  /** One event to one instance, and everything it sets off, in one transaction. */
  async send(instanceId: string, event: EngineEvent): Promise<StoredInstance> {
    return this.#store.transaction(async () => {
      await this.#sendWithin(instanceId, event);
      return (await this.#store.load(instanceId))!;
    });
  }

  /** Fires every timer due by `now` (the scheduler calls this); returns how many fired. */
  async fireDueTimers(now: string, limit = 100): Promise<number> {
    let fired = 0;
    for (const timer of await this.#store.dueTimers(now, limit)) {
      await this.#store.transaction(async () => {
        const instance = await this.#store.load(timer.instanceId);
        if (!instance) return;
        const { timerEvent } = registered(instance.machineId, instance.machineVersion);
        const event = timerEvent(timer.event, now);
        const { accepted } = await this.#tryTransition(instance, event);
        // A timer the machine no longer wants (it moved on) is dropped, not retried forever.
        if (!accepted) await this.#store.replaceTimers(instance.id, []);
        else fired += 1;
      });
    }
    return fired;
  }

  async #create(caseId: string, machineId: string, version: number, input: unknown, at: string, by: string, channel: Channel | null): Promise<Transition> {
    const { machine } = registered(machineId, version);
    const emitted: Emitted[] = [];
    const actor = createActor(machine, { input });
    actor.on("*", (event) => emitted.push(event as Emitted));
    actor.start();
    const snapshot = actor.getSnapshot();
    const instance: StoredInstance = {
      id: this.#newId(),
      caseId,
      machineId,
      machineVersion: version,
      snapshot: actor.getPersistedSnapshot(),
      state: stateName(snapshot.value),
      status: snapshot.status === "done" ? "done" : "active",
      lastSequence: 0,
    };
    actor.stop();
    await this.#store.insert(instance);
    await this.#store.appendEvent({
      instanceId: instance.id,
      sequence: 0,
      type: "xstate.init",
      payload: input,
      actor: by,
      channel,
      occurredAt: at,
      machineVersion: version,
    });
    const context = snapshot.context as Record<string, unknown>;
    await this.#store.replaceTimers(instance.id, timersOf(context));
    return { instance, emitted, context };
  }

  async #sendWithin(instanceId: string, event: EngineEvent): Promise<void> {
    const instance = await this.#store.load(instanceId);
    if (!instance) throw new InstanceNotFound(instanceId);
    const result = await this.#tryTransition(instance, event);
    if (!result.accepted) throw new EventRefused(instanceId, instance.state, event.type);
  }

  async #tryTransition(instance: StoredInstance, event: EngineEvent): Promise<{ accepted: boolean }> {
    const { machine } = registered(instance.machineId, instance.machineVersion);
    const emitted: Emitted[] = [];
    const actor = createActor(machine, { snapshot: instance.snapshot as never });
    actor.on("*", (emittedEvent) => emitted.push(emittedEvent as Emitted));
    actor.start();
    if (!actor.getSnapshot().can(event)) {
      actor.stop();
      return { accepted: false };
    }
    actor.send(event);
    const snapshot = actor.getSnapshot();
    const next: StoredInstance = {
      ...instance,
      snapshot: actor.getPersistedSnapshot(),
      state: stateName(snapshot.value),
      status: snapshot.status === "done" ? "done" : snapshot.status === "error" ? "error" : "active",
      lastSequence: instance.lastSequence + 1,
    };
    actor.stop();
    await this.#store.update(next, instance.lastSequence);
    const { type, at, by, channel = null, ...payload } = event;
    await this.#store.appendEvent({
      instanceId: instance.id,
      sequence: next.lastSequence,
      type,
      payload,
      actor: by,
      channel,
      occurredAt: at,
      machineVersion: instance.machineVersion,
    });
    await this.#store.replaceTimers(instance.id, timersOf(snapshot.context as Record<string, unknown>));
    await this.#dispatch(next, emitted, at);
    return { accepted: true };
  }

  /** Turns what a machine emitted into work: internal commands run now, the rest goes to the outbox. */
  async #dispatch(instance: StoredInstance, emitted: Emitted[], at: string): Promise<void> {
    for (const event of emitted) {
      if (event.type === "pathway.referrals-requested") {
        await this.#createReferrals(instance, (event as Extract<PathwayEmitted, { type: "pathway.referrals-requested" }>).serviceIds, at);
        continue;
      }
      if (event.type === "pathway.match-requested") {
        // Matching after the start (a pathway asking again) answers for its own needs alone.
        const request = event as Extract<PathwayEmitted, { type: "pathway.match-requested" }>;
        const input = (instance.snapshot as { context: PathwayInput }).context;
        const servicePackage = matchIndexed(
          input.needs.filter((need) => request.needCodes.includes(need.code)),
          input.person,
          this.#catalogue.candidateIndex(),
        );
        const services = servicePackage.items.map((item) => ({
          serviceId: item.serviceId,
          organizationId: item.organizationId,
          needCodes: item.coversInPackage,
        }));
        await this.#sendWithin(instance.id, { type: "PACKAGE_PROPOSED", services, at, by: "system:matcher" });
        continue;
      }
      // A cancelled referral (consent withdrawn, or staff cancelled it) sends nothing more: what
      // was still waiting is cancelled, and the cancellation follows only what a provider got.
      if (event.type === "referral.cancelled" && !(await this.#store.cancelUndeliveredMessages(instance.id)).anyDelivered) continue;
      const payload = event.type === "referral.requested" ? await this.#withWhomFor(instance, event) : event;
      await this.#store.enqueue({ type: event.type, payload, instanceId: instance.id });
      if (event.type === "referral.status-changed") await this.#forwardReferralStatus(instance, event);
    }
  }

  async #createReferrals(pathwayInstance: StoredInstance, serviceIds: number[], at: string): Promise<void> {
    const context = (pathwayInstance.snapshot as { context: { proposal: ProposedService[] } }).context;
    const terms = this.#catalogue.referralTerms(serviceIds);
    const tracked: TrackedReferral[] = [];
    for (const serviceId of serviceIds) {
      const idempotencyKey = `${pathwayInstance.id}:${serviceId}`;
      const needCodes = context.proposal.find((service) => service.serviceId === serviceId)?.needCodes ?? [];
      const existing = await this.#store.findReferral(idempotencyKey);
      if (existing) {
        tracked.push({ referralId: existing.id, serviceId, needCodes: existing.needCodes, status: "requested" });
        continue;
      }
      const term = terms.get(serviceId);
      if (!term) continue;
      const referralId = this.#newId();
      const { instance } = await this.#create(
        pathwayInstance.caseId,
        referralMachine.id,
        referralMachineVersion,
        { referralId, serviceId, organizationId: term.organizationId, responseTimeWorkingDays: term.responseTimeWorkingDays },
        at,
        "system:engine",
        null,
      );
      await this.#store.insertReferral({
        id: referralId,
        caseId: pathwayInstance.caseId,
        pathwayInstanceId: pathwayInstance.id,
        machineInstanceId: instance.id,
        serviceId,
        organizationId: term.organizationId,
        idempotencyKey,
        needCodes,
      });
      await this.#sendWithin(instance.id, { type: "SEND", at, by: "system:engine" });
      tracked.push({ referralId, serviceId, needCodes, status: "requested" });
    }
    await this.#sendWithin(pathwayInstance.id, { type: "REFERRALS_SENT", referrals: tracked, at, by: "system:engine" });
  }

  /**
   * A referral request as the provider gets it: with the needs it is for and whom each is
   * for (ADR 015), so a provider knows the referral is for a child, not the parent.
   */
  async #withWhomFor(referralInstance: StoredInstance, event: Emitted): Promise<Emitted> {
    const stored = await this.#store.referralByMachineInstance(referralInstance.id);
    const pathway = stored && (await this.#store.load(stored.pathwayInstanceId));
    if (!stored || !pathway) return event;
    const { person } = (pathway.snapshot as { context: PathwayInput }).context;
    return { ...event, needs: stored.needCodes.map((code) => ({ code, for: needSubject(code, person) })) };
  }

  async #forwardReferralStatus(referralInstance: StoredInstance, event: Emitted): Promise<void> {
    const stored = await this.#store.referralByMachineInstance(referralInstance.id);
    const status = event.to as TrackedReferralStatus | "draft";
    if (!stored || status === "draft") return;
    const pathway = await this.#store.load(stored.pathwayInstanceId);
    if (!pathway || pathway.status !== "active") return;
    // The pathway's event keeps who changed the referral (the provider, the citizen who withdrew).
    const update = { type: "REFERRAL_UPDATED", referralId: stored.id, status, at: event.at as string, by: event.by as string };
    // A pathway that no longer tracks referrals (closed early) simply does not take it.
    await this.#tryTransition(pathway, update);
  }
}

function timersOf(context: Record<string, unknown>): MachineTimer[] {
  const timer = context.timer as MachineTimer | null | undefined;
  return timer ? [timer] : [];
}
