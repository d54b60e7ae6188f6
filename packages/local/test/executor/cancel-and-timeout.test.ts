import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { executeCommandJob, ExecutionErrorCode } from '../../src/executor/index.js';
import {
  makeExecution,
  makeTempDir,
  processesWithMarker,
  readLog,
  statusRecorder,
  waitUntil,
} from './helpers.js';

const temp = makeTempDir();
afterAll(() => {
  temp.cleanup();
});

const TEST_TIMEOUT_MS = 30_000;
let markerCounter = 0;

/** A `sleep` duration no other process on the machine uses, to find our processes in /proc. */
function uniqueSleep(): string {
  markerCounter += 1;
  return `300.${process.pid}${markerCounter}`;
}

function userLogOf(jobDir: string): string {
  return join(jobDir, 'logs', 'user_logs', 'std_log.txt');
}

function logContains(jobDir: string, text: string): boolean {
  const path = userLogOf(jobDir);
  return existsSync(path) && readFileSync(path, 'utf8').includes(text);
}

describe('executeCommandJob cancel', () => {
  it(
    'sends SIGTERM, which a job may handle, and ends Canceled without SIGKILL',
    async () => {
      const recorder = statusRecorder();
      const controller = new AbortController();
      const exec = makeExecution(temp.dir, {
        command: "trap 'echo got TERM; exit 0' TERM; echo ready; while true; do sleep 0.1; done",
      });
      const done = executeCommandJob(exec, {
        onStatus: recorder.onStatus,
        signal: controller.signal,
        cancelGraceMs: 20_000,
      });
      await waitUntil(() => logContains(exec.jobDir, 'ready'));
      controller.abort();
      const result = await done;

      expect(result.status).toBe('Canceled');
      expect(result.error).toBeUndefined();
      expect(result.timedOut).toBe(false);
      expect(recorder.statuses).toEqual([
        'Starting',
        'Preparing',
        'Queued',
        'Running',
        'CancelRequested',
        'Canceled',
      ]);
      expect(recorder.reasons[4]).toBe('Canceled by the user');
      expect(readLog(exec.jobDir, 'user_logs/std_log.txt')).toContain('got TERM');
      const executorLog = readLog(exec.jobDir, 'system_logs/executor.txt');
      expect(executorLog).toContain('SIGTERM to process group');
      expect(executorLog).not.toContain('SIGKILL');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "sends SIGKILL after the grace period to a job that ignores SIGTERM (trap '' TERM)",
    async () => {
      const sleep = uniqueSleep();
      const controller = new AbortController();
      const exec = makeExecution(temp.dir, { command: `trap '' TERM; echo ready; sleep ${sleep}` });
      const done = executeCommandJob(exec, {
        onStatus: () => undefined,
        signal: controller.signal,
        cancelGraceMs: 300,
      });
      await waitUntil(
        () => logContains(exec.jobDir, 'ready') && processesWithMarker(sleep).length > 0,
      );
      controller.abort();
      const result = await done;

      expect(result.status).toBe('Canceled');
      expect(result.signal).toBeUndefined();
      expect(readLog(exec.jobDir, 'system_logs/executor.txt')).toMatch(
        /SIGKILL to process group\(s\) \d+ after the grace period of 300 ms/,
      );
      expect(processesWithMarker(sleep)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'leaves no process behind, background children included',
    async () => {
      const background = uniqueSleep();
      const foreground = uniqueSleep();
      const controller = new AbortController();
      const exec = makeExecution(temp.dir, {
        command: `sleep ${background} & (sleep ${background} &) ; echo ready; sleep ${foreground}`,
      });
      const done = executeCommandJob(exec, {
        onStatus: () => undefined,
        signal: controller.signal,
        cancelGraceMs: 2_000,
      });
      await waitUntil(
        () =>
          logContains(exec.jobDir, 'ready') &&
          processesWithMarker(background).length === 2 &&
          processesWithMarker(foreground).length === 1,
      );
      controller.abort();
      const result = await done;

      expect(result.status).toBe('Canceled');
      expect(processesWithMarker(background)).toEqual([]);
      expect(processesWithMarker(foreground)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'stops background processes that outlive a command that completed',
    async () => {
      const background = uniqueSleep();
      const exec = makeExecution(temp.dir, { command: `sleep ${background} & echo done` });
      const result = await executeCommandJob(exec, {
        onStatus: () => undefined,
        cancelGraceMs: 2_000,
      });

      expect(result.status).toBe('Completed');
      expect(processesWithMarker(background)).toEqual([]);
      expect(readLog(exec.jobDir, 'system_logs/executor.txt')).toMatch(
        /1 process\(es\) of group \d+ still running after the command exited: stopping them/,
      );
    },
    TEST_TIMEOUT_MS,
  );
});

describe('executeCommandJob timeout', () => {
  it(
    'cancels a job that exceeds limits.timeout and says so',
    async () => {
      const recorder = statusRecorder();
      const sleep = uniqueSleep();
      const exec = makeExecution(temp.dir, {
        command: `echo started; sleep ${sleep}`,
        timeoutMs: 1_000,
      });
      const result = await executeCommandJob(exec, {
        onStatus: recorder.onStatus,
        cancelGraceMs: 2_000,
      });

      expect(result.status).toBe('Canceled');
      expect(result.timedOut).toBe(true);
      expect(result.error).toEqual({
        code: ExecutionErrorCode.JobTimeout,
        message: 'Job exceeded its timeout of 1 s (limits.timeout) and was canceled',
      });
      expect(recorder.statuses.slice(-3)).toEqual(['Running', 'CancelRequested', 'Canceled']);
      expect(recorder.reasons.at(-2)).toBe(
        'Job exceeded its timeout of 1 s (limits.timeout) and was canceled',
      );
      expect(readLog(exec.jobDir, 'user_logs/std_log.txt')).toBe('started\n');
      expect(processesWithMarker(sleep)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'does not time out a job that finishes within limits.timeout',
    async () => {
      const exec = makeExecution(temp.dir, { command: 'echo quick', timeoutMs: 60_000 });
      const result = await executeCommandJob(exec, { onStatus: () => undefined });

      expect(result.status).toBe('Completed');
      expect(result.timedOut).toBe(false);
    },
    TEST_TIMEOUT_MS,
  );
});
