import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import Database from 'better-sqlite3';

import { LocalServiceError, LocalServiceErrorCode } from '../local-service-error.js';
import { ComponentStore } from './component-store.js';
import { MIGRATIONS } from './migrations.js';

/** The workspace triple a job belongs to. */
export interface WorkspaceRef {
  /** The subscription id (any string; the canonical local one is all zeros). */
  readonly subscriptionId: string;
  /** The resource group name (case-insensitive). */
  readonly resourceGroup: string;
  /** The workspace name (case-insensitive). */
  readonly workspace: string;
}

/** Why a job did not complete, in the ARM `{ code, message }` shape. */
export interface StoredJobError {
  /** A stable code (`UserError`, `JobTimeout`, `SystemError`, `ServiceRestarted`, …). */
  readonly code: string;
  /** What failed. */
  readonly message: string;
}

/** One job row as the store keeps it. */
export interface StoredJob {
  /** The row number: increases with every new job, never reused. */
  readonly seq: number;
  /** A unique id of this job (the run-history `runUuid`; names its folder on disk). */
  readonly uid: string;
  /** The workspace as given when the job was created. */
  readonly workspace: WorkspaceRef;
  /** The job name. */
  readonly name: string;
  /** `properties.jobType`, unchanged (an open enum). */
  readonly jobType: string;
  /** The current status (open string; see `@amlkit/status`). */
  readonly status: string;
  /** `properties.isArchived`. */
  readonly archived: boolean;
  /** ISO-8601 creation time. */
  readonly createdAt: string;
  /** Who created it (`systemData.createdBy`). */
  readonly createdBy: string;
  /** ISO-8601 time of the last change: a PUT or a status change (`systemData.lastModifiedAt`, as on Azure). */
  readonly modifiedAt: string;
  /** When the job entered `Running`, if it did. */
  readonly startedAt?: string;
  /** When the job reached a final status. */
  readonly endedAt?: string;
  /** Why it did not complete. */
  readonly error?: StoredJobError;
  /** The REST `properties` object without `status`. */
  readonly properties: Record<string, unknown>;
}

/** One status the job entered. */
export interface StoredStatusEntry {
  /** 0-based position in the job's history. */
  readonly index: number;
  /** The status entered. */
  readonly status: string;
  /** ISO-8601 time. */
  readonly at: string;
  /** `executor`, `service` or `recovery`. */
  readonly source: string;
  /** Why. */
  readonly reason?: string;
}

/** What {@link JobStore.insertJob} needs. */
export interface NewJob {
  /** The workspace. */
  readonly workspace: WorkspaceRef;
  /** The job name. */
  readonly name: string;
  /** The REST `properties` (without `status`); `jobType` is read from it. */
  readonly properties: Record<string, unknown>;
  /** The first status. @default 'NotStarted' */
  readonly status?: string;
  /** Creation time. @default now */
  readonly at?: Date;
  /** `systemData.createdBy`. @default 'local' */
  readonly createdBy?: string;
}

/** What {@link JobStore.setStatus} records. */
export interface StatusChange {
  /** When. */
  readonly at: Date;
  /** Why. */
  readonly reason?: string;
  /** Who decided. @default 'executor' */
  readonly source?: string;
  /** Set on a final status that is not `Completed`. */
  readonly error?: StoredJobError;
}

/** The `listViewType` of `Jobs_List`. */
export type ListViewType = 'ActiveOnly' | 'ArchivedOnly' | 'All';

/** The filters and cursor of {@link JobStore.listJobs}. */
export interface ListJobsOptions {
  /** Only this `jobType` (case-insensitive). */
  readonly jobType?: string;
  /** Every entry must match: `[key]` has the tag, `[key, value]` has it with that value. */
  readonly tags?: readonly (readonly [string, string?])[];
  /** Every entry must match, on `properties.properties`. */
  readonly properties?: readonly (readonly [string, string?])[];
  /** @default 'ActiveOnly' */
  readonly view?: ListViewType;
  /** Only jobs with `seq` below this (newest first): the continuation cursor. */
  readonly beforeSeq?: number;
  /** At most this many rows. */
  readonly limit: number;
}

/** A long-running operation (delete or cancel) row. */
export interface StoredOperation {
  /** The operation id (in the `Location` URL). */
  readonly id: string;
  /** `delete` or `cancel`. */
  readonly kind: 'delete' | 'cancel';
  /** The workspace key of the job. */
  readonly workspaceKey: string;
  /** The job name. */
  readonly jobName: string;
  /** When it was accepted. */
  readonly createdAt: string;
  /** When it finished (absent while running). */
  readonly doneAt?: string;
}

interface JobRow {
  seq: number;
  uid: string;
  subscription: string;
  resource_group: string;
  workspace: string;
  name: string;
  job_type: string;
  status: string;
  archived: number;
  created_at: string;
  created_by: string;
  modified_at: string;
  started_at: string | null;
  ended_at: string | null;
  error: string | null;
  body: string;
}

interface HistoryRow {
  idx: number;
  status: string;
  at: string;
  source: string;
  reason: string | null;
}

interface OperationRow {
  id: string;
  kind: string;
  workspace_key: string;
  job_name: string;
  created_at: string;
  done_at: string | null;
}

const FINAL = new Set(['Completed', 'Failed', 'Canceled']);

/** The key jobs are stored under: the lower-cased workspace triple. */
export function workspaceKey(ref: WorkspaceRef): string {
  return `${ref.subscriptionId.toLowerCase()}/${ref.resourceGroup.toLowerCase()}/${ref.workspace.toLowerCase()}`;
}

function toJob(row: JobRow): StoredJob {
  const properties = JSON.parse(row.body) as Record<string, unknown>;
  return {
    seq: row.seq,
    uid: row.uid,
    workspace: {
      subscriptionId: row.subscription,
      resourceGroup: row.resource_group,
      workspace: row.workspace,
    },
    name: row.name,
    jobType: row.job_type,
    status: row.status,
    archived: row.archived !== 0,
    createdAt: row.created_at,
    createdBy: row.created_by,
    modifiedAt: row.modified_at,
    ...(row.started_at === null ? {} : { startedAt: row.started_at }),
    ...(row.ended_at === null ? {} : { endedAt: row.ended_at }),
    ...(row.error === null ? {} : { error: JSON.parse(row.error) as StoredJobError }),
    properties,
  };
}

function toOperation(row: OperationRow): StoredOperation {
  return {
    id: row.id,
    kind: row.kind === 'delete' ? 'delete' : 'cancel',
    workspaceKey: row.workspace_key,
    jobName: row.job_name,
    createdAt: row.created_at,
    ...(row.done_at === null ? {} : { doneAt: row.done_at }),
  };
}

/** Options of {@link openJobStore}. */
export interface OpenJobStoreOptions {
  /**
   * Open read-only (no migrations). For tools that inspect a store another process owns.
   * @default false
   */
  readonly readonly?: boolean;
}

/** One logged value of a metric (MLflow `Metric` without the key). */
export interface StoredMetric {
  readonly step: number;
  readonly value: number;
  /** Milliseconds since the epoch, as the client sent it. */
  readonly timestamp: number;
}

/** A metric value to log with {@link JobStore.logMetrics}. */
export interface NewMetric {
  readonly key: string;
  readonly value: number;
  readonly timestamp: number;
  /** @default 0 */
  readonly step?: number;
}

interface MetricStatements {
  insert: Database.Statement<[number, string, number, number, number]>;
  history: Database.Statement<[number, string], StoredMetric>;
  latest: Database.Statement<[{ seq: number }], StoredMetric & { key: string }>;
  upsertParam: Database.Statement<[number, string, string]>;
  params: Database.Statement<[number], { key: string; value: string }>;
}

/**
 * The SQLite store of the local service: jobs, their status history, metrics and
 * long-running operations. WAL journal with `synchronous=NORMAL`: a committed transaction
 * survives the death of the process (kill -9) — only an OS crash or power loss can drop the
 * last transactions. Every statement is prepared once; lists are paged with an index, never
 * loaded whole.
 */
export class JobStore {
  /** The component versions of every workspace (pipeline steps). */
  readonly components: ComponentStore;
  readonly #db: Database.Database;
  readonly #statements;
  readonly #listStatements = new Map<string, Database.Statement<(string | number)[], JobRow>>();
  readonly #insertTransaction: (row: Record<string, string | number>) => number;
  readonly #statusTransaction: (
    seq: number,
    status: string,
    at: string,
    source: string,
    reason: string | null,
    error: string | null,
  ) => number;

  /** @internal use {@link openJobStore}. */
  constructor(db: Database.Database) {
    this.#db = db;
    this.components = new ComponentStore(db, workspaceKey);
    const db_ = db;
    this.#statements = {
      getByName: db_.prepare<[string, string], JobRow>(
        'SELECT * FROM jobs WHERE workspace_key = ? AND name = ?',
      ),
      getBySeq: db_.prepare<[number], JobRow>('SELECT * FROM jobs WHERE seq = ?'),
      insert: db_.prepare(
        `INSERT INTO jobs (uid, workspace_key, subscription, resource_group, workspace, name,
           job_type, status, archived, created_at, created_by, modified_at, body)
         VALUES (@uid, @workspaceKey, @subscription, @resourceGroup, @workspace, @name,
           @jobType, @status, @archived, @at, @createdBy, @at, @body)`,
      ),
      update: db_.prepare(
        'UPDATE jobs SET body = @body, archived = @archived, modified_at = @at WHERE seq = @seq',
      ),
      setStatus: db_.prepare(
        `UPDATE jobs SET status = @status, modified_at = @at,
           started_at = CASE WHEN @status = 'Running' AND started_at IS NULL THEN @at ELSE started_at END,
           ended_at = CASE WHEN @final = 1 THEN @at ELSE ended_at END,
           error = COALESCE(@error, error)
         WHERE seq = @seq`,
      ),
      nextHistoryIndex: db_.prepare<[number], { n: number }>(
        'SELECT COUNT(*) AS n FROM status_history WHERE job_seq = ?',
      ),
      insertHistory: db_.prepare(
        `INSERT INTO status_history (job_seq, idx, status, at, source, reason)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      history: db_.prepare<[number, number], HistoryRow>(
        'SELECT idx, status, at, source, reason FROM status_history WHERE job_seq = ? AND idx >= ? ORDER BY idx',
      ),
      setError: db_.prepare<[string, number]>('UPDATE jobs SET error = ? WHERE seq = ?'),
      delete: db_.prepare<[number]>('DELETE FROM jobs WHERE seq = ?'),
      inStatus: db_.prepare<[string], JobRow>(
        "SELECT * FROM jobs WHERE status = ? AND status NOT IN ('Completed', 'Failed', 'Canceled') ORDER BY seq",
      ),
      count: db_.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM jobs'),
      insertOperation: db_.prepare(
        `INSERT INTO operations (id, kind, workspace_key, job_name, created_at) VALUES (?, ?, ?, ?, ?)`,
      ),
      getOperation: db_.prepare<[string], OperationRow>('SELECT * FROM operations WHERE id = ?'),
      completeOperation: db_.prepare<[string, string]>(
        'UPDATE operations SET done_at = ? WHERE id = ? AND done_at IS NULL',
      ),
      pendingOperations: db_.prepare<[], OperationRow>(
        'SELECT * FROM operations WHERE done_at IS NULL ORDER BY created_at',
      ),
    };
    const statements = this.#statements;
    this.#insertTransaction = db.transaction((row: Record<string, string | number>): number => {
      const seq = Number(statements.insert.run(row).lastInsertRowid);
      statements.insertHistory.run(seq, 0, row.status, row.at, 'service', 'The job was accepted');
      return seq;
    });
    this.#statusTransaction = db.transaction(
      (
        seq: number,
        status: string,
        at: string,
        source: string,
        reason: string | null,
        error: string | null,
      ): number => {
        const index = statements.nextHistoryIndex.get(seq)?.n ?? 0;
        statements.insertHistory.run(seq, index, status, at, source, reason);
        statements.setStatus.run({ seq, status, at, final: FINAL.has(status) ? 1 : 0, error });
        return index;
      },
    );
  }

  /** The job `name` of a workspace, or `undefined`. */
  getJob(workspace: WorkspaceRef, name: string): StoredJob | undefined {
    const row = this.#statements.getByName.get(workspaceKey(workspace), name);
    return row === undefined ? undefined : toJob(row);
  }

  /** The job with row number `seq`, or `undefined`. */
  getJobBySeq(seq: number): StoredJob | undefined {
    const row = this.#statements.getBySeq.get(seq);
    return row === undefined ? undefined : toJob(row);
  }

  /**
   * Inserts a new job and its first status entry in one transaction (committed when this
   * returns). Throws when the workspace already has a job with that name.
   */
  insertJob(job: NewJob): StoredJob {
    const at = (job.at ?? new Date()).toISOString();
    const status = job.status ?? 'NotStarted';
    const jobType = typeof job.properties.jobType === 'string' ? job.properties.jobType : '';
    const uid = randomUUID();
    const createdBy = job.createdBy ?? 'local';
    const archived = job.properties.isArchived === true;
    const seq = this.#insertTransaction({
      uid,
      workspaceKey: workspaceKey(job.workspace),
      subscription: job.workspace.subscriptionId,
      resourceGroup: job.workspace.resourceGroup,
      workspace: job.workspace.workspace,
      name: job.name,
      jobType,
      status,
      archived: archived ? 1 : 0,
      at,
      createdBy,
      body: JSON.stringify(job.properties),
    });
    return {
      seq,
      uid,
      workspace: { ...job.workspace },
      name: job.name,
      jobType,
      status,
      archived,
      createdAt: at,
      createdBy,
      modifiedAt: at,
      properties: job.properties,
    };
  }

  /** Replaces a job's `properties` (and the archived flag read from them). */
  updateJob(seq: number, properties: Record<string, unknown>, at: Date = new Date()): StoredJob {
    this.#statements.update.run({
      seq,
      body: JSON.stringify(properties),
      archived: properties.isArchived === true ? 1 : 0,
      at: at.toISOString(),
    });
    const job = this.getJobBySeq(seq);
    if (job === undefined) throw new RangeError(`JobStore.updateJob: no job with seq ${seq}`);
    return job;
  }

  /** Records a status change (row and history entry in one transaction). */
  setStatus(seq: number, status: string, change: StatusChange): StoredStatusEntry {
    const at = change.at.toISOString();
    const source = change.source ?? 'executor';
    const reason = change.reason ?? null;
    const error = change.error === undefined ? null : JSON.stringify(change.error);
    const index = this.#statusTransaction(seq, status, at, source, reason, error);
    return { index, status, at, source, ...(reason === null ? {} : { reason }) };
  }

  /** Records why a job did not complete (after its final status). */
  setError(seq: number, error: StoredJobError): void {
    this.#statements.setError.run(JSON.stringify(error), seq);
  }

  /** The status history of a job, from entry `fromIndex` on. */
  statusHistory(seq: number, fromIndex = 0): StoredStatusEntry[] {
    return this.#statements.history.all(seq, fromIndex).map((row) => ({
      index: row.idx,
      status: row.status,
      at: row.at,
      source: row.source,
      ...(row.reason === null ? {} : { reason: row.reason }),
    }));
  }

  /**
   * One page of a workspace's jobs, newest first, filtered. Uses the
   * `(workspace_key, archived, seq)` index; filters on tags/properties read the JSON body.
   */
  listJobs(workspace: WorkspaceRef, options: ListJobsOptions): StoredJob[] {
    const where: string[] = ['workspace_key = ?'];
    const params: (string | number)[] = [workspaceKey(workspace)];
    const view = options.view ?? 'ActiveOnly';
    if (view === 'ActiveOnly') where.push('archived = 0');
    else if (view === 'ArchivedOnly') where.push('archived = 1');
    else where.push('archived IN (0, 1)');
    if (options.beforeSeq !== undefined) {
      where.push('seq < ?');
      params.push(options.beforeSeq);
    }
    if (options.jobType !== undefined) {
      where.push('job_type = ? COLLATE NOCASE');
      params.push(options.jobType);
    }
    for (const [path, filters] of [
      ['$.tags', options.tags ?? []],
      ['$.properties', options.properties ?? []],
    ] as const) {
      for (const [key, value] of filters) {
        if (value === undefined) {
          where.push(`EXISTS (SELECT 1 FROM json_each(body, '${path}') WHERE key = ?)`);
          params.push(key);
        } else {
          where.push(
            `EXISTS (SELECT 1 FROM json_each(body, '${path}') WHERE key = ? AND value = ?)`,
          );
          params.push(key, value);
        }
      }
    }
    params.push(options.limit);
    const sql = `SELECT * FROM jobs WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ?`;
    let statement = this.#listStatements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare<(string | number)[], JobRow>(sql);
      if (this.#listStatements.size < 256) this.#listStatements.set(sql, statement);
    }
    return statement.all(...params).map(toJob);
  }

  /** Every unfinished job currently in `status`, oldest first (for recovery; iterates lazily). */
  *jobsInStatus(status: string): Generator<StoredJob> {
    for (const row of this.#statements.inStatus.iterate(status)) yield toJob(row);
  }

  #metricStatements: MetricStatements | undefined;

  #metrics(): MetricStatements {
    this.#metricStatements ??= {
      insert: this.#db.prepare(
        'INSERT INTO metrics (job_seq, key, step, value, timestamp) VALUES (?, ?, ?, ?, ?)',
      ),
      history: this.#db.prepare(
        'SELECT step, value, timestamp FROM metrics WHERE job_seq = ? AND key = ? ORDER BY step, rowid',
      ),
      latest: this.#db.prepare(
        `SELECT key, step, value, timestamp FROM metrics m WHERE job_seq = @seq AND rowid = (
           SELECT rowid FROM metrics WHERE job_seq = @seq AND key = m.key
           ORDER BY step DESC, timestamp DESC, rowid DESC LIMIT 1)
         ORDER BY key`,
      ),
      upsertParam: this.#db.prepare(
        'INSERT INTO params (job_seq, key, value) VALUES (?, ?, ?) ON CONFLICT (job_seq, key) DO UPDATE SET value = excluded.value',
      ),
      params: this.#db.prepare('SELECT key, value FROM params WHERE job_seq = ? ORDER BY key'),
    };
    return this.#metricStatements;
  }

  /** Appends metric values (one transaction; `step` defaults to 0, `timestamp` is ms). */
  logMetrics(seq: number, metrics: readonly NewMetric[]): void {
    const statements = this.#metrics();
    this.#db.transaction(() => {
      for (const m of metrics) {
        statements.insert.run(seq, m.key, m.step ?? 0, m.value, m.timestamp);
      }
    })();
  }

  /** Every value logged for one metric of a job, by step then logging order. */
  metricHistory(seq: number, key: string): StoredMetric[] {
    return this.#metrics().history.all(seq, key);
  }

  /** The latest value (highest step, then newest) of every metric of a job, by key. */
  latestMetrics(seq: number): (StoredMetric & { key: string })[] {
    return this.#metrics().latest.all({ seq });
  }

  /** Sets run parameters (a key logged again keeps its last value). */
  logParams(seq: number, params: readonly { key: string; value: string }[]): void {
    const statements = this.#metrics();
    this.#db.transaction(() => {
      for (const p of params) statements.upsertParam.run(seq, p.key, p.value);
    })();
  }

  /** The run parameters of a job, by key. */
  params(seq: number): { key: string; value: string }[] {
    return this.#metrics().params.all(seq);
  }

  /** Removes a job with its history and metrics. */
  deleteJob(seq: number): void {
    this.#statements.delete.run(seq);
  }

  /** How many jobs the store holds. */
  countJobs(): number {
    return this.#statements.count.get()?.n ?? 0;
  }

  /** Records a new long-running operation. */
  insertOperation(
    kind: 'delete' | 'cancel',
    workspace: WorkspaceRef,
    jobName: string,
  ): StoredOperation {
    const id = randomUUID();
    this.#statements.insertOperation.run(
      id,
      kind,
      workspaceKey(workspace),
      jobName,
      new Date().toISOString(),
    );
    return this.getOperation(id)!;
  }

  /** The operation `id`, or `undefined`. */
  getOperation(id: string): StoredOperation | undefined {
    const row = this.#statements.getOperation.get(id);
    return row === undefined ? undefined : toOperation(row);
  }

  /** Marks an operation done. */
  completeOperation(id: string, at: Date = new Date()): void {
    this.#statements.completeOperation.run(at.toISOString(), id);
  }

  /** Every operation not done yet, oldest first. */
  pendingOperations(): StoredOperation[] {
    return this.#statements.pendingOperations.all().map(toOperation);
  }

  /**
   * Inserts many jobs in one transaction (for imports and benchmarks).
   * @returns how many were inserted.
   */
  insertMany(jobs: Iterable<NewJob>): number {
    let n = 0;
    this.#db.transaction(() => {
      for (const job of jobs) {
        this.insertJob(job);
        n += 1;
      }
    })();
    return n;
  }

  /** Closes the database (checkpointing the WAL). */
  close(): void {
    if (this.#db.open) this.#db.close();
  }
}

/**
 * Opens (creating if needed) the SQLite store at `path` and applies pending migrations.
 *
 * @throws {LocalServiceError} `StoreFailed` when SQLite refuses the file, `StoreTooNew` when
 *   the file was migrated by a newer version of this package.
 * @example
 * ```ts
 * const store = openJobStore('/tmp/amlkit/jobs.db');
 * store.insertJob({ workspace: LOCAL_WORKSPACE, name: 'hello', properties: { jobType: 'Command', command: 'echo hi' } });
 * store.close();
 * ```
 */
export function openJobStore(path: string, options: OpenJobStoreOptions = {}): JobStore {
  let db: Database.Database;
  try {
    if (options.readonly !== true) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    db = new Database(path, {
      readonly: options.readonly === true,
      fileMustExist: options.readonly === true,
    });
  } catch (error) {
    throw new LocalServiceError(
      LocalServiceErrorCode.StoreFailed,
      `openJobStore: could not open the SQLite store at ${path}: ${String(error)}`,
      { cause: error },
    );
  }
  try {
    if (options.readonly !== true) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      migrate(db, path);
    }
  } catch (error) {
    db.close();
    if (error instanceof LocalServiceError) throw error;
    throw new LocalServiceError(
      LocalServiceErrorCode.StoreFailed,
      `openJobStore: could not prepare the SQLite store at ${path}: ${String(error)}`,
      { cause: error },
    );
  }
  return new JobStore(db);
}

function migrate(db: Database.Database, path: string): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const current =
    db.prepare<[], { v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations').get()
      ?.v ?? 0;
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new LocalServiceError(
      LocalServiceErrorCode.StoreTooNew,
      `openJobStore: the store at ${path} has schema version ${current}, expected at most ${latest}; upgrade @amlkit/local`,
    );
  }
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
  }
}
