// `@amlkit/client` jobs.stream(name, { children: true }) against a real @amlkit/local service
// (real HTTP on loopback, real SQLite, real trial processes). It lives here because the client
// cannot depend on @amlkit/local (local depends on client); the CLI depends on both.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalClient, isRequestAbortedError } from '@amlkit/client';
import type { AmlClient, ChildJobTransition, ChildLogChunk } from '@amlkit/client';
import { nodeFileSystem } from '@amlkit/client/node';
import { loadJob } from '@amlkit/core';
import type { Job } from '@amlkit/core';
import { startLocalService } from '@amlkit/local';
import type { LocalService } from '@amlkit/local';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Real processes on a shared machine: generous budgets (not timing assertions).
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let root: string;
let service: LocalService;
let client: AmlClient;

/** A grid sweep over `values` whose trials echo two lines `sleepSeconds` apart. */
function echoSweep(name: string, values: readonly number[], sleepSeconds: number): Promise<Job> {
  return loadJob({
    basePath: root,
    text: [
      'type: sweep',
      `name: ${name}`,
      'experiment_name: stream-children',
      'trial:',
      `  command: echo "lr \${{search_space.lr}} epoch 1" && sleep ${String(sleepSeconds)} && echo "lr \${{search_space.lr}} epoch 2"`,
      '  environment: azureml:local-env:1',
      'compute: local',
      'sampling_algorithm: grid',
      'search_space:',
      '  lr:',
      '    type: choice',
      `    values: [${values.join(', ')}]`,
      'objective:',
      '  goal: maximize',
      '  primary_metric: accuracy',
      'limits:',
      `  max_total_trials: ${String(values.length)}`,
      `  max_concurrent_trials: ${String(values.length)}`,
    ].join('\n'),
  });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'amlkit-stream-children-'));
  service = await startLocalService({ home: join(root, 'home'), cancelGraceMs: 500 });
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

describe('jobs.stream with children on the local service', () => {
  it('does stream every trial of a sweep, labelled, and resolve with each final status', async () => {
    await client.jobs.create(await echoSweep('sc_grid', [0.1, 0.5], 0.2));
    const logs: ChildLogChunk[] = [];
    const transitions: ChildJobTransition[] = [];
    const parentStatuses: string[] = [];
    const result = await client.jobs.stream('sc_grid', {
      children: true,
      timeoutMs: 50_000,
      onStatus: (t) => parentStatuses.push(t.to),
      onChildLog: (chunk) => logs.push(chunk),
      onChildStatus: (t) => transitions.push(t),
    });
    expect(result.status).toBe('Completed');
    expect(parentStatuses.at(-1)).toBe('Completed');
    expect(result.children?.map((c) => [c.name, c.label, c.status])).toEqual([
      ['sc_grid_0', 'sc_grid_0', 'Completed'],
      ['sc_grid_1', 'sc_grid_1', 'Completed'],
    ]);
    const textOf = (name: string): string =>
      logs
        .filter((c) => c.child.name === name)
        .map((c) => c.text)
        .join('');
    // Grid order is the values' order; each trial's own lines, complete and in order.
    expect(textOf('sc_grid_0')).toContain('lr 0.1 epoch 1\nlr 0.1 epoch 2\n');
    expect(textOf('sc_grid_1')).toContain('lr 0.5 epoch 1\nlr 0.5 epoch 2\n');
    for (const name of ['sc_grid_0', 'sc_grid_1']) {
      const seen = transitions.filter((t) => t.child.name === name).map((t) => t.to);
      expect(seen.at(-1)).toBe('Completed');
      expect(seen).toContain('Running');
    }
  });

  it('does stop every stream when the caller aborts, leaving the jobs running', async () => {
    await client.jobs.create(await echoSweep('sc_abort', [1, 2], 30));
    const controller = new AbortController();
    const error: unknown = await client.jobs
      .stream('sc_abort', {
        children: true,
        signal: controller.signal,
        onChildLog: () => {
          controller.abort(new Error('Ctrl-C'));
        },
      })
      .catch((e: unknown) => e);
    expect(isRequestAbortedError(error)).toBe(true);
    expect((await client.jobs.get('sc_abort')).status).not.toBe('Completed');
    await client.jobs.cancel('sc_abort', { timeoutMs: 20_000 });
  });
});
