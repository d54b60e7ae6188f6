/**
 * Pipeline jobs on the real local service, submitted the way `amlkit job create -f` submits
 * them (YAML → `@amlkit/client` → anonymous components registered → pipeline PUT): steps run as
 * child jobs, folders pass between them, failures and cancels follow the documented rule.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createLocalClient } from '@amlkit/client';
import type { AmlClient } from '@amlkit/client';
import { nodeFileSystem } from '@amlkit/client/node';
import { loadJob } from '@amlkit/core';
import type { Job } from '@amlkit/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { startLocalService } from '../../src/index.js';
import type { LocalService } from '../../src/index.js';
import { API, SUB } from '../helpers.js';

// Real processes on a shared machine: generous per-test budgets (not timing assertions).
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const EXAMPLE = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'pipeline-3-steps');
const SWEEP_CODE = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'sweep-grid');
const HISTORY = `/history/v1.0/subscriptions/${SUB}/resourceGroups/local/providers/Microsoft.MachineLearningServices/workspaces/local/runs`;

let root: string;
let service: LocalService;
let client: AmlClient;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'amlkit-pipeline-'));
  service = await startLocalService({
    home: join(root, 'home'),
    cancelGraceMs: 500,
    concurrency: 4,
  });
  client = createLocalClient({
    url: service.url,
    token: service.token,
    fileSystem: nodeFileSystem,
  });
});

afterAll(async () => {
  await service.close();
  await rm(root, { recursive: true, force: true });
});

/** A pipeline loaded from YAML lines (three-space-free inline steps), as the CLI loads it. */
function pipeline(name: string, lines: readonly string[]): Promise<Job> {
  return loadJob({
    basePath: root,
    text: [
      'type: pipeline',
      'compute: local',
      'experiment_name: pipelines',
      `name: ${name}`,
      ...lines,
    ].join('\n'),
  });
}

/** An inline command step. */
function step(name: string, command: string, more: readonly string[] = []): string[] {
  return [
    `  ${name}:`,
    '    type: command',
    `    command: ${JSON.stringify(command)}`,
    '    environment: azureml:local-env:1',
    ...more.map((l) => `    ${l}`),
  ];
}

async function children(parent: string): Promise<Map<string, Job>> {
  const out = new Map<string, Job>();
  for await (const child of client.jobs.list({ parentJobName: parent })) {
    out.set(String(child.properties?.['azureml.nodeid']), child);
  }
  return out;
}

async function runError(name: string): Promise<{ code: string; message: string } | undefined> {
  const res = await fetch(`${service.url}${HISTORY}/${name}/details?${API}`, {
    headers: { Authorization: `Bearer ${service.token}` },
  });
  const details = (await res.json()) as { error?: { error?: { code: string; message: string } } };
  return details.error?.error;
}

async function userLog(name: string): Promise<string> {
  let text = '';
  await client.jobs.stream(name, { onLog: (chunk) => void (text += chunk.text) });
  return text;
}

describe('pipeline jobs on the local service', () => {
  it('runs the three-step example: each step a child job, folders passed between them, the report promoted', async () => {
    const job = await loadJob(join(EXAMPLE, 'pipeline.yml'), { overrides: ['name=three-steps'] });
    const created = await client.jobs.create(job);
    expect(created.type).toBe('pipeline');
    const done = await client.jobs.wait('three-steps', { timeoutMs: 100_000, pollIntervalMs: 100 });
    expect(done.status).toBe('Completed');

    const steps = await children('three-steps');
    expect([...steps.keys()].sort()).toEqual(['prep', 'score', 'train']);
    for (const [name, child] of steps) {
      expect(child.name).toBe(`three-steps_${name}`);
      expect(child.status).toBe('Completed');
      expect(child.properties?.['azureml.parentJobName']).toBe('three-steps');
    }
    // train read the folder prep wrote; score read train's model and prep's data.
    expect(await userLog('three-steps_train')).toContain('train: wrote 3 centroids');
    expect(await userLog('three-steps_score')).toContain('score: accuracy 1.000 on 9 rows');

    const destination = join(root, 'report');
    const files = await client.jobs.download('three-steps', { destination, outputName: 'report' });
    expect(files.map((f) => f.path)).toEqual(['report.json']);
    expect(JSON.parse(await readFile(files[0]!.destination, 'utf8'))).toEqual({
      rows: 9,
      accuracy: 1,
    });
  });

  it('stops at a failed step: the independent running step is canceled, downstream never runs, the error names the step with its log', async () => {
    await client.jobs.create(
      await pipeline('fail-stop', [
        'jobs:',
        ...step('a', 'echo first-line; echo last-line; exit 3', [
          'outputs:',
          '  o: {type: uri_folder}',
        ]),
        ...step('b', 'sleep 30'),
        ...step('c', 'ls ${{inputs.i}}', ['inputs:', '  i: ${{parent.jobs.a.outputs.o}}']),
      ]),
    );
    const done = await client.jobs.wait('fail-stop', { timeoutMs: 100_000, pollIntervalMs: 100 });
    expect(done.status).toBe('Failed');
    const steps = await children('fail-stop');
    expect(steps.get('a')?.status).toBe('Failed');
    expect(steps.get('b')?.status).toBe('Canceled');
    expect(steps.has('c')).toBe(false);
    const error = await runError('fail-stop');
    expect(error?.message).toMatch(/^Step 'a' \(job fail-stop_a\) failed: /);
    expect(error?.message).toContain('last-line');
    expect(error?.message).toContain('Canceled after the failure: b');
    expect(error?.message).toContain('Not run: c');
  });

  it('with continue_on_step_failure keeps independent branches running, and still ends Failed', async () => {
    await client.jobs.create(
      await pipeline('fail-continue', [
        'settings:',
        '  continue_on_step_failure: true',
        'jobs:',
        ...step('a', 'exit 4', ['outputs:', '  o: {type: uri_folder}']),
        ...step('b', 'sleep 1; echo b-done'),
        ...step('c', 'ls ${{inputs.i}}', ['inputs:', '  i: ${{parent.jobs.a.outputs.o}}']),
      ]),
    );
    const done = await client.jobs.wait('fail-continue', {
      timeoutMs: 100_000,
      pollIntervalMs: 100,
    });
    expect(done.status).toBe('Failed');
    const steps = await children('fail-continue');
    expect(steps.get('a')?.status).toBe('Failed');
    expect(steps.get('b')?.status).toBe('Completed');
    expect(steps.has('c')).toBe(false);
    expect((await runError('fail-continue'))?.message).toMatch(
      /^Step 'a' .* failed: [\s\S]*Not run: c$/,
    );
  });

  it('cancels a running pipeline: its running step is canceled and the next never starts', async () => {
    await client.jobs.create(
      await pipeline('cancel-me', [
        'jobs:',
        ...step('slow', 'echo started; sleep 60', ['outputs:', '  o: {type: uri_folder}']),
        ...step('after', 'ls ${{inputs.i}}', ['inputs:', '  i: ${{parent.jobs.slow.outputs.o}}']),
      ]),
    );
    for (let i = 0; i < 600; i += 1) {
      if ((await children('cancel-me')).get('slow')?.status === 'Running') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await client.jobs.cancel('cancel-me', { timeoutMs: 30_000 });
    const done = await client.jobs.wait('cancel-me', { timeoutMs: 60_000, pollIntervalMs: 100 });
    expect(done.status).toBe('Canceled');
    const steps = await children('cancel-me');
    expect(steps.get('slow')?.status).toBe('Canceled');
    expect(steps.has('after')).toBe(false);
  });

  it('runs a sweep step whose trials take the search space as inputs, and feeds the output of its best trial to the next step', async () => {
    await writeFile(
      join(root, 'trial.yml'),
      [
        'type: command',
        `code: ${SWEEP_CODE}`,
        'environment: azureml:local-env:1',
        'command: python3 train.py --lr ${{inputs.lr}} --epochs 2 && echo "lr=${{inputs.lr}}" > ${{outputs.model}}/lr.txt',
        'inputs:',
        '  lr: {type: number}',
        'outputs:',
        '  model: {type: uri_folder}',
      ].join('\n'),
    );
    await client.jobs.create(
      await pipeline('with-sweep', [
        'jobs:',
        '  tune:',
        '    type: sweep',
        '    trial: ./trial.yml',
        '    sampling_algorithm: grid',
        '    search_space: {lr: {type: choice, values: [0.01, 0.1, 0.5]}}',
        '    objective: {goal: maximize, primary_metric: accuracy}',
        '    limits: {max_total_trials: 3, max_concurrent_trials: 2}',
        '    outputs:',
        '      model:',
        ...step('use', 'cat ${{inputs.m}}/lr.txt', [
          'inputs:',
          '  m: ${{parent.jobs.tune.outputs.model}}',
        ]),
      ]),
    );
    const done = await client.jobs.wait('with-sweep', { timeoutMs: 100_000, pollIntervalMs: 100 });
    expect(done.status).toBe('Completed');
    const steps = await children('with-sweep');
    const tune = steps.get('tune');
    expect(tune?.type).toBe('sweep');
    expect(tune?.properties?.best_child_run_id).toBe('with-sweep_tune_1');
    expect(await userLog('with-sweep_use')).toContain('lr=0.1\n');
  });

  it('fails before any step runs when a step cannot run locally, saying which and why', async () => {
    const headers = {
      Authorization: `Bearer ${service.token}`,
      'Content-Type': 'application/json',
    };
    const ws = `/subscriptions/${SUB}/resourceGroups/local/providers/Microsoft.MachineLearningServices/workspaces/local`;
    const component = `${ws}/components/azureml_anonymous/versions/parallel-1`;
    await fetch(`${service.url}${component}?${API}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ properties: { componentSpec: { type: 'parallel', task: {} } } }),
    });
    const res = await fetch(`${service.url}${ws}/jobs/unsupported?${API}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({
        properties: {
          jobType: 'Pipeline',
          jobs: {
            ok: { type: 'command', componentId: component },
            batch: { type: 'parallel', componentId: component },
          },
        },
      }),
    });
    expect(res.status).toBe(201);
    const done = await client.jobs.wait('unsupported', { timeoutMs: 60_000, pollIntervalMs: 100 });
    expect(done.status).toBe('Failed');
    expect((await children('unsupported')).size).toBe(0);
    expect((await runError('unsupported'))?.message).toBe(
      'properties.jobs.batch: is a parallel step: the local backend runs command and sweep steps (of command components) only',
    );
  });

  it('refuses at submission a step whose registered component this service does not have', async () => {
    const job = await pipeline('unknown-component', [
      'jobs:',
      '  ref:',
      '    type: command',
      '    component: azureml:never_registered:1',
    ]);
    await expect(client.jobs.create(job)).rejects.toThrow(/never_registered:1/);
  });
});
