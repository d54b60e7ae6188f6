import { isAbsolute } from 'node:path';

import type { CommandExecution } from './command-execution.js';
import type { ExecutionHooks } from './execution-hooks.js';
import type { ExecutionResult } from './execution-result.js';
import { CommandJobRun } from './internal/command-job-run.js';

function describe(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

function fail(field: string, expected: string, received: unknown): never {
  throw new TypeError(
    `executeCommandJob: expected ${field} to be ${expected}, received ${describe(received)}`,
  );
}

function failRange(field: string, expected: string, received: unknown): never {
  throw new RangeError(
    `executeCommandJob: expected ${field} to be ${expected}, received ${describe(received)}`,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkArguments(exec: CommandExecution, hooks: ExecutionHooks): void {
  if (!isRecord(exec)) fail('exec', 'a CommandExecution object', exec);
  if (!isRecord(hooks)) fail('hooks', 'an ExecutionHooks object', hooks);
  if (typeof hooks.onStatus !== 'function') fail('hooks.onStatus', 'a function', hooks.onStatus);
  if (typeof exec.jobName !== 'string' || exec.jobName === '') {
    fail('exec.jobName', 'a non-empty string', exec.jobName);
  }
  if (typeof exec.experimentName !== 'string') {
    fail('exec.experimentName', 'a string', exec.experimentName);
  }
  if (typeof exec.command !== 'string' || exec.command.trim() === '') {
    fail('exec.command', 'a non-empty string', exec.command);
  }
  if (typeof exec.jobDir !== 'string' || !isAbsolute(exec.jobDir)) {
    fail('exec.jobDir', 'an absolute path', exec.jobDir);
  }
  if (
    exec.codeDir !== undefined &&
    (typeof exec.codeDir !== 'string' || !isAbsolute(exec.codeDir))
  ) {
    fail('exec.codeDir', 'an absolute path', exec.codeDir);
  }
  for (const [field, record] of [
    ['exec.environmentVariables', exec.environmentVariables],
    ['exec.extraEnv', exec.extraEnv ?? {}],
  ] as const) {
    if (!isRecord(record)) fail(field, 'a string → string record', record);
    for (const [key, value] of Object.entries(record)) {
      if (typeof value !== 'string') fail(`${field}.${key}`, 'a string', value);
    }
  }
  if (!isRecord(exec.inputs)) fail('exec.inputs', 'a record of inputs', exec.inputs);
  for (const [name, input] of Object.entries(exec.inputs)) {
    if (!isRecord(input)) fail(`exec.inputs.${name}`, 'an input object', input);
    if (input.kind === 'literal') {
      if (typeof input.value !== 'string')
        fail(`exec.inputs.${name}.value`, 'a string', input.value);
    } else if (input.kind === 'path') {
      if (typeof input.path !== 'string' || !isAbsolute(input.path)) {
        fail(`exec.inputs.${name}.path`, 'an absolute path', input.path);
      }
    } else {
      fail(`exec.inputs.${name}.kind`, "'literal' or 'path'", (input as { kind?: unknown }).kind);
    }
  }
  if (!isRecord(exec.outputs)) fail('exec.outputs', 'a record of outputs', exec.outputs);
  for (const name of Object.keys(exec.outputs)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      fail('every output name', 'letters, digits and underscores', name);
    }
  }
  const count = exec.instanceCount ?? 1;
  if (!Number.isInteger(count) || count < 1)
    failRange('exec.instanceCount', 'an integer ≥ 1', count);
  const perInstance = exec.distribution?.processCountPerInstance ?? 1;
  if (!Number.isInteger(perInstance) || perInstance < 1) {
    failRange('exec.distribution.processCountPerInstance', 'an integer ≥ 1', perInstance);
  }
  if (exec.timeoutMs !== undefined && !(Number.isFinite(exec.timeoutMs) && exec.timeoutMs > 0)) {
    failRange('exec.timeoutMs', 'a positive number of milliseconds', exec.timeoutMs);
  }
  const grace = hooks.cancelGraceMs;
  if (grace !== undefined && !(Number.isFinite(grace) && grace >= 0)) {
    failRange('hooks.cancelGraceMs', 'a number of milliseconds ≥ 0', grace);
  }
}

/**
 * Runs one command job on this machine and resolves when it is final.
 *
 * The statuses, each driven through `@amlkit/status` `transition()` and reported to
 * `hooks.onStatus` with its time and reason: `Starting` → `Preparing` (code snapshot copied
 * into `<jobDir>/wd/`, inputs checked, outputs created, command substituted) → `Queued`
 * (until `hooks.acquireSlot` resolves) → `Running` (`bash -c` in its own process group, one
 * per rank) → `Finalizing` → `Completed` or `Failed`. The job starts in `NotStarted`, which
 * the service has recorded. A cancel (`hooks.signal`) or `limits.timeout` goes through
 * `CancelRequested`: SIGTERM to every process group, `cancelGraceMs`, SIGKILL, `Canceled`.
 * Background processes still alive when the command exits are stopped the same way.
 *
 * @returns the final status, exit code, error, duration, output paths and status history.
 *   It does not reject for a job failure.
 * @throws {TypeError} or {RangeError} for invalid arguments (before any status change).
 *   The promise also rejects when `<jobDir>/logs/` cannot be created.
 * @example
 * ```ts
 * const result = await executeCommandJob(
 *   {
 *     jobName: 'hello', experimentName: 'demo', command: 'echo ${{inputs.greeting}}',
 *     environmentVariables: {}, inputs: { greeting: { kind: 'literal', value: 'hi' } },
 *     outputs: {}, jobDir: '/home/me/.amlkit/jobs/hello',
 *   },
 *   { onStatus: (status, { reason }) => console.log(status, reason ?? '') },
 * );
 * result.status; // 'Completed'
 * ```
 */
export async function executeCommandJob(
  exec: CommandExecution,
  hooks: ExecutionHooks,
): Promise<ExecutionResult> {
  checkArguments(exec, hooks);
  return new CommandJobRun(exec, hooks).run();
}
