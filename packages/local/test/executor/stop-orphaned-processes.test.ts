import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { executeCommandJob, stopOrphanedProcesses } from '../../src/executor/index.js';
import { makeExecution, makeTempDir, processesWithMarker, waitUntil } from './helpers.js';

const temp = makeTempDir();
const strays: number[] = [];
afterAll(() => {
  for (const pgid of strays) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // Already gone, as it should be.
    }
  }
  temp.cleanup();
});

const TEST_TIMEOUT_MS = 20_000;

/** Starts `sleep <duration>` the way a crashed executor would have left it: detached, marked. */
function startStray(duration: string, executionId: string): number {
  const child = spawn('bash', ['-c', `sleep ${duration}; true`], {
    detached: true,
    stdio: 'ignore',
    env: { PATH: process.env['PATH'], AMLKIT_EXECUTION_ID: executionId },
  });
  child.unref();
  strays.push(child.pid!);
  return child.pid!;
}

describe('stopOrphanedProcesses', () => {
  it(
    'stops the recorded process groups that carry the execution mark, and removes the record',
    async () => {
      const jobDir = join(temp.dir, 'crashed');
      mkdirSync(join(jobDir, 'logs', 'system_logs'), { recursive: true });
      const duration = `300.${process.pid}91`;
      const pgid = startStray(duration, 'exec-1');
      writeFileSync(
        join(jobDir, 'process-groups.json'),
        JSON.stringify({ jobName: 'crashed', executionId: 'exec-1', groups: [pgid] }),
      );
      await waitUntil(() => processesWithMarker(duration).length === 2); // bash and sleep

      const result = await stopOrphanedProcesses(jobDir, { graceMs: 2_000 });

      expect(result).toEqual({ stoppedGroups: [pgid] });
      expect(processesWithMarker(duration)).toEqual([]);
      expect(existsSync(join(jobDir, 'process-groups.json'))).toBe(false);
      expect(readFileSync(join(jobDir, 'logs', 'system_logs', 'executor.txt'), 'utf8')).toContain(
        `recovery: stopped orphaned process group(s) ${pgid}`,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'leaves alone a group whose processes do not carry the mark (a reused id)',
    async () => {
      const jobDir = join(temp.dir, 'reused');
      mkdirSync(jobDir, { recursive: true });
      const duration = `300.${process.pid}92`;
      const pgid = startStray(duration, 'someone-else');
      writeFileSync(
        join(jobDir, 'process-groups.json'),
        JSON.stringify({ jobName: 'reused', executionId: 'exec-2', groups: [pgid] }),
      );
      await waitUntil(() => processesWithMarker(duration).length === 2); // bash and sleep

      const result = await stopOrphanedProcesses(jobDir, { graceMs: 500 });

      expect(result).toEqual({ stoppedGroups: [] });
      expect(processesWithMarker(duration)).toHaveLength(2);
      process.kill(-pgid, 'SIGKILL');
    },
    TEST_TIMEOUT_MS,
  );

  it('does nothing when there is no record', async () => {
    await expect(stopOrphanedProcesses(join(temp.dir, 'nothing-here'))).resolves.toEqual({
      stoppedGroups: [],
    });
  });

  it(
    'finds the record a running job writes, and the record is gone once the job ends',
    async () => {
      const controller = new AbortController();
      const exec = makeExecution(temp.dir, { command: 'echo ready; sleep 30' });
      const done = executeCommandJob(exec, {
        onStatus: () => undefined,
        signal: controller.signal,
        cancelGraceMs: 2_000,
      });
      const record = join(exec.jobDir, 'process-groups.json');
      await waitUntil(() => existsSync(record));
      const content = JSON.parse(readFileSync(record, 'utf8'));
      expect(content).toMatchObject({ jobName: exec.jobName, groups: [expect.any(Number)] });
      expect(typeof content.executionId).toBe('string');
      controller.abort();
      await done;

      expect(existsSync(record)).toBe(false);
    },
    TEST_TIMEOUT_MS,
  );
});
