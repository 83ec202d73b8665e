import type { Statement } from "better-sqlite3";
import type { DueTimer, MachineTimer, PathwayStore, StoredEvent, StoredInstance, StoredReferral } from "#pathways/engine.ts";
import type { CaseMember, ProposedPackage } from "#pathways/case.ts";
import type { NeedCode } from "#pathways/needs/taxonomy.ts";
import { caseMembers, saveProposedPackage } from "./case-store.ts";
import type { LuukkuDatabase } from "./client.ts";
import type { JoinTransaction } from "./unit-of-work.ts";

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

/** The store's statements, prepared once per connection: a store is made for every transaction. */
const preparedOn = new WeakMap<LuukkuDatabase["$client"], Record<string, Statement>>();

function statementsOf(sqlite: LuukkuDatabase["$client"]): Record<string, Statement> {
  const prepared = preparedOn.get(sqlite);
  if (prepared) return prepared;
  const prepare = (sql: string) => sqlite.prepare(sql);
  const statements = {
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
  preparedOn.set(sqlite, statements);
  return statements;
}

/**
 * The engine's persistence on SQLite. The statements run synchronously (better-sqlite3);
 * the port is asynchronous so that a PostgreSQL store can sit beside this one (ADR 020).
 * A store belongs to one transaction scope: `transaction()` runs the engine's command
 * through `inTransaction`, which either opens a unit of work of its own or joins the
 * use case's that is open (as a savepoint: a refused command inside it is undone alone).
 */
export class SqlitePathwayStore implements PathwayStore {
  readonly #db: LuukkuDatabase;
  readonly #inTransaction: JoinTransaction;
  readonly #now: () => number;
  readonly #statements: Record<string, Statement>;

  constructor(db: LuukkuDatabase, inTransaction: JoinTransaction, now: () => number = Date.now) {
    this.#db = db;
    this.#inTransaction = inTransaction;
    this.#now = now;
    this.#statements = statementsOf(db.$client);
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.#inTransaction(work);
  }

  async load(instanceId: string): Promise<StoredInstance | undefined> {
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

  async insert(instance: StoredInstance): Promise<void> {
    this.#statements.insert!.run({ ...instance, snapshot: JSON.stringify(instance.snapshot), now: this.#now() });
  }

  async update(instance: StoredInstance, expectedSequence: number): Promise<void> {
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

  async appendEvent(event: StoredEvent): Promise<void> {
    this.#statements.appendEvent!.run({ ...event, payload: JSON.stringify(event.payload), now: this.#now() });
  }

  async replaceTimers(instanceId: string, timers: MachineTimer[]): Promise<void> {
    this.#statements.clearTimers!.run(instanceId);
    for (const timer of timers) this.#statements.insertTimer!.run(instanceId, timer.event, timer.dueAt);
  }

  async dueTimers(now: string, limit: number): Promise<DueTimer[]> {
    return this.#statements.dueTimers!.all(now, limit) as DueTimer[];
  }

  async enqueue(message: { type: string; payload: unknown; instanceId: string }): Promise<void> {
    const now = this.#now();
    this.#statements.enqueue!.run(message.type, JSON.stringify(message.payload), message.instanceId, now, now);
  }

  async cancelUndeliveredMessages(instanceId: string): Promise<{ anyDelivered: boolean }> {
    this.#statements.cancelUndelivered!.run(this.#now(), instanceId);
    const { delivered } = this.#statements.anyDelivered!.get(instanceId) as { delivered: 0 | 1 };
    return { anyDelivered: delivered === 1 };
  }

  async findReferral(idempotencyKey: string): Promise<StoredReferral | undefined> {
    return toReferral(this.#statements.findReferral!.get(idempotencyKey) as ReferralRow | undefined);
  }

  async referralByMachineInstance(machineInstanceId: string): Promise<StoredReferral | undefined> {
    return toReferral(this.#statements.referralByMachineInstance!.get(machineInstanceId) as ReferralRow | undefined);
  }

  async insertReferral(referral: StoredReferral): Promise<void> {
    this.#statements.insertReferral!.run({ ...referral, needCodes: JSON.stringify(referral.needCodes), now: this.#now() });
  }

  async recordUnmetNeeds(caseId: string, needCodes: NeedCode[], municipality: string): Promise<void> {
    for (const code of needCodes) this.#statements.recordUnmetNeed!.run(caseId, code, municipality, this.#now());
  }

  async caseMembers(caseId: string): Promise<CaseMember[]> {
    return caseMembers(this.#db, caseId);
  }

  async saveProposedPackage(proposal: ProposedPackage): Promise<void> {
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
