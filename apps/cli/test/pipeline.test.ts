// End to end: the built CLI runs pipelines (and the sweep examples) against a real local service in a temp AMLKIT_HOME
// (started by the CLI on first use, stopped with `amlkit server stop`): the pipeline-3-steps
// example streams, shows its steps and downloads its report; a pipeline whose first step fails
// ends Failed and says why.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runBuiltCli, type CliRun } from './run-built-cli.js';

// Real processes on a shared machine: generous budgets (not timing assertions).
vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

const WORKSPACE_ENV = {
  AZUREML_ARM_SUBSCRIPTION: '',
  AZUREML_ARM_RESOURCEGROUP: '',
  AZUREML_ARM_WORKSPACE_NAME: '',
};
const PIPELINE = 'cli_pipeline_3_steps';
const FAILING = 'cli_pipeline_fails';
const WITH_SWEEP = 'cli_pipeline_sweep';

let home: string;
let scratch: string;

function amlkit(args: readonly string[], cwd?: string): Promise<CliRun> {
  return runBuiltCli(args, {
    ...(cwd === undefined ? {} : { cwd }),
    env: { ...WORKSPACE_ENV, AMLKIT_HOME: home },
  });
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'amlkit-cli-pipeline-'));
  scratch = await mkdtemp(join(tmpdir(), 'amlkit-cli-pipeline-scratch-'));
});

afterAll(async () => {
  const stop = await amlkit(['server', 'stop']);
  expect(stop.code).toBe(0);
  await rm(home, { recursive: true, force: true });
  await rm(scratch, { recursive: true, force: true });
});

describe('amlkit job create --stream of examples/pipeline-3-steps', () => {
  it('does run the three steps, show them as children and download the report', async () => {
    const run = await amlkit([
      'job',
      'create',
      '-f',
      'examples/pipeline-3-steps/pipeline.yml',
      '--stream',
      '-n',
      PIPELINE,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    for (const step of ['prep', 'train', 'score']) {
      expect(
        lines.some((line) => line.startsWith(`[${step}]`)),
        `a [${step}] line in:\n${run.stdout}`,
      ).toBe(true);
    }
    expect(lines).toContainEqual(
      expect.stringMatching(/^\[score\] +score: accuracy 1\.000 on 9 rows$/),
    );
    expect(run.stderr).toContain(`Job ${PIPELINE} ended Completed.\n`);
    // The pipeline's final status comes after its steps' last lines, right before the verdict.
    expect(
      run.stderr.endsWith(
        `status: Finalizing\nstatus: Completed\nJob ${PIPELINE} ended Completed.\n`,
      ),
    ).toBe(true);
    const stepEnds = ['prep', 'train', 'score'].map((step) =>
      run.stderr.search(new RegExp(`\\[${step}\\] *Completed`)),
    );
    expect(Math.min(...stepEnds)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...stepEnds)).toBeLessThan(run.stderr.indexOf('status: Completed'));
    expect(run.stderr).not.toContain('Error (');

    const tree = await amlkit(['job', 'show', '-n', PIPELINE, '--tree', '-o', 'json']);
    expect(tree.code, tree.stderr).toBe(0);
    const shown = JSON.parse(tree.stdout) as {
      type: string;
      status: string;
      children: { name: string; status: string; properties: Record<string, string> }[];
    };
    expect(shown.type).toBe('pipeline');
    expect(shown.status).toBe('Completed');
    expect(shown.children).toHaveLength(3);
    expect(shown.children.map((child) => child.properties['azureml.nodeid']).sort()).toEqual([
      'prep',
      'score',
      'train',
    ]);
    for (const child of shown.children) expect(child.status, child.name).toBe('Completed');

    const target = join(scratch, 'report');
    const download = await amlkit([
      'job',
      'download',
      '-n',
      PIPELINE,
      '--output-name',
      'report',
      '-p',
      target,
    ]);
    expect(download.code, download.stderr).toBe(0);
    const report = JSON.parse(
      await readFile(join(target, 'named-outputs', 'report', 'report.json'), 'utf8'),
    ) as unknown;
    expect(report).toEqual({ rows: 9, accuracy: 1 });
  });
});

describe('amlkit job create --stream of a failing pipeline', () => {
  it('does exit 5 and print why: the failed step, its last lines, the steps canceled and not run', async () => {
    const project = join(scratch, 'failing');
    await mkdir(project, { recursive: true });
    await writeFile(
      join(project, 'pipeline.yml'),
      [
        'type: pipeline',
        'display_name: failing-pipeline',
        'experiment_name: cli-pipeline-failure',
        'compute: local',
        'jobs:',
        '  a:',
        '    type: command',
        '    command: echo one; echo two; exit 3',
        '    environment: {image: library/python:latest}',
        '    outputs:',
        '      o:',
        '        type: uri_folder',
        '  b:',
        '    type: command',
        '    command: sleep 30',
        '    environment: {image: library/python:latest}',
        '  c:',
        '    type: command',
        '    command: ls ${{inputs.i}}',
        '    environment: {image: library/python:latest}',
        '    inputs:',
        '      i: ${{parent.jobs.a.outputs.o}}',
        '',
      ].join('\n'),
    );
    const run = await amlkit(
      ['job', 'create', '-f', 'pipeline.yml', '--stream', '-n', FAILING],
      project,
    );
    expect(run.code, run.stderr).toBe(5);
    expect(run.stdout).toContain('[a] one\n[a] two\n');
    expect(run.stderr).toContain(
      `Job ${FAILING} ended Failed.\nError (UserError): Step 'a' (job ${FAILING}_a) failed: Command exited with code 3.`,
    );
    expect(run.stderr).toContain('\n  one\n  two\n');
    expect(run.stderr).toContain('\n  Canceled after the failure: b\n');
    expect(run.stderr).toMatch(/\n {2}Not run: c\n$/);

    const wait = await amlkit(['job', 'wait', '-n', FAILING, '-o', 'json']);
    expect(wait.code).toBe(5);
    expect(wait.stderr).toContain(`Error (UserError): Step 'a' (job ${FAILING}_a) failed`);
    const printed = JSON.parse(wait.stdout) as {
      status: string;
      error?: { code: string; message: string };
    };
    expect(printed.status).toBe('Failed');
    expect(printed.error?.code).toBe('UserError');
    expect(printed.error?.message).toMatch(
      new RegExp(`^Step 'a' \\(job ${FAILING}_a\\) failed: [^]*\\nNot run: c$`),
    );
  });
});

describe('amlkit job create --stream of examples/pipeline-sweep', () => {
  it('does run the sweep step, feed its best trial to the next step and show the trials in the tree', async () => {
    const run = await amlkit([
      'job',
      'create',
      '-f',
      'examples/pipeline-sweep/pipeline.yml',
      '--stream',
      '-n',
      WITH_SWEEP,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\[report\] +lr 0\.1$/m);
    // The sweep step's trials are streamed too, labelled under the step.
    expect(run.stdout).toMatch(/^\[tune_1\] +epoch 2: accuracy 1\.0$/m);
    expect(run.stdout).toMatch(/^\[tune_2\] +epoch 0: accuracy 0\.2$/m);

    const tree = await amlkit(['job', 'show', '-n', WITH_SWEEP, '--tree']);
    expect(tree.code, tree.stderr).toBe(0);
    const lines = tree.stdout.split('\n');
    expect(lines[1]).toMatch(/^├─ tune +cli_pipeline_sweep_tune +Completed/);
    expect(lines.slice(2, 5).join('\n')).toMatch(
      /^│ {2}├─ cli_pipeline_sweep_tune_0 .*lr=0\.01\n│ {2}├─ cli_pipeline_sweep_tune_1 .*lr=0\.1 .*\(best\)\n│ {2}└─ cli_pipeline_sweep_tune_2 .*lr=0\.5$/,
    );
    expect(lines[5]).toMatch(/^└─ report +cli_pipeline_sweep_report +Completed/);

    const json = await amlkit(['job', 'show', '-n', WITH_SWEEP, '--tree', '-o', 'json']);
    const shown = JSON.parse(json.stdout) as { children: { name: string; children?: unknown[] }[] };
    expect(shown.children.map((c) => [c.name, c.children?.length])).toEqual([
      [`${WITH_SWEEP}_tune`, 3],
      [`${WITH_SWEEP}_report`, undefined],
    ]);
  });
});

describe('amlkit job create --stream of the sweep examples', () => {
  it('does end examples/sweep-grid with the right best trial, and examples/sweep.yml Completed', async () => {
    const grid = await amlkit([
      'job',
      'create',
      '-f',
      'examples/sweep-grid/sweep.yml',
      '--stream',
      '-n',
      'cli_sweep_grid',
    ]);
    expect(grid.code, grid.stderr).toBe(0);
    expect(grid.stdout).toMatch(/^\[cli_sweep_grid_1\] epoch 2: accuracy 1\.0$/m);
    const shown = await amlkit([
      'job',
      'show',
      '-n',
      'cli_sweep_grid',
      '-o',
      'tsv',
      '--query',
      '[properties.best_child_run_id, properties.score]',
    ]);
    expect(shown.stdout.trim().split('\n')).toEqual(['cli_sweep_grid_1', '1']);
    const random = await amlkit([
      'job',
      'create',
      '-f',
      'examples/sweep.yml',
      '--stream',
      '-n',
      'cli_sweep_random',
    ]);
    expect(random.code, random.stderr).toBe(0);
  });
});
