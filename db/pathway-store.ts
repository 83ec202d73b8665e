import type { Statement } from "better-sqlite3";
import type { DueTimer, MachineTimer, PathwayStore, StoredEvent, StoredInstance, StoredReferral } from "#pathways/engine.ts";
import type { CaseMember, ProposedPackage } from "#pathways/case.ts";
import type { NeedCode } from "#pathways/needs/taxonomy.ts";
import { caseMembers, saveProposedPackage } from "./case-store.ts";
import type { LuukkuDatabase } from "./client.ts";

export class ConcurrentUpdate extends Error {
  constructor(instanceId: string) {
    super(`Instance ${instanceId} was changed by someone else; reload and try again`);
  }
}

interface InstanceRow {
  id: string;
  case_id: string;
  machine_id: string;
  machine_version: number;
  snapshot: string;
  state: string;
  status: StoredInstance["status"];
  last_sequence: number;
}

interface ReferralRow {
  id: string;
  case_id: string;
  pathway_instance_id: string;
  machine_instance_id: string;
  service_id: number;
  organization_id: number;
  idempotency_key: string;
  need_codes: string;
}

/**
 * The engine's persistence on SQLite. Transactions nest: the engine opens one per
 * command and its internal steps join it (better-sqlite3 turns inner ones into savepoints).
 */
export class SqlitePathwayStore implements PathwayStore {
  readonly #db: LuukkuDatabase;
  readonly #sqlite: LuukkuDatabase["$client"];
  readonly #now: () => number;
  readonly #statements: Record<string, Statement>;

  constructor(db: LuukkuDatabase, now: () => number = Date.now) {
    this.#db = db;
    this.#sqlite = db.$client;
    this.#now = now;
    const prepare = (sql: string) => this.#sqlite.prepare(sql);
    this.#statements = {
      load: prepare("SELECT * FROM pathway_instance WHERE id = ?"),
      insert: prepare(
        `INSERT INTO pathway_instance (id, case_id, machine_id, machine_version, snapshot, state, status, last_sequence, created_at, updated_at)
         VALUES (@id, @caseId, @machineId, @machineVersion, @snapshot, @state, @status, @lastSequence, @now, @now)`,
      ),
      update: prepare(
        `UPDATE pathway_instance SET snapshot = @snapshot, state = @state, status = @status, last_sequence = @lastSequence, updated_at = @now
         WHERE id = @id AND last_sequence = @expectedSequence`,
      ),
      appendEvent: prepare(
        `INSERT INTO pathway_event (instance_id, sequence, type, payload, actor, channel, occurred_at, recorded_at, machine_version)
         VALUES (@instanceId, @sequence, @type, @payload, @actor, @channel, @occurredAt, @now, @machineVersion)`,
      ),
      clearTimers: prepare("DELETE FROM pathway_timer WHERE instance_id = ?"),
      insertTimer: prepare("INSERT INTO pathway_timer (instance_id, event, due_at) VALUES (?, ?, ?)"),
      dueTimers: prepare(
        "SELECT instance_id AS instanceId, event, due_at AS dueAt FROM pathway_timer WHERE due_at <= ? ORDER BY due_at, instance_id LIMIT ?",
      ),
      enqueue: prepare("INSERT INTO outbox (type, payload, instance_id, created_at, available_at) VALUES (?, ?, ?, ?, ?)"),
      anyDelivered: prepare("SELECT EXISTS (SELECT 1 FROM outbox WHERE instance_id = ? AND delivered_at IS NOT NULL) AS delivered"),
      cancelUndelivered: prepare(
        "UPDATE outbox SET cancelled_at = ? WHERE instance_id = ? AND delivered_at IS NULL AND cancelled_at IS NULL",
      ),
      findReferral: prepare("SELECT * FROM referral WHERE idempotency_key = ?"),
      referralByMachineInstance: prepare("SELECT * FROM referral WHERE machine_instance_id = ?"),
      insertReferral: prepare(
        `INSERT INTO referral (id, case_id, pathway_instance_id, machine_instance_id, service_id, organization_id, idempotency_key, need_codes, created_at)
         VALUES (@id, @caseId, @pathwayInstanceId, @machineInstanceId, @serviceId, @organizationId, @idempotencyKey, @needCodes, @now)`,
      ),
      recordUnmetNeed: prepare(
        "INSERT OR IGNORE INTO unmet_need (case_id, need_code, municipality_code, recorded_at) VALUES (?, ?, ?, ?)",
      ),
    };
  }

  /**
   * IMMEDIATE: the work reads a snapshot and then writes, and other connections (the
   * scheduler's, another process's) write too. A deferred transaction that has read
   * cannot wait for the write lock, it fails at once with SQLITE_BUSY; an immediate one
   * takes the lock first and waits its turn (busy_timeout). Nested, it is a savepoint.
   */
  transaction<T>(work: () => T): T {
    return this.#sqlite.transaction(work).immediate();
  }

  load(instanceId: string): StoredInstance | undefined {
    const row = this.#statements.load!.get(instanceId) as InstanceRow | undefined;
    return row && {
      id: row.id,
      caseId: row.case_id,
      machineId: row.machine_id,
      machineVersion: row.machine_version,
      snapshot: JSON.parse(row.snapshot) as unknown,
      state: row.state,
      status: row.status,
      lastSequence: row.last_sequence,
    };
  }

  insert(instance: StoredInstance): void {
    this.#statements.insert!.run({ ...instance, snapshot: JSON.stringify(instance.snapshot), now: this.#now() });
  }

  update(instance: StoredInstance, expectedSequence: number): void {
    const { changes } = this.#statements.update!.run({
      id: instance.id,
      snapshot: JSON.stringify(instance.snapshot),
      state: instance.state,
      status: instance.status,
      lastSequence: instance.lastSequence,
      expectedSequence,
      now: this.#now(),
    });
    if (changes !== 1) throw new ConcurrentUpdate(instance.id);
  }

  appendEvent(event: StoredEvent): void {
    this.#statements.appendEvent!.run({ ...event, payload: JSON.stringify(event.payload), now: this.#now() });
  }

  replaceTimers(instanceId: string, timers: MachineTimer[]): void {
    this.#statements.clearTimers!.run(instanceId);
    for (const timer of timers) this.#statements.insertTimer!.run(instanceId, timer.event, timer.dueAt);
  }

  dueTimers(now: string, limit: number): DueTimer[] {
    return this.#statements.dueTimers!.all(now, limit) as DueTimer[];
  }

  enqueue(message: { type: string; payload: unknown; instanceId: string }): void {
    const now = this.#now();
    this.#statements.enqueue!.run(message.type, JSON.stringify(message.payload), message.instanceId, now, now);
  }

  cancelUndeliveredMessages(instanceId: string): { anyDelivered: boolean } {
    this.#statements.cancelUndelivered!.run(this.#now(), instanceId);
    const { delivered } = this.#statements.anyDelivered!.get(instanceId) as { delivered: 0 | 1 };
    return { anyDelivered: delivered === 1 };
  }

  findReferral(idempotencyKey: string): StoredReferral | undefined {
    return toReferral(this.#statements.findReferral!.get(idempotencyKey) as ReferralRow | undefined);
  }

  referralByMachineInstance(machineInstanceId: string): StoredReferral | undefined {
    return toReferral(this.#statements.referralByMachineInstance!.get(machineInstanceId) as ReferralRow | undefined);
  }

  insertReferral(referral: StoredReferral): void {
    this.#statements.insertReferral!.run({ ...referral, needCodes: JSON.stringify(referral.needCodes), now: this.#now() });
  }

  recordUnmetNeeds(caseId: string, needCodes: NeedCode[], municipality: string): void {
    for (const code of needCodes) this.#statements.recordUnmetNeed!.run(caseId, code, municipality, this.#now());
  }

  caseMembers(caseId: string): CaseMember[] {
    return caseMembers(this.#db, caseId);
  }

  saveProposedPackage(proposal: ProposedPackage): void {
    saveProposedPackage(this.#db, proposal);
  }
}

function toReferral(row: ReferralRow | undefined): StoredReferral | undefined {
  return row && {
    id: row.id,
    caseId: row.case_id,
    pathwayInstanceId: row.pathway_instance_id,
    machineInstanceId: row.machine_instance_id,
    serviceId: row.service_id,
    organizationId: row.organization_id,
    idempotencyKey: row.idempotency_key,
    needCodes: JSON.parse(row.need_codes) as NeedCode[],
  };
}
