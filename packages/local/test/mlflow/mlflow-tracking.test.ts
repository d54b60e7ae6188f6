import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { API, WS_PATH, body, command, startTestService } from '../helpers.js';
import type { TestService } from '../helpers.js';

// Real processes on a shared machine: generous per-test budgets (not timing assertions).
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const TRAIN = fileURLToPath(new URL('../../../../examples/sweep-grid/train.py', import.meta.url));
const MLFLOW = (job: string): string => `/mlflow${WS_PATH}/jobs/${job}/api/2.0/mlflow`;

describe('MLflow tracking endpoint', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ concurrency: 2 });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('gives every job its tracking URI, token and run id, and stores what plain-HTTP MLflow calls log', async () => {
    const res = await t.putJob(
      'trial-lr',
      command(`python3 ${TRAIN} --lr 0.3 --epochs 3`, { experimentName: 'grid' }),
    );
    expect(res.status).toBe(201);
    const job = await t.waitForStatus('trial-lr', ['Completed', 'Failed', 'Canceled']);
    expect(job.properties.status).toBe('Completed');

    const history = await t.call(
      `${MLFLOW('trial-lr')}/metrics/get-history?run_id=trial-lr&metric_key=accuracy`,
    );
    expect(history.status).toBe(200);
    const metrics = (await body(history)).metrics as { key: string; step: number; value: number }[];
    expect(metrics.map((m) => [m.key, m.step, m.value])).toEqual([
      ['accuracy', 0, 0.6],
      ['accuracy', 1, 0.7],
      ['accuracy', 2, 0.733333],
    ]);

    const run = await body(await t.call(`${MLFLOW('trial-lr')}/runs/get?run_id=trial-lr`));
    expect(run.run.info).toMatchObject({
      run_id: 'trial-lr',
      experiment_id: 'grid',
      status: 'FINISHED',
    });
    expect(run.run.data.params).toEqual([
      { key: 'epochs', value: '3' },
      { key: 'lr', value: '0.3' },
    ]);
    expect(
      (run.run.data.metrics as { key: string; value: number }[]).map((m) => [m.key, m.value]),
    ).toEqual([
      ['accuracy', 0.733333],
      ['epochs_done', 3],
    ]);
  });

  it('needs the bearer token, like every other route', async () => {
    const res = await fetch(`${t.url}${MLFLOW('trial-lr')}/runs/get?run_id=trial-lr`);
    expect(res.status).toBe(401);
  });

  it('answers MLflow-shaped errors for another run id, a bad value and an unknown endpoint', async () => {
    await t.putJob('idle', command('true'));
    await t.waitForStatus('idle', ['Completed']);
    const post = (endpoint: string, payload: unknown): Promise<Response> =>
      t.call(`${MLFLOW('idle')}/${endpoint}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
      });
    const other = await post('runs/log-metric', {
      run_id: 'someone-else',
      key: 'a',
      value: 1,
      timestamp: 1,
    });
    expect(other.status).toBe(404);
    expect(await body(other)).toMatchObject({ error_code: 'RESOURCE_DOES_NOT_EXIST' });
    const bad = await post('runs/log-metric', {
      run_id: 'idle',
      key: 'a',
      value: 'high',
      timestamp: 1,
    });
    expect(bad.status).toBe(400);
    expect((await body(bad)).message).toMatch(
      /expected a finite number for metric 'a', received "high"/,
    );
    const unknown = await post('model-versions/create', {});
    expect(unknown.status).toBe(404);
    expect(await body(unknown)).toMatchObject({ error_code: 'ENDPOINT_NOT_FOUND' });
    const missing = await t.call(
      `/mlflow${WS_PATH}/jobs/no-such-job/api/2.0/mlflow/runs/get?run_id=x`,
    );
    expect(missing.status).toBe(404);

    // runs/create returns the job's own run; log-batch then get-history round-trips
    const created = await body(await post('runs/create', { experiment_id: 'Default' }));
    expect(created.run.info.run_id).toBe('idle');
    expect(
      (
        await post('runs/log-batch', {
          run_id: 'idle',
          metrics: [
            { key: 'loss', value: 2, timestamp: 5, step: 1 },
            { key: 'loss', value: 1, timestamp: 6, step: 2 },
          ],
        })
      ).status,
    ).toBe(200);
    const history = await body(
      await t.call(`${MLFLOW('idle')}/metrics/get-history?run_id=idle&metric_key=loss`),
    );
    expect(history.metrics).toEqual([
      { key: 'loss', step: 1, value: 2, timestamp: 5 },
      { key: 'loss', step: 2, value: 1, timestamp: 6 },
    ]);
    const experiment = await body(
      await t.call(`${MLFLOW('idle')}/experiments/get-by-name?experiment_name=Default`),
    );
    expect(experiment.experiment).toMatchObject({ experiment_id: 'Default', name: 'Default' });
    // the ARM job itself is untouched
    expect((await body(await t.call(`${WS_PATH}/jobs/idle?${API}`))).properties.status).toBe(
      'Completed',
    );
  });
});
