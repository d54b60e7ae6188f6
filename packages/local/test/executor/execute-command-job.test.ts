import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { executeCommandJob, ExecutionErrorCode } from '../../src/executor/index.js';
import { makeExecution, makeTempDir, readLog, statusRecorder, waitUntil } from './helpers.js';

const temp = makeTempDir();
afterAll(() => {
  temp.cleanup();
});

const TEST_TIMEOUT_MS = 20_000;

describe('executeCommandJob', () => {
  it(
    'runs hello world through every status, in order, each with a reason',
    async () => {
      const recorder = statusRecorder();
      const created: string[] = [];
      const exec = makeExecution(temp.dir, { command: 'echo "hello world"' });
      const result = await executeCommandJob(exec, {
        onStatus: recorder.onStatus,
        onLogFileCreated: (path) => created.push(path),
      });

      expect(recorder.statuses).toEqual([
        'Starting',
        'Preparing',
        'Queued',
        'Running',
        'Finalizing',
        'Completed',
      ]);
      expect(recorder.reasons.every((reason) => typeof reason === 'string' && reason !== '')).toBe(
        true,
      );
      expect(result.status).toBe('Completed');
      expect(result.exitCode).toBe(0);
      expect(result.error).toBeUndefined();
      expect(result.timedOut).toBe(false);
      expect(result.history.map((entry) => entry.status)).toEqual(recorder.statuses);
      const times = result.history.map((entry) => entry.at.getTime());
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(created).toEqual(['system_logs/executor.txt', 'user_logs/std_log.txt']);
      expect(readLog(exec.jobDir, 'user_logs/std_log.txt')).toBe('hello world\n');
      const executorLog = readLog(exec.jobDir, 'system_logs/executor.txt');
      for (const status of recorder.statuses) expect(executorLog).toContain(`status ${status}`);
      expect(executorLog).toContain('exited with code 0');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'substitutes literal, file and folder inputs',
    async () => {
      const data = join(temp.dir, 'data');
      mkdirSync(data, { recursive: true });
      writeFileSync(join(data, 'rows.csv'), 'a\nb\nc\n');
      const exec = makeExecution(temp.dir, {
        command:
          'echo "greeting=${{inputs.greeting}}"; echo "rows=$(wc -l < ${{inputs.csv}})"; ls ${{ inputs.dir }}',
        inputs: {
          greeting: { kind: 'literal', value: 'hello there' },
          csv: { kind: 'path', path: join(data, 'rows.csv'), type: 'uri_file' },
          dir: { kind: 'path', path: data, type: 'uri_folder', mode: 'ro_mount' },
        },
      });
      const result = await executeCommandJob(exec, { onStatus: () => undefined });

      expect(result.status).toBe('Completed');
      expect(readLog(exec.jobDir, 'user_logs/std_log.txt')).toBe(
        'greeting=hello there\nrows=3\nrows.csv\n',
      );
      expect(readLog(exec.jobDir, 'system_logs/executor.txt')).toContain(
        `command: echo "greeting=hello there"; echo "rows=$(wc -l < ${join(data, 'rows.csv')})"`,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'creates output folders, writes into them and returns their paths',
    async () => {
      const exec = makeExecution(temp.dir, {
        command: 'echo model > ${{outputs.model}}/model.txt && echo 0.9 > ${{outputs.score}}',
        outputs: { model: { type: 'uri_folder', mode: 'rw_mount' }, score: { type: 'uri_file' } },
      });
      const result = await executeCommandJob(exec, { onStatus: () => undefined });

      expect(result.status).toBe('Completed');
      expect(result.outputs).toEqual({
        model: join(exec.jobDir, 'outputs', 'model'),
        score: join(exec.jobDir, 'outputs', 'score', 'score'),
      });
      expect(readFileSync(join(result.outputs['model']!, 'model.txt'), 'utf8')).toBe('model\n');
      expect(readFileSync(result.outputs['score']!, 'utf8')).toBe('0.9\n');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'sets the job, system, input, output and service variables',
    async () => {
      const exec = makeExecution(temp.dir, {
        jobName: 'env_job_1',
        experimentName: 'env-exp',
        command:
          'echo "$GREETING|$AZUREML_RUN_ID|$MLFLOW_RUN_ID|$AZUREML_ARM_PROJECT_NAME|$MLFLOW_EXPERIMENT_NAME|$AZUREML_PARAMETER_lr|$AZURE_ML_OUTPUT_out|$MLFLOW_TRACKING_URI|$FROM_HOST|${RANK:-none}"',
        environmentVariables: { GREETING: 'hi', MLFLOW_TRACKING_URI: 'http://job' },
        extraEnv: { MLFLOW_TRACKING_URI: 'http://service' },
        inputs: { lr: { kind: 'literal', value: '0.01' } },
        outputs: { out: { type: 'uri_folder' } },
      });
      const result = await executeCommandJob(exec, {
        onStatus: () => undefined,
        hostEnv: { PATH: process.env['PATH'], FROM_HOST: 'host' },
      });

      expect(result.status).toBe('Completed');
      expect(readLog(exec.jobDir, 'user_logs/std_log.txt')).toBe(
        `hi|env_job_1|env_job_1|env-exp|env-exp|0.01|${join(exec.jobDir, 'outputs', 'out')}|http://job|host|none\n`,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'copies the code snapshot into the working directory and never modifies the source',
    async () => {
      const code = join(temp.dir, 'code-src');
      mkdirSync(join(code, 'pkg'), { recursive: true });
      writeFileSync(join(code, 'train.sh'), 'echo "training in $(basename $PWD)"\n');
      writeFileSync(join(code, 'pkg', 'data.txt'), 'original\n');
      const exec = makeExecution(temp.dir, {
        codeDir: code,
        command:
          'bash train.sh && echo changed > pkg/data.txt && touch new-file && cat pkg/data.txt',
      });
      const result = await executeCommandJob(exec, { onStatus: () => undefined });

      expect(result.status).toBe('Completed');
      expect(readLog(exec.jobDir, 'user_logs/std_log.txt')).toBe('training in wd\nchanged\n');
      expect(readFileSync(join(code, 'pkg', 'data.txt'), 'utf8')).toBe('original\n');
      expect(readdirSync(code).sort()).toEqual(['pkg', 'train.sh']);
      expect(readFileSync(join(exec.jobDir, 'wd', 'train.sh'), 'utf8')).toContain('training');
      expect(readLog(exec.jobDir, 'system_logs/executor.txt')).toContain(
        `code snapshot ${code} copied`,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'fails a command that exits non-zero with its exit code and last log lines',
    async () => {
      const recorder = statusRecorder();
      const exec = makeExecution(temp.dir, {
        command:
          'for i in $(seq 1 30); do echo "line $i"; done; echo "something went wrong" >&2; exit 42',
      });
      const result = await executeCommandJob(exec, { onStatus: recorder.onStatus });

      expect(result.status).toBe('Failed');
      expect(result.exitCode).toBe(42);
      expect(recorder.statuses.slice(-3)).toEqual(['Running', 'Finalizing', 'Failed']);
      expect(result.error?.code).toBe(ExecutionErrorCode.UserError);
      const message = result.error?.message ?? '';
      expect(message).toMatch(
        /^Command exited with code 42\. Last log lines of user_logs\/std_log\.txt:\n/,
      );
      expect(message).toContain('something went wrong');
      expect(message).toContain('line 30');
      expect(message).toContain('line 12');
      expect(message).not.toContain('line 11\n');
      expect(recorder.reasons.at(-1)).toBe('Command exited with code 42');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'interleaves stdout and stderr in the order they were written',
    async () => {
      const exec = makeExecution(temp.dir, {
        command: 'echo out-1; echo err-1 >&2; echo out-2; echo err-2 >&2',
      });
      const result = await executeCommandJob(exec, { onStatus: () => undefined });

      expect(result.status).toBe('Completed');
      expect(readLog(exec.jobDir, 'user_logs/std_log.txt')).toBe('out-1\nerr-1\nout-2\nerr-2\n');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'fails a command killed by a signal it did not get from the executor',
    async () => {
      const exec = makeExecution(temp.dir, { command: 'echo about to die; kill -KILL $$' });
      const result = await executeCommandJob(exec, { onStatus: () => undefined });

      expect(result.status).toBe('Failed');
      expect(result.exitCode).toBeUndefined();
      expect(result.signal).toBe('SIGKILL');
      expect(result.error?.message).toBe(
        'Command was killed by signal SIGKILL. Last log lines of user_logs/std_log.txt:\nabout to die',
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'fails in Preparing, without running anything, when a reference names no input',
    async () => {
      const recorder = statusRecorder();
      const exec = makeExecution(temp.dir, {
        command: 'touch ran && echo ${{inputs.epochs}} ${{inputs.lr}}',
        inputs: { lr: { kind: 'literal', value: '0.1' } },
      });
      const result = await executeCommandJob(exec, { onStatus: recorder.onStatus });

      expect(recorder.statuses).toEqual(['Starting', 'Preparing', 'Failed']);
      expect(result.status).toBe('Failed');
      expect(result.error?.code).toBe(ExecutionErrorCode.UserError);
      expect(result.error?.message).toContain(
        "${{inputs.epochs}}, but the job has no input named 'epochs'",
      );
      expect(result.error?.message).toContain('known inputs: lr');
      expect(existsSync(join(exec.jobDir, 'wd', 'ran'))).toBe(false);
      expect(existsSync(join(exec.jobDir, 'logs', 'user_logs', 'std_log.txt'))).toBe(false);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'fails in Preparing when an input path does not exist or has the wrong kind',
    async () => {
      const missing = makeExecution(temp.dir, {
        command: 'cat ${{inputs.data}}',
        inputs: { data: { kind: 'path', path: join(temp.dir, 'nope.csv'), type: 'uri_file' } },
      });
      const wrongKind = makeExecution(temp.dir, {
        command: 'cat ${{inputs.data}}',
        inputs: { data: { kind: 'path', path: temp.dir, type: 'uri_file' } },
      });
      const [first, second] = await Promise.all([
        executeCommandJob(missing, { onStatus: () => undefined }),
        executeCommandJob(wrongKind, { onStatus: () => undefined }),
      ]);

      expect(first.status).toBe('Failed');
      expect(first.error?.message).toBe(
        `Input 'data' (uri_file) is not usable: expected a file at ${join(temp.dir, 'nope.csv')}, found nothing`,
      );
      expect(second.error?.message).toContain('expected a file at');
      expect(second.error?.message).toContain('found a directory');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'drops $[[ … ]] segments of optional inputs that were not given and keeps the others',
    async () => {
      const exec = makeExecution(temp.dir, {
        command: 'echo start $[[--seed ${{inputs.seed}}]] $[[--lr ${{inputs.lr}}]] end',
        inputs: { lr: { kind: 'literal', value: '0.5' } },
      });
      const result = await executeCommandJob(exec, { onStatus: () => undefined });

      expect(result.status).toBe('Completed');
      expect(readLog(exec.jobDir, 'user_logs/std_log.txt')).toBe('start --lr 0.5 end\n');
      expect(readLog(exec.jobDir, 'system_logs/executor.txt')).toContain(
        'optional segment dropped (an input it references was not given): $[[--seed ${{inputs.seed}}]]',
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'rewrites the deprecated {inputs.x} form and logs the SDK warning',
    async () => {
      const exec = makeExecution(temp.dir, {
        command: 'echo {inputs.name}',
        inputs: { name: { kind: 'literal', value: 'old-style' } },
      });
      const result = await executeCommandJob(exec, { onStatus: () => undefined });

      expect(result.status).toBe('Completed');
      expect(readLog(exec.jobDir, 'user_logs/std_log.txt')).toBe('old-style\n');
      expect(readLog(exec.jobDir, 'system_logs/executor.txt')).toContain(
        'Use of {} for parameters is deprecated, instead use ${{}}.',
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'says exactly once that a container image runs on the host',
    async () => {
      const exec = makeExecution(temp.dir, {
        command: 'echo one; echo two',
        environmentImage: 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04',
      });
      const result = await executeCommandJob(exec, { onStatus: () => undefined });

      expect(result.status).toBe('Completed');
      const logsDir = join(exec.jobDir, 'logs');
      const everything = ['user_logs/std_log.txt', 'system_logs/executor.txt']
        .map((file) => readFileSync(join(logsDir, file), 'utf8'))
        .join('');
      const notices = everything.match(/runs on this host, without the image/g) ?? [];
      expect(notices).toHaveLength(1);
      expect(readLog(exec.jobDir, 'user_logs/std_log.txt')).toMatch(
        /^\[amlkit\] .*'mcr\.microsoft\.com\/azureml\/openmpi4\.1\.0-ubuntu20\.04'.*\none\ntwo\n$/,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'writes a few megabytes of output completely',
    async () => {
      const exec = makeExecution(temp.dir, {
        command: "seq 1 200000 | sed 's/.*/line & of output/'",
      });
      const result = await executeCommandJob(exec, { onStatus: () => undefined });

      expect(result.status).toBe('Completed');
      const text = readLog(exec.jobDir, 'user_logs/std_log.txt');
      const lines = text.split('\n');
      expect(lines).toHaveLength(200_001);
      expect(lines[0]).toBe('line 1 of output');
      expect(lines[199_999]).toBe('line 200000 of output');
      expect(statSync(join(exec.jobDir, 'logs', 'user_logs', 'std_log.txt')).size).toBeGreaterThan(
        3_000_000,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'writes output to the log while the command is still running',
    async () => {
      const controller = new AbortController();
      const exec = makeExecution(temp.dir, { command: 'echo first; sleep 30; echo never' });
      const done = executeCommandJob(exec, {
        onStatus: () => undefined,
        signal: controller.signal,
        cancelGraceMs: 2_000,
      });
      const log = join(exec.jobDir, 'logs', 'user_logs', 'std_log.txt');
      await waitUntil(() => existsSync(log) && readFileSync(log, 'utf8') === 'first\n');
      controller.abort();
      const result = await done;

      expect(result.status).toBe('Canceled');
      expect(readFileSync(log, 'utf8')).toBe('first\n');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'holds the job in Queued until acquireSlot resolves',
    async () => {
      const recorder = statusRecorder();
      let release: () => void = () => undefined;
      const exec = makeExecution(temp.dir, { command: 'echo ran' });
      const done = executeCommandJob(exec, {
        onStatus: recorder.onStatus,
        acquireSlot: () =>
          new Promise<void>((resolve) => {
            release = resolve;
          }),
      });
      await waitUntil(() => recorder.statuses.includes('Queued'));
      expect(recorder.statuses.at(-1)).toBe('Queued');
      release();
      const result = await done;

      expect(result.status).toBe('Completed');
      expect(recorder.reasons[2]).toBe('Waiting for a free execution slot');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'cancels a queued job without starting it',
    async () => {
      const recorder = statusRecorder();
      const controller = new AbortController();
      let slotSignal: AbortSignal | undefined;
      const exec = makeExecution(temp.dir, { command: 'touch ran' });
      const done = executeCommandJob(exec, {
        onStatus: recorder.onStatus,
        signal: controller.signal,
        acquireSlot: (signal) => {
          slotSignal = signal;
          return new Promise<void>((_resolve, reject) => {
            signal.addEventListener('abort', () => {
              reject(new Error('aborted'));
            });
          });
        },
      });
      await waitUntil(() => recorder.statuses.includes('Queued'));
      controller.abort();
      const result = await done;

      expect(recorder.statuses).toEqual([
        'Starting',
        'Preparing',
        'Queued',
        'CancelRequested',
        'Canceled',
      ]);
      expect(result.status).toBe('Canceled');
      expect(result.error).toBeUndefined();
      expect(slotSignal?.aborted).toBe(true);
      expect(existsSync(join(exec.jobDir, 'wd', 'ran'))).toBe(false);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'cancels at once when the signal is already aborted',
    async () => {
      const recorder = statusRecorder();
      const exec = makeExecution(temp.dir, { command: 'touch ran' });
      const result = await executeCommandJob(exec, {
        onStatus: recorder.onStatus,
        signal: AbortSignal.abort(),
      });

      expect(recorder.statuses).toEqual(['Starting', 'CancelRequested', 'Canceled']);
      expect(result.status).toBe('Canceled');
      expect(existsSync(join(exec.jobDir, 'wd', 'ran'))).toBe(false);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'keeps going when onStatus throws and logs the error',
    async () => {
      const exec = makeExecution(temp.dir, { command: 'echo ok' });
      const result = await executeCommandJob(exec, {
        onStatus: () => {
          throw new Error('store is down');
        },
      });

      expect(result.status).toBe('Completed');
      expect(readLog(exec.jobDir, 'system_logs/executor.txt')).toContain(
        'onStatus(Running) threw, ignored: Error: store is down',
      );
    },
    TEST_TIMEOUT_MS,
  );

  it('rejects invalid arguments with TypeError or RangeError before any status', async () => {
    const recorder = statusRecorder();
    const base = makeExecution(temp.dir, { command: 'echo' });
    await expect(
      executeCommandJob({ ...base, jobDir: 'relative/dir' }, { onStatus: recorder.onStatus }),
    ).rejects.toThrow(
      new TypeError(
        'executeCommandJob: expected exec.jobDir to be an absolute path, received "relative/dir"',
      ),
    );
    await expect(
      executeCommandJob({ ...base, command: '  ' }, { onStatus: recorder.onStatus }),
    ).rejects.toThrow(TypeError);
    await expect(
      executeCommandJob({ ...base, instanceCount: 0 }, { onStatus: recorder.onStatus }),
    ).rejects.toThrow(RangeError);
    await expect(
      executeCommandJob({ ...base, timeoutMs: -1 }, { onStatus: recorder.onStatus }),
    ).rejects.toThrow(RangeError);
    await expect(
      executeCommandJob(
        { ...base, environmentVariables: { A: 1 as unknown as string } },
        { onStatus: recorder.onStatus },
      ),
    ).rejects.toThrow('expected exec.environmentVariables.A to be a string, received 1');
    expect(recorder.statuses).toEqual([]);
  });
});
