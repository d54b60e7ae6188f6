import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { cp, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

import type { CommandExecution } from '../command-execution.js';
import type { ExecutionHooks } from '../execution-hooks.js';
import { DEFAULT_CANCEL_GRACE_MS } from '../execution-hooks.js';
import { ExecutionErrorCode } from '../execution-result.js';
import type { ExecutionError, ExecutionResult } from '../execution-result.js';
import { EXECUTOR_LOG_FILE, resolveJobLayout, userLogFile } from '../job-layout.js';
import type { JobLayout } from '../job-layout.js';
import { DEPRECATED_BINDING_WARNING, substituteCommand } from '../substitute-command.js';
import { buildJobEnvironment } from './build-job-environment.js';
import type { RankInfo, ResolvedIo } from './build-job-environment.js';
import { ExecutorLog } from './executor-log.js';
import { findFreePort } from './free-port.js';
import { liveMembersByGroup, terminateGroups } from './process-groups.js';
import { readLogTail } from './read-log-tail.js';
import { removeProcessGroups, writeProcessGroups } from './process-groups-file.js';
import { StatusDriver } from './status-driver.js';

const TAIL_LINES = 20;
const MAX_TIMER_MS = 2_147_483_647;

/** Thrown inside the run to stop preparation with a job failure (never escapes). */
class JobFailure extends Error {
  constructor(
    readonly code: ExecutionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'JobFailure';
  }
}

/** Thrown inside the run when a cancel was requested before the processes started. */
class JobCanceled extends Error {
  constructor() {
    super('canceled');
    this.name = 'JobCanceled';
  }
}

interface ProcessExit {
  readonly rank: number;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly spawnError?: Error;
}

interface Prepared {
  readonly command: string;
  readonly io: ResolvedIo;
}

/** One execution of one command job; see `executeCommandJob`. */
export class CommandJobRun {
  readonly #exec: CommandExecution;
  readonly #hooks: ExecutionHooks;
  readonly #graceMs: number;
  readonly #layout: JobLayout;
  readonly #startedAt = Date.now();
  readonly #slotController = new AbortController();
  /** Rank → process group id (the pid of its `bash -c`). */
  readonly #groups = new Map<number, number>();
  readonly #executionId = randomUUID();
  #log!: ExecutorLog;
  #driver!: StatusDriver;
  #cancelRequested = false;
  #timedOut = false;
  #timeoutReason: string | undefined;
  #running = false;
  #terminations: Promise<unknown>[] = [];
  #outputs: Record<string, string> = {};

  constructor(exec: CommandExecution, hooks: ExecutionHooks) {
    this.#exec = exec;
    this.#hooks = hooks;
    this.#graceMs = hooks.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS;
    this.#layout = resolveJobLayout(exec.jobDir);
  }

  async run(): Promise<ExecutionResult> {
    await mkdir(join(this.#layout.logsDir, 'system_logs'), { recursive: true });
    await mkdir(join(this.#layout.logsDir, 'user_logs'), { recursive: true });
    this.#log = new ExecutorLog(this.#layout.executorLog);
    this.#logFileCreated(EXECUTOR_LOG_FILE);
    this.#driver = new StatusDriver(this.#hooks.onStatus, this.#log);

    const onAbort = (): void => {
      this.#requestCancel('Canceled by the user');
    };
    this.#hooks.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await this.#drive();
    } catch (error) {
      return await this.#failUnexpectedly(error);
    } finally {
      this.#hooks.signal?.removeEventListener('abort', onAbort);
      this.#log.close();
    }
  }

  async #drive(): Promise<ExecutionResult> {
    this.#log.write(`executor: job ${this.#exec.jobName} in ${this.#exec.jobDir}`);
    this.#driver.apply({ type: 'submit', reason: 'Accepted by the local executor' });
    if (this.#hooks.signal?.aborted === true) this.#requestCancel('Canceled by the user');

    let prepared: Prepared;
    try {
      this.#checkCanceled();
      this.#driver.apply({
        type: 'prepare',
        reason: 'Copying the code snapshot, checking inputs, creating outputs',
      });
      prepared = await this.#prepare();
      this.#checkCanceled();
      const waits = this.#hooks.acquireSlot !== undefined;
      this.#driver.apply({
        type: 'queue',
        reason: waits ? 'Waiting for a free execution slot' : 'An execution slot is free',
      });
      if (waits) await this.#acquireSlot();
      this.#checkCanceled();
    } catch (error) {
      if (error instanceof JobCanceled || this.#cancelRequested) return this.#finishCanceled();
      if (error instanceof JobFailure) return this.#finishFailed(error.code, error.message);
      throw error;
    }
    return this.#runProcesses(prepared);
  }

  #checkCanceled(): void {
    if (this.#cancelRequested) throw new JobCanceled();
  }

  async #acquireSlot(): Promise<void> {
    try {
      await this.#hooks.acquireSlot!(this.#slotController.signal);
    } catch (error) {
      if (this.#cancelRequested) throw new JobCanceled();
      throw new JobFailure(
        ExecutionErrorCode.SystemError,
        `Could not get an execution slot: acquireSlot rejected with ${String(error)}`,
      );
    }
  }

  async #prepare(): Promise<Prepared> {
    const exec = this.#exec;
    await mkdir(this.#layout.workingDir, { recursive: true });
    if (exec.codeDir !== undefined) {
      const info = await stat(exec.codeDir).catch(() => undefined);
      if (info?.isDirectory() !== true) {
        throw new JobFailure(
          ExecutionErrorCode.SystemError,
          `Code snapshot not found: expected a directory at ${exec.codeDir}, received ${info === undefined ? 'nothing' : 'a file'}`,
        );
      }
      await cp(exec.codeDir, this.#layout.workingDir, {
        recursive: true,
        force: true,
        verbatimSymlinks: true,
      });
      this.#log.write(`code snapshot ${exec.codeDir} copied to ${this.#layout.workingDir}`);
      this.#checkCanceled();
    }

    const literals: Record<string, string> = {};
    const paths: Record<string, string> = {};
    for (const [name, input] of Object.entries(exec.inputs)) {
      if (input.kind === 'literal') {
        literals[name] = input.value;
        this.#log.write(`input ${name}: literal ${JSON.stringify(input.value)}`);
        continue;
      }
      const info = await stat(input.path).catch(() => undefined);
      const found = info === undefined ? 'nothing' : info.isDirectory() ? 'a directory' : 'a file';
      const expected =
        input.type === 'uri_file'
          ? 'a file'
          : input.type === 'uri_folder'
            ? 'a directory'
            : undefined;
      if (info === undefined || (expected !== undefined && expected !== found)) {
        throw new JobFailure(
          ExecutionErrorCode.UserError,
          `Input '${name}' (${input.type}) is not usable: expected ${expected ?? 'a file or directory'} at ${input.path}, found ${found}`,
        );
      }
      paths[name] = input.path;
      const mode = input.mode === undefined ? '' : `, mode ${input.mode} (read in place)`;
      this.#log.write(`input ${name}: ${input.type} ${input.path}${mode}`);
    }

    const outputs: Record<string, string> = {};
    for (const [name, output] of Object.entries(exec.outputs)) {
      const folder = join(this.#layout.outputsDir, name);
      await mkdir(folder, { recursive: true });
      outputs[name] = output.type === 'uri_file' ? join(folder, name) : folder;
      this.#log.write(`output ${name}: ${output.type} ${outputs[name]}`);
    }
    this.#outputs = outputs;

    const substituted = substituteCommand(exec.command, {
      inputs: { ...literals, ...paths },
      outputs,
    });
    if (!substituted.ok) throw new JobFailure(ExecutionErrorCode.UserError, substituted.reason);
    if (substituted.usedDeprecatedSyntax) this.#log.write(`warning: ${DEPRECATED_BINDING_WARNING}`);
    for (const segment of substituted.droppedSegments) {
      this.#log.write(
        `optional segment dropped (an input it references was not given): ${segment}`,
      );
    }
    this.#log.write(`command: ${substituted.command}`);
    return { command: substituted.command, io: { literals, paths, outputs } };
  }

  async #runProcesses(prepared: Prepared): Promise<ExecutionResult> {
    const exec = this.#exec;
    const instances = exec.instanceCount ?? 1;
    const perInstance = exec.distribution?.processCountPerInstance ?? 1;
    const worldSize = instances * perInstance;
    const masterPort = worldSize > 1 ? await findFreePort() : 0;
    if (this.#cancelRequested) return this.#finishCanceled();

    const hostEnv = this.#hooks.hostEnv ?? process.env;
    const exits: Promise<ProcessExit>[] = [];
    let firstFailure: ProcessExit | undefined;
    const onExit = (exit: ProcessExit): void => {
      const how =
        exit.spawnError !== undefined
          ? `could not start: ${exit.spawnError.message}`
          : describeExit(exit);
      this.#log.write(`process rank ${exit.rank} ${how}`);
      if (firstFailure !== undefined || this.#cancelRequested) return;
      if (exit.code === 0) return;
      firstFailure = exit;
      const others = [...this.#groups]
        .filter(([rank]) => rank !== exit.rank)
        .map(([, pgid]) => pgid);
      if (others.length > 0) {
        this.#log.write(`rank ${exit.rank} failed: stopping the other ranks`);
        this.#terminate(others);
      }
    };

    for (let rank = 0; rank < worldSize; rank += 1) {
      const logFile = userLogFile(rank, worldSize);
      const fd = openSync(join(this.#layout.logsDir, logFile), 'a');
      try {
        if (rank === 0 && exec.environmentImage !== undefined) {
          writeSync(
            fd,
            `[amlkit] The job's environment asks for the container image '${exec.environmentImage}', ` +
              'but the local backend has no container engine: the command runs on this host, without the image.\n',
          );
        }
        this.#logFileCreated(logFile);
        const rankInfo: RankInfo | undefined =
          worldSize > 1
            ? {
                rank,
                localRank: rank % perInstance,
                nodeRank: Math.floor(rank / perInstance),
                worldSize,
                localWorldSize: perInstance,
                masterPort,
              }
            : undefined;
        const env = buildJobEnvironment(
          exec,
          rankInfo === undefined
            ? { hostEnv, io: prepared.io, executionId: this.#executionId }
            : { hostEnv, io: prepared.io, executionId: this.#executionId, rank: rankInfo },
        );
        const child = spawn('bash', ['-c', prepared.command], {
          cwd: this.#layout.workingDir,
          env,
          detached: true,
          stdio: ['ignore', fd, fd],
        });
        if (child.pid !== undefined) this.#groups.set(rank, child.pid);
        exits.push(
          new Promise<ProcessExit>((resolve) => {
            child.once('error', (error) => {
              resolve({ rank, code: null, signal: null, spawnError: error });
            });
            child.once('exit', (code, signal) => {
              resolve({ rank, code, signal });
            });
          }).then((exit) => {
            onExit(exit);
            return exit;
          }),
        );
      } finally {
        closeSync(fd);
      }
    }
    const pids = [...this.#groups.values()];
    this.#log.write(`started ${worldSize} process(es) as process group(s) ${pids.join(', ')}`);
    try {
      writeProcessGroups(exec.jobDir, {
        jobName: exec.jobName,
        executionId: this.#executionId,
        groups: pids,
      });
    } catch (error) {
      this.#log.write(`could not record the process groups: ${String(error)}`);
    }
    this.#running = true;
    if (this.#cancelRequested) {
      this.#terminate([...this.#groups.values()]);
    } else {
      this.#driver.apply({
        type: 'start',
        reason:
          worldSize === 1
            ? 'The command is running'
            : `${worldSize} processes are running (${instances} instance(s) × ${perInstance})`,
      });
    }
    const clearTimer = this.#armTimeout();

    const results = await Promise.all(exits);
    clearTimer();
    this.#running = false;
    await Promise.all(this.#terminations);
    await this.#sweepLeftovers();
    await removeProcessGroups(exec.jobDir).catch(() => undefined);

    if (this.#cancelRequested) return this.#finishCanceled();
    const spawnFailure = results.find((exit) => exit.spawnError !== undefined);
    if (spawnFailure?.spawnError !== undefined) {
      return this.#finishFailed(
        ExecutionErrorCode.SystemError,
        `Could not start the command with bash: ${spawnFailure.spawnError.message}`,
      );
    }
    if (firstFailure !== undefined) return this.#finishProcessFailure(firstFailure, worldSize);
    this.#driver.apply({
      type: 'finalize',
      reason:
        worldSize === 1 ? 'The command exited with code 0' : 'Every process exited with code 0',
    });
    return this.#finish({ type: 'complete', reason: 'The job completed' }, results[0]);
  }

  #armTimeout(): () => void {
    const timeoutMs = this.#exec.timeoutMs;
    if (timeoutMs === undefined) return () => undefined;
    const deadline = Date.now() + timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      const left = deadline - Date.now();
      if (left <= 0) {
        this.#timedOut = true;
        const seconds = Number((timeoutMs / 1000).toFixed(3));
        this.#timeoutReason = `Job exceeded its timeout of ${seconds} s (limits.timeout) and was canceled`;
        this.#requestCancel(this.#timeoutReason);
        return;
      }
      timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
    };
    arm();
    return () => {
      clearTimeout(timer);
    };
  }

  #requestCancel(reason: string): void {
    if (this.#cancelRequested || this.#driver.status === 'Completed') return;
    if (this.#driver.status === 'Failed' || this.#driver.status === 'Canceled') return;
    if (this.#driver.status === 'Finalizing') {
      this.#driver.apply({
        type: 'requestCancel',
        reason: `${reason} (ignored: the command is done)`,
      });
      return;
    }
    this.#cancelRequested = true;
    this.#driver.apply({ type: 'requestCancel', reason });
    this.#slotController.abort();
    if (this.#running) this.#terminate([...this.#groups.values()]);
  }

  #terminate(groups: readonly number[]): void {
    this.#log.write(`SIGTERM to process group(s) ${groups.join(', ')}; grace ${this.#graceMs} ms`);
    this.#terminations.push(
      terminateGroups(groups, this.#graceMs).then(({ killed }) => {
        if (killed.length > 0) {
          this.#log.write(
            `SIGKILL to process group(s) ${killed.join(', ')} after the grace period of ${this.#graceMs} ms`,
          );
        }
      }),
    );
  }

  async #sweepLeftovers(): Promise<void> {
    const byGroup = await liveMembersByGroup([...this.#groups.values()]);
    const leftovers: number[] = [];
    for (const [pgid, members] of byGroup) {
      if (members.length === 0) continue;
      leftovers.push(pgid);
      this.#log.write(
        `${members.length} process(es) of group ${pgid} still running after the command exited: stopping them`,
      );
    }
    if (leftovers.length === 0) return;
    this.#terminate(leftovers);
    await Promise.all(this.#terminations);
  }

  async #finishProcessFailure(exit: ProcessExit, worldSize: number): Promise<ExecutionResult> {
    const logFile = userLogFile(exit.rank, worldSize);
    const tail = await readLogTail(join(this.#layout.logsDir, logFile), TAIL_LINES);
    const what = worldSize === 1 ? 'Command' : `Process rank ${exit.rank} of ${worldSize}`;
    const how =
      exit.code !== null
        ? `exited with code ${exit.code}`
        : `was killed by signal ${exit.signal ?? 'unknown'}`;
    const others = worldSize === 1 ? '' : '; the other ranks were stopped';
    const lines = tail.length === 0 ? ' (the log is empty)' : `:\n${tail.join('\n')}`;
    const message = `${what} ${how}${others}. Last log lines of ${logFile}${lines}`;
    if (this.#cancelRequested) return this.#finishCanceled();
    this.#driver.apply({ type: 'finalize', reason: `${what} ${how}` });
    return this.#finish(
      {
        type: 'fail',
        reason: `${what} ${how}`,
        error: { code: ExecutionErrorCode.UserError, message },
      },
      exit,
    );
  }

  #finishFailed(code: ExecutionErrorCode, message: string): ExecutionResult {
    return this.#finish({ type: 'fail', reason: message, error: { code, message } }, undefined);
  }

  #finishCanceled(): ExecutionResult {
    const reason = this.#timedOut ? this.#timeoutReason! : 'The cancellation took effect';
    return this.#finish({ type: 'confirmCancel', reason }, undefined);
  }

  #finish(
    event:
      | { type: 'complete'; reason: string }
      | { type: 'confirmCancel'; reason: string }
      | { type: 'fail'; reason: string; error: ExecutionError },
    exit: ProcessExit | undefined,
  ): ExecutionResult {
    const status = this.#driver.apply(event);
    const error: ExecutionError | undefined =
      event.type === 'fail'
        ? event.error
        : this.#timedOut
          ? { code: ExecutionErrorCode.JobTimeout, message: this.#timeoutReason! }
          : undefined;
    const result: ExecutionResult = {
      status: status as ExecutionResult['status'],
      timedOut: this.#timedOut,
      durationMs: Date.now() - this.#startedAt,
      outputs: this.#outputs,
      history: [...this.#driver.history],
      ...(exit?.code != null ? { exitCode: exit.code } : {}),
      ...(exit?.signal != null ? { signal: exit.signal } : {}),
      ...(error !== undefined ? { error } : {}),
    };
    this.#log.write(`executor: done, ${status} after ${result.durationMs} ms`);
    return result;
  }

  async #failUnexpectedly(error: unknown): Promise<ExecutionResult> {
    this.#log.write(
      `executor error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    if (this.#groups.size > 0) await terminateGroups([...this.#groups.values()], 0);
    await Promise.all(this.#terminations).catch(() => undefined);
    const message = `The local executor failed: ${error instanceof Error ? error.message : String(error)}`;
    if (!this.#driver.can({ type: 'fail', reason: message })) {
      // Already final: report what was reached.
      return {
        status: this.#driver.status as ExecutionResult['status'],
        timedOut: this.#timedOut,
        durationMs: Date.now() - this.#startedAt,
        outputs: this.#outputs,
        history: [...this.#driver.history],
        error: { code: ExecutionErrorCode.SystemError, message },
      };
    }
    if (this.#cancelRequested && this.#driver.can({ type: 'confirmCancel' })) {
      return this.#finishCanceled();
    }
    return this.#finishFailed(ExecutionErrorCode.SystemError, message);
  }

  #logFileCreated(relativePath: string): void {
    try {
      this.#hooks.onLogFileCreated?.(relativePath);
    } catch (error) {
      this.#log.write(`onLogFileCreated(${relativePath}) threw, ignored: ${String(error)}`);
    }
  }
}

function describeExit(exit: ProcessExit): string {
  return exit.code !== null
    ? `exited with code ${exit.code}`
    : `was killed by signal ${exit.signal ?? 'unknown'}`;
}
