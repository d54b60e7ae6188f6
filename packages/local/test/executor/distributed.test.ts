import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { executeCommandJob, ExecutionErrorCode } from '../../src/executor/index.js';
import {
  makeExecution,
  makeTempDir,
  processesWithMarker,
  readLog,
  statusRecorder,
} from './helpers.js';

const temp = makeTempDir();
afterAll(() => {
  temp.cleanup();
});

const TEST_TIMEOUT_MS = 30_000;

describe('executeCommandJob distributed', () => {
  it(
    'runs one process per rank with RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT',
    async () => {
      const created: string[] = [];
      const exec = makeExecution(temp.dir, {
        command:
          'echo "$RANK $LOCAL_RANK $NODE_RANK $WORLD_SIZE $MASTER_ADDR $MASTER_PORT" > ${{outputs.ranks}}/rank_$RANK.txt; echo "hello from $RANK"',
        outputs: { ranks: { type: 'uri_folder' } },
        instanceCount: 2,
        distribution: { type: 'pytorch', processCountPerInstance: 1 },
      });
      const result = await executeCommandJob(exec, {
        onStatus: () => undefined,
        onLogFileCreated: (path) => created.push(path),
      });

      expect(result.status).toBe('Completed');
      const ranks = [0, 1].map((rank) =>
        readFileSync(join(result.outputs['ranks']!, `rank_${rank}.txt`), 'utf8')
          .trim()
          .split(' '),
      );
      expect(ranks.map((fields) => fields.slice(0, 5))).toEqual([
        ['0', '0', '0', '2', '127.0.0.1'],
        ['1', '0', '1', '2', '127.0.0.1'],
      ]);
      const port = Number(ranks[0]![5]);
      expect(Number.isInteger(port) && port > 0 && port < 65_536).toBe(true);
      expect(ranks[1]![5]).toBe(ranks[0]![5]);
      expect(created).toEqual([
        'system_logs/executor.txt',
        'user_logs/std_log_process_0.txt',
        'user_logs/std_log_process_1.txt',
      ]);
      expect(readLog(exec.jobDir, 'user_logs/std_log_process_0.txt')).toBe('hello from 0\n');
      expect(readLog(exec.jobDir, 'user_logs/std_log_process_1.txt')).toBe('hello from 1\n');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'multiplies instances by processes per instance and sets the Open MPI names for mpi',
    async () => {
      const exec = makeExecution(temp.dir, {
        command:
          'echo "$RANK/$WORLD_SIZE local $LOCAL_RANK/$LOCAL_WORLD_SIZE node $NODE_RANK mpi $OMPI_COMM_WORLD_RANK"',
        instanceCount: 2,
        distribution: { type: 'mpi', processCountPerInstance: 2 },
      });
      const result = await executeCommandJob(exec, { onStatus: () => undefined });

      expect(result.status).toBe('Completed');
      const lines = [0, 1, 2, 3].map((rank) =>
        readLog(exec.jobDir, `user_logs/std_log_process_${rank}.txt`),
      );
      expect(lines).toEqual([
        '0/4 local 0/2 node 0 mpi 0\n',
        '1/4 local 1/2 node 0 mpi 1\n',
        '2/4 local 0/2 node 1 mpi 2\n',
        '3/4 local 1/2 node 1 mpi 3\n',
      ]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'fails the job when one rank fails and stops the other rank',
    async () => {
      const recorder = statusRecorder();
      const sleep = `300.${process.pid}77`;
      const exec = makeExecution(temp.dir, {
        command: `if [ "$RANK" = 1 ]; then echo "rank 1 broke" >&2; exit 3; fi; sleep ${sleep}`,
        instanceCount: 2,
        distribution: { type: 'pytorch' },
      });
      const result = await executeCommandJob(exec, {
        onStatus: recorder.onStatus,
        cancelGraceMs: 2_000,
      });

      expect(result.status).toBe('Failed');
      expect(result.exitCode).toBe(3);
      expect(recorder.statuses.slice(-3)).toEqual(['Running', 'Finalizing', 'Failed']);
      expect(result.error?.code).toBe(ExecutionErrorCode.UserError);
      expect(result.error?.message).toBe(
        'Process rank 1 of 2 exited with code 3; the other ranks were stopped. ' +
          'Last log lines of user_logs/std_log_process_1.txt:\nrank 1 broke',
      );
      expect(readLog(exec.jobDir, 'system_logs/executor.txt')).toContain(
        'rank 1 failed: stopping the other ranks',
      );
      expect(processesWithMarker(sleep)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
