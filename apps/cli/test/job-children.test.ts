// End to end: the built CLI on a sweep whose trials echo lines, against a real local service in a
// temp AMLKIT_HOME (started by the CLI on first use, stopped with `amlkit server stop`):
// `job stream` prefixes each trial's lines with its label, `job show --tree` lists the trials.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runBuiltCli, type CliRun } from './run-built-cli.js';

// Real processes on a shared machine: generous budgets (not timing assertions).
vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

const WORKSPACE_ENV = {
  AZUREML_ARM_SUBSCRIPTION: '',
  AZUREML_ARM_RESOURCEGROUP: '',
  AZUREML_ARM_WORKSPACE_NAME: '',
};
const SWEEP = 'cli_children_sweep';

let home: string;
let project: string;

function amlkit(args: readonly string[]): Promise<CliRun> {
  return runBuiltCli(args, { cwd: project, env: { ...WORKSPACE_ENV, AMLKIT_HOME: home } });
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'amlkit-cli-children-'));
  project = await mkdtemp(join(tmpdir(), 'amlkit-cli-children-project-'));
  await writeFile(
    join(project, 'sweep.yml'),
    [
      'type: sweep',
      'display_name: echo-sweep',
      'experiment_name: cli-children',
      'trial:',
      '  command: >-',
      '    echo "lr ${{search_space.lr}} epoch 1" && sleep 0.2 && echo "lr ${{search_space.lr}} epoch 2"',
      '  environment:',
      '    image: library/python:latest',
      'compute: local',
      'sampling_algorithm: grid',
      'search_space:',
      '  lr:',
      '    type: choice',
      '    values: [0.1, 0.5]',
      'objective:',
      '  goal: maximize',
      '  primary_metric: accuracy',
      'limits:',
      '  max_total_trials: 2',
      '  max_concurrent_trials: 2',
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  const stop = await amlkit(['server', 'stop']);
  expect(stop.code).toBe(0);
  await rm(home, { recursive: true, force: true });
  await rm(project, { recursive: true, force: true });
});

describe('amlkit job stream / job show --tree of a sweep', () => {
  it('does stream each trial with its label, and show the trials as a tree', async () => {
    const created = await amlkit(['job', 'create', '-f', 'sweep.yml', '-n', SWEEP, '-o', 'none']);
    expect(created.code, created.stderr).toBe(0);

    const streamed = await amlkit(['job', 'stream', '-n', SWEEP]);
    expect(streamed.code, streamed.stderr).toBe(0);
    const lines = streamed.stdout.split('\n');
    // Labels padded to the widest trial name the limits allow (both are as wide here).
    for (const [trial, lr] of [
      [`${SWEEP}_0`, '0.1'],
      [`${SWEEP}_1`, '0.5'],
    ] as const) {
      const own = lines.filter((line) => line.startsWith(`[${trial}] `));
      expect(own).toEqual([`[${trial}] lr ${lr} epoch 1`, `[${trial}] lr ${lr} epoch 2`]);
      expect(streamed.stderr).toContain(`[${trial}] Completed\n`);
    }
    expect(streamed.stderr).toContain(`Job ${SWEEP} ended Completed.`);

    const parentOnly = await amlkit(['job', 'stream', '-n', SWEEP, '--no-children']);
    expect(parentOnly.code, parentOnly.stderr).toBe(0);
    expect(parentOnly.stdout).not.toContain(`[${SWEEP}_`);
    expect(parentOnly.stderr).not.toContain(`[${SWEEP}_`);

    const json = await amlkit(['job', 'show', '-n', SWEEP, '--tree', '-o', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const shown = JSON.parse(json.stdout) as {
      name: string;
      type: string;
      children: { name: string; status: string; properties: Record<string, string> }[];
    };
    expect(shown.name).toBe(SWEEP);
    expect(shown.type).toBe('sweep');
    expect(shown.children.map((c) => [c.name, c.status])).toEqual([
      [`${SWEEP}_0`, 'Completed'],
      [`${SWEEP}_1`, 'Completed'],
    ]);
    expect(shown.children[0]?.properties['azureml.hyperparameters']).toBe('{"lr":0.1}');

    const tree = await amlkit(['job', 'show', '-n', SWEEP, '--tree']);
    expect(tree.code, tree.stderr).toBe(0);
    expect(tree.stdout.split('\n').slice(0, 3)).toEqual([
      expect.stringMatching(new RegExp(`^${SWEEP}  \\(sweep\\)  Completed`)) as unknown,
      expect.stringMatching(new RegExp(`^├─ ${SWEEP}_0  Completed .*lr=0\\.1$`)) as unknown,
      expect.stringMatching(new RegExp(`^└─ ${SWEEP}_1  Completed .*lr=0\\.5$`)) as unknown,
    ]);

    // Without --tree: -o json is the YAML-shaped dict, unchanged (no children key).
    const plain = await amlkit(['job', 'show', '-n', SWEEP, '-o', 'json']);
    expect(plain.code, plain.stderr).toBe(0);
    const dict = JSON.parse(plain.stdout) as Record<string, unknown>;
    expect(dict).not.toHaveProperty('children');
    expect(dict.properties).toMatchObject({ 'amlkit.primaryMetric': 'accuracy' });
    const table = await amlkit(['job', 'show', '-n', SWEEP, '-o', 'table']);
    expect(table.stdout.split('\n')[0]).toMatch(/Best trial\s+Primary metric\s+Best value$/);
  });
});
