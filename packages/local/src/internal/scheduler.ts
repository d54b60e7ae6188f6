import { rm } from 'node:fs/promises';

import { isFinalStatus, parseJobStatus, transition } from '@amlkit/status';
import type { JobEvent, JobStatus } from '@amlkit/status';

import { executeCommandJob, stopOrphanedProcesses } from '../executor/index.js';
import type { ExecutionResult } from '../executor/index.js';
import { workspaceKey } from '../store/job-store.js';
import type { StoredJob, StoredJobError } from '../store/job-store.js';
import { emitStatus, jobDir } from './service-context.js';
import type { ServiceContext } from './service-context.js';
import { isRecord } from './http.js';
import { outputSourceJob } from './output-source.js';
import { ExecutionPlanError, toCommandExecution } from './to-command-execution.js';
import type { JobOutputLocation } from './to-command-execution.js';
import { mlflowTrackingUri } from '../mlflow/handle-mlflow-request.js';
import { runSweep } from '../sweep/internal/run-sweep.js';
import { runPipeline } from '../pipeline/internal/run-pipeline.js';
import type { ChildJobHost } from './child-job-host.js';

/** Runs a job made of child jobs (it owns no slot; its children queue for slots). */
type Driver = (host: ChildJobHost, job: StoredJob, signal: AbortSignal) => Promise<void>;

/** The job types that run as drivers of child jobs, by `jobType`. */
const DRIVERS: Readonly<Record<string, Driver>> = { Sweep: runSweep, Pipeline: runPipeline };

interface Running {
  readonly controller: AbortController;
  readonly done: Promise<void>;
}

/** Options of the {@link Scheduler}. */
export interface SchedulerOptions {
  readonly concurrency: number;
  readonly cancelGraceMs?: number;
}

/**
 * Owns the queue and the concurrency limit: accepted jobs wait in `NotStarted` (in SQLite, so
 * a restart finds them) until a slot is free, then run through the executor. Service-side
 * status changes go through `@amlkit/status` `transition()` like the executor's.
 */
export class Scheduler {
  readonly #ctx: ServiceContext;
  readonly #options: SchedulerOptions;
  #queue: number[] = [];
  #head = 0;
  readonly #queued = new Set<number>();
  readonly #running = new Map<number, Running>();
  /** Sweep and pipeline drivers: they own no slot (their children do), so they never starve them. */
  readonly #drivers = new Map<number, Running>();
  #closed = false;
  /** Whether any delete operation may be pending (saves a query per finished job). */
  #deletesPending = true;

  constructor(ctx: ServiceContext, options: SchedulerOptions) {
    this.#ctx = ctx;
    this.#options = options;
  }

  /** Whether the executor currently owns the job. */
  isRunning(seq: number): boolean {
    return this.#running.has(seq) || this.#drivers.has(seq);
  }

  /**
   * Recovery, on start: a job the executor owned when the service died is failed with a
   * reason (a cancel in flight ends Canceled); jobs still `NotStarted` are queued again, except
   * the children of a pipeline or sweep (their driver is gone: they end Canceled); pending
   * deletes are finished.
   */
  async recover(): Promise<void> {
    const at = new Date();
    for (const status of [
      'Starting',
      'Provisioning',
      'Preparing',
      'Queued',
      'Running',
      'Finalizing',
      'CancelRequested',
      'NotResponding',
      'Paused',
    ] as const) {
      for (const job of [...this.#ctx.store.jobsInStatus(status)]) {
        await stopOrphanedProcesses(jobDir(this.#ctx, job), {
          graceMs: Math.min(this.#options.cancelGraceMs ?? 2000, 2000),
        }).catch(() => undefined);
        if (status === 'CancelRequested') {
          this.#apply(
            job,
            status,
            {
              type: 'confirmCancel',
              reason: 'The service stopped while the cancellation was in progress',
            },
            'recovery',
            at,
          );
        } else {
          const reason = `The amlkit service stopped while the job was ${status}; its processes were stopped and it was marked Failed on restart`;
          this.#apply(job, status, { type: 'fail', reason }, 'recovery', at, {
            code: 'ServiceRestarted',
            message: reason,
          });
        }
      }
    }
    for (const job of [...this.#ctx.store.jobsInStatus('NotStarted')]) {
      // A step or trial waiting for a slot: its pipeline or sweep was failed just above (a
      // driver does not survive a restart), so it must not run on its own.
      if (typeof job.properties.parentJobName === 'string') {
        const reason = `The amlkit service stopped while its parent job '${job.properties.parentJobName}' ran; the parent was marked Failed on restart, so this child never runs`;
        this.#cancelUnstarted(job, 'NotStarted', { request: reason, confirm: reason }, 'recovery');
        continue;
      }
      this.#enqueue(job.seq);
    }
    for (const op of this.#ctx.store.pendingOperations()) {
      if (op.kind === 'delete') await this.finishDeletes(op.workspaceKey, op.jobName);
    }
    this.#deletesPending = this.#ctx.store.pendingOperations().some((op) => op.kind === 'delete');
  }

  /** Starts running queued jobs (after {@link recover}, once the server listens). */
  start(): void {
    this.#pump();
  }

  /** Queues a newly accepted job. */
  enqueue(seq: number): void {
    this.#enqueue(seq);
    this.#pump();
  }

  #enqueue(seq: number): void {
    if (this.#queued.has(seq) || this.#running.has(seq)) return;
    this.#queued.add(seq);
    this.#queue.push(seq);
  }

  /**
   * Requests the cancellation of a job: a queued one goes CancelRequested → Canceled at once,
   * a running one is signalled (the executor stops its processes). Final jobs are left alone.
   */
  cancel(job: StoredJob, reason: string): void {
    const running = this.#running.get(job.seq) ?? this.#drivers.get(job.seq);
    if (running !== undefined) {
      running.controller.abort(new Error(reason));
      return;
    }
    if (isFinalStatus(job.status)) return;
    this.#queued.delete(job.seq);
    this.#cancelUnstarted(job, parseJobStatus(job.status).status, {
      request: reason,
      confirm: 'The job was canceled before it started',
    });
  }

  /** A job that never started goes CancelRequested → Canceled at once (nothing to stop). */
  #cancelUnstarted(
    job: StoredJob,
    from: JobStatus,
    reasons: { readonly request: string; readonly confirm: string },
    source = 'service',
  ): void {
    const at = new Date();
    const next = this.#apply(
      job,
      from,
      { type: 'requestCancel', reason: reasons.request },
      source,
      at,
    );
    if (next === 'CancelRequested') {
      this.#apply(job, next, { type: 'confirmCancel', reason: reasons.confirm }, source, at);
    }
  }

  /** Deletes the job (row and folder) when a delete is pending for it and it is not running. */
  async finishDeletes(workspaceKey: string, jobName: string): Promise<void> {
    if (!this.#deletesPending) return;
    const ops = this.#ctx.store
      .pendingOperations()
      .filter(
        (op) => op.kind === 'delete' && op.workspaceKey === workspaceKey && op.jobName === jobName,
      );
    if (ops.length === 0) return;
    const [subscriptionId = '', resourceGroup = '', workspace = ''] = workspaceKey.split('/');
    const job = this.#ctx.store.getJob({ subscriptionId, resourceGroup, workspace }, jobName);
    if (job !== undefined) {
      if (this.#running.has(job.seq)) return;
      this.#queued.delete(job.seq);
      this.#ctx.store.deleteJob(job.seq);
      await rm(jobDir(this.#ctx, job), { recursive: true, force: true });
    }
    for (const op of ops) this.#ctx.store.completeOperation(op.id);
    this.#deletesPending = this.#ctx.store.pendingOperations().some((op) => op.kind === 'delete');
  }

  /** Tells the scheduler that a delete operation was recorded (it then checks on job ends). */
  noteDelete(): void {
    this.#deletesPending = true;
  }

  /** Stops taking jobs, cancels the running ones and waits for them to end. */
  async close(): Promise<void> {
    this.#closed = true;
    const running = [...this.#drivers.values(), ...this.#running.values()];
    for (const run of running) run.controller.abort(new Error('The amlkit service is stopping'));
    await Promise.allSettled(running.map((run) => run.done));
  }

  #apply(
    job: StoredJob,
    from: JobStatus,
    event: JobEvent,
    source: string,
    at: Date,
    error?: StoredJobError,
  ): JobStatus {
    const next = transition(from, event);
    if (next === from) return next;
    const entry = this.#ctx.store.setStatus(job.seq, next, {
      at,
      source,
      ...(event.reason === undefined ? {} : { reason: event.reason }),
      ...(error === undefined ? {} : { error }),
    });
    emitStatus(this.#ctx, job.seq, entry);
    return next;
  }

  #pump(): void {
    while (
      !this.#closed &&
      this.#running.size < this.#options.concurrency &&
      this.#head < this.#queue.length
    ) {
      const seq = this.#queue[this.#head]!;
      this.#head += 1;
      if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
        this.#queue = this.#queue.slice(this.#head);
        this.#head = 0;
      }
      if (!this.#queued.delete(seq)) continue;
      const job = this.#ctx.store.getJobBySeq(seq);
      if (job?.status !== 'NotStarted') continue;
      const driver = DRIVERS[job.jobType];
      if (driver !== undefined) {
        this.#startDriver(job, driver);
        continue;
      }
      const controller = new AbortController();
      const done = this.#run(job, controller)
        .catch((error: unknown) => {
          this.#failUnexpected(seq, error);
        })
        .then(async () => {
          this.#running.delete(seq);
          await this.finishDeletes(workspaceKey(job.workspace), job.name);
        })
        .catch(() => {
          // the store is closing; a pending delete is finished on the next start
        })
        .finally(() => {
          this.#running.delete(seq);
          this.#pump();
        });
      this.#running.set(seq, { controller, done });
    }
  }

  #startDriver(job: StoredJob, drive: Driver): void {
    const controller = new AbortController();
    const host: ChildJobHost = {
      ctx: this.#ctx,
      enqueue: (seq) => {
        this.enqueue(seq);
      },
      cancel: (child, reason) => {
        this.cancel(child, reason);
      },
      apply: (target, from, event, source, at, error) =>
        this.#apply(target, from, event, source, at, error),
    };
    const done = drive(host, job, controller.signal)
      .catch((error: unknown) => {
        this.#failUnexpected(job.seq, error);
      })
      .then(async () => {
        this.#drivers.delete(job.seq);
        // a delete requested while the driver ran is finished now
        await this.finishDeletes(workspaceKey(job.workspace), job.name);
      })
      .catch(() => {
        // the store is closing; a pending delete is finished on the next start
      })
      .finally(() => {
        this.#drivers.delete(job.seq);
      });
    this.#drivers.set(job.seq, { controller, done });
  }

  async #run(job: StoredJob, controller: AbortController): Promise<void> {
    if (job.jobType !== 'Command') {
      const reason = `${job.jobType === '' ? 'Untyped' : job.jobType} jobs cannot run on the local backend yet: only Command, Sweep and Pipeline jobs run locally`;
      this.#apply(job, 'NotStarted', { type: 'fail', reason }, 'service', new Date(), {
        code: 'UserError',
        message: reason,
      });
      return;
    }
    let exec;
    try {
      exec = await toCommandExecution(job, {
        jobDir: jobDir(this.#ctx, job),
        snapshotsDir: this.#ctx.layout.snapshots,
        jobOutput: (name) => this.#jobOutput(job, name),
      });
    } catch (error) {
      if (!(error instanceof ExecutionPlanError)) throw error;
      const current = this.#ctx.store.getJobBySeq(job.seq);
      if (current?.status !== 'NotStarted') return;
      this.#apply(
        job,
        'NotStarted',
        { type: 'fail', reason: error.message },
        'service',
        new Date(),
        {
          code: 'UserError',
          message: error.message,
        },
      );
      return;
    }
    const current = this.#ctx.store.getJobBySeq(job.seq);
    if (current?.status !== 'NotStarted') return;
    if (controller.signal.aborted) {
      const reason = 'The job was canceled before it started';
      this.#cancelUnstarted(current, 'NotStarted', { request: reason, confirm: reason });
      return;
    }
    const seq = job.seq;
    // MLflow: the executor already sets MLFLOW_RUN_ID (the job name) and MLFLOW_EXPERIMENT_NAME.
    const withTracking = {
      ...exec,
      extraEnv: {
        ...exec.extraEnv,
        MLFLOW_TRACKING_URI: mlflowTrackingUri(this.#ctx.url, job.workspace, job.name),
        MLFLOW_TRACKING_TOKEN: this.#ctx.token,
      },
    };
    const result: ExecutionResult = await executeCommandJob(withTracking, {
      onStatus: (status, info) => {
        const entry = this.#ctx.store.setStatus(seq, status, {
          at: info.at,
          source: 'executor',
          ...(info.reason === undefined ? {} : { reason: info.reason }),
        });
        emitStatus(this.#ctx, seq, entry);
      },
      onLogFileCreated: (relativePath) => {
        this.#ctx.events.emit('logfile', seq, relativePath);
      },
      signal: controller.signal,
      ...(this.#options.cancelGraceMs === undefined
        ? {}
        : { cancelGraceMs: this.#options.cancelGraceMs }),
    });
    if (result.error !== undefined) this.#ctx.store.setError(seq, result.error);
  }

  /**
   * Where the outputs of job `name` (of `job`'s workspace) are: its own folder, or for a sweep
   * its best trial's, as Azure ML gives a sweep's outputs (a pipeline's sweep step feeds the
   * next step that way).
   */
  #jobOutput(job: StoredJob, name: string): JobOutputLocation | undefined {
    const producer = this.#ctx.store.getJob(job.workspace, name);
    if (producer === undefined) return undefined;
    const outputs = producer.properties.outputs;
    return {
      status: producer.status,
      jobDir: jobDir(this.#ctx, outputSourceJob(this.#ctx.store, producer)),
      outputs: isRecord(outputs) ? outputs : {},
    };
  }

  #failUnexpected(seq: number, error: unknown): void {
    const job = this.#ctx.store.getJobBySeq(seq);
    if (job === undefined) return;
    if (isFinalStatus(job.status)) return;
    const status = parseJobStatus(job.status);
    const reason = `The local service could not run the job: ${error instanceof Error ? error.message : String(error)}`;
    try {
      this.#apply(job, status.status, { type: 'fail', reason }, 'service', new Date(), {
        code: 'SystemError',
        message: reason,
      });
    } catch {
      // Finalizing etc. may refuse; the status stays as the executor left it.
    }
  }
}
