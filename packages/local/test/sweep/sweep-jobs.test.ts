import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { createSweepSampler, parseSearchSpace } from '../../src/index.js';
import { API, WS_PATH, body, startTestService } from '../helpers.js';
import type { Json, TestService } from '../helpers.js';

// Real processes on a shared machine: generous per-test budgets (not timing assertions).
vi.setConfig({ testTimeout: 150_000, hookTimeout: 120_000 });

const TRAIN = fileURLToPath(new URL('../../../../examples/sweep-grid/train.py', import.meta.url));

function sweep(more: Record<string, unknown>): Record<string, unknown> {
  return {
    jobType: 'Sweep',
    experimentName: 'sweeps',
    trial: {
      command: `python3 ${TRAIN} --lr \${{search_space.lr}} --epochs \${{inputs.epochs}} --sleep \${{inputs.sleep}}`,
      environmentId: 'azureml:local-env:1',
      environmentVariables: {},
    },
    inputs: {
      epochs: { jobInputType: 'literal', value: '3' },
      sleep: { jobInputType: 'literal', value: '0' },
    },
    objective: { goal: 'Maximize', primaryMetric: 'accuracy' },
    ...more,
  };
}

async function children(t: TestService, parent: string): Promise<Json[]> {
  const list = await body(
    await t.call(`${WS_PATH}/jobs?${API}&properties=azureml.parentJobName=${parent}`),
  );
  return list.value as Json[];
}

describe('sweep jobs on the local service', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ concurrency: 4 });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('runs a grid sweep as child jobs that log through MLflow, and names the right best trial', async () => {
    const res = await t.putJob(
      'grid',
      sweep({
        samplingAlgorithm: { samplingAlgorithmType: 'Grid' },
        searchSpace: { lr: ['choice', [[0.05, 0.1, 0.3]]] },
        limits: { jobLimitsType: 'Sweep', maxTotalTrials: 10, maxConcurrentTrials: 2 },
      }),
    );
    expect(res.status).toBe(201);
    const done = await t.waitForStatus('grid', ['Completed', 'Failed', 'Canceled'], 120_000);
    expect(done.properties.status).toBe('Completed');
    const trials = await children(t, 'grid');
    expect(trials.map((c) => String(c.name)).sort()).toEqual(['grid_0', 'grid_1', 'grid_2']);
    for (const c of trials) {
      expect(c.properties.status).toBe('Completed');
      expect(c.properties.parentJobName).toBe('grid');
      expect(c.properties.jobType).toBe('Command');
    }
    const best = trials.find((c) => c.properties.command.includes('--lr 0.1 '));
    expect(done.properties.properties.best_child_run_id).toBe(best?.name);
    expect(done.properties.properties.score).toBe('1');
    expect(done.properties.properties['amlkit.trials']).toBe('3');

    // run history lists the trials as child runs (what jobs.list({ parentJobName }) reads), paged
    const first = await body(await t.call(`/history/v1.0${WS_PATH}/runs/grid/children?$top=2`));
    expect(
      (first.value as Json[]).map((r: Json) => [String(r.runId), String(r.parentRunId)]),
    ).toEqual([
      ['grid_2', 'grid'],
      ['grid_1', 'grid'],
    ]);
    expect(typeof first.nextLink).toBe('string');
    const second = await body(await fetch(String(first.nextLink), { headers: t.auth }));
    expect((second.value as Json[]).map((r: Json) => String(r.runId))).toEqual(['grid_0']);
    expect(second.nextLink).toBeNull();
    const run = await body(await t.call(`/history/v1.0${WS_PATH}/runs/grid_0`));
    expect(run.parentRunId).toBe('grid');
  });

  it('stops the bad trials of a random sweep with a bandit policy', async () => {
    const searchSpace = { lr: ['choice', [[0.1, 0.9]]] };
    const seed = 3;
    const expected: unknown[] = [];
    const sampler = createSweepSampler(
      { samplingAlgorithmType: 'Random', seed },
      parseSearchSpace(searchSpace),
    );
    for (let i = 0; i < 4; i += 1) expected.push(sampler.next()?.lr);
    // the seed gives both a good and a bad learning rate
    expect(new Set(expected)).toEqual(new Set([0.1, 0.9]));

    await t.putJob(
      'bandit',
      sweep({
        samplingAlgorithm: { samplingAlgorithmType: 'Random', seed },
        searchSpace,
        inputs: {
          epochs: { jobInputType: 'literal', value: '30' },
          sleep: { jobInputType: 'literal', value: '0.3' },
        },
        limits: { jobLimitsType: 'Sweep', maxTotalTrials: 4, maxConcurrentTrials: 4 },
        earlyTermination: {
          policyType: 'Bandit',
          evaluationInterval: 1,
          delayEvaluation: 2,
          slackAmount: 0.2,
        },
      }),
    );
    const done = await t.waitForStatus('bandit', ['Completed', 'Failed', 'Canceled'], 140_000);
    expect(done.properties.status).toBe('Completed');
    const trials = await children(t, 'bandit');
    expect(trials).toHaveLength(4);
    for (const [i, lr] of expected.entries()) {
      const c = trials.find((x) => x.name === `bandit_${String(i)}`);
      expect(c?.properties.command).toContain(`--lr ${String(lr)} `);
      expect(c?.properties.status).toBe(lr === 0.9 ? 'Canceled' : 'Completed');
    }
    const best = String(done.properties.properties.best_child_run_id);
    expect(expected[Number(best.split('_')[1])]).toBe(0.1);
    expect(Number(done.properties.properties['amlkit.trialsStoppedEarly'])).toBe(
      expected.filter((lr) => lr === 0.9).length,
    );
  });

  it('fails a sweep whose search space cannot be read, saying where', async () => {
    await t.putJob(
      'bad-space',
      sweep({
        searchSpace: { lr: ['uniform', [1, 0]] },
        limits: { jobLimitsType: 'Sweep', maxTotalTrials: 2 },
      }),
    );
    const done = await t.waitForStatus('bad-space', ['Failed', 'Completed', 'Canceled']);
    expect(done.properties.status).toBe('Failed');
    const details = await body(await t.call(`/history/v1.0${WS_PATH}/runs/bad-space/details`));
    expect(details.error.error.message).toMatch(
      /properties\.searchSpace\.lr\[1\]: expected min_value ≤ max_value/,
    );
  });

  it('cancels the running trials when the sweep is canceled', async () => {
    await t.putJob(
      'cancel-sweep',
      sweep({
        searchSpace: { lr: ['choice', [[0.1, 0.2]]] },
        inputs: {
          epochs: { jobInputType: 'literal', value: '200' },
          sleep: { jobInputType: 'literal', value: '0.5' },
        },
        limits: { jobLimitsType: 'Sweep', maxTotalTrials: 2, maxConcurrentTrials: 2 },
      }),
    );
    for (;;) {
      const c = await children(t, 'cancel-sweep');
      if (c.length === 2 && c.every((x) => x.properties.status === 'Running')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const res = await t.call(`${WS_PATH}/jobs/cancel-sweep/cancel?${API}`, { method: 'POST' });
    expect(res.status).toBe(202);
    const done = await t.waitForStatus('cancel-sweep', ['Canceled', 'Completed', 'Failed'], 60_000);
    expect(done.properties.status).toBe('Canceled');
    for (const c of await children(t, 'cancel-sweep')) expect(c.properties.status).toBe('Canceled');
  });

  it('ends a sweep at limits.timeout: Canceled with JobTimeout, its trials canceled', async () => {
    await t.putJob(
      'slow-sweep',
      sweep({
        searchSpace: { lr: ['choice', [[0.1, 0.2]]] },
        inputs: {
          epochs: { jobInputType: 'literal', value: '200' },
          sleep: { jobInputType: 'literal', value: '0.5' },
        },
        limits: { jobLimitsType: 'Sweep', maxTotalTrials: 2, timeout: 'PT2S' },
      }),
    );
    const done = await t.waitForStatus('slow-sweep', ['Canceled', 'Completed', 'Failed'], 60_000);
    expect(done.properties.status).toBe('Canceled');
    const details = await body(await t.call(`/history/v1.0${WS_PATH}/runs/slow-sweep/details`));
    expect(details.error.error.code).toBe('JobTimeout');
    for (const c of await children(t, 'slow-sweep')) expect(c.properties.status).toBe('Canceled');
  });

  it('finishes a delete requested while the sweep runs', async () => {
    await t.putJob(
      'delete-sweep',
      sweep({
        searchSpace: { lr: ['choice', [[0.1]]] },
        inputs: {
          epochs: { jobInputType: 'literal', value: '200' },
          sleep: { jobInputType: 'literal', value: '0.5' },
        },
        limits: { jobLimitsType: 'Sweep', maxTotalTrials: 1 },
      }),
    );
    await t.waitForStatus('delete-sweep', ['Running']);
    const res = await t.call(`${WS_PATH}/jobs/delete-sweep?${API}`, { method: 'DELETE' });
    expect(res.status).toBe(202);
    const location = String(res.headers.get('location'));
    let status = 202;
    while (status === 202) {
      status = (await fetch(location, { headers: t.auth })).status;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
    expect((await t.call(`${WS_PATH}/jobs/delete-sweep?${API}`)).status).toBe(404);
  });
});
