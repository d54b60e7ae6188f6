import { describe, expect, it } from 'vitest';
import { createColors } from './colors.js';
import {
  childColumns,
  childTreeLine,
  hyperparametersText,
  renderJobTree,
  SWEEP_SUMMARY_COLUMNS,
  sweepSummary,
  treeDuration,
} from './job-tree.js';
import { renderTable } from './render-output.js';

const plain = createColors(false);

function created(startSeconds: number, endSeconds: number): Record<string, string> {
  const at = (s: number): string => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
  return { created_at: at(startSeconds), last_modified_at: at(endSeconds) };
}

const sweep = {
  name: 'sw',
  type: 'sweep',
  status: 'Completed',
  objective: { goal: 'maximize', primary_metric: 'accuracy' },
  limits: { max_total_trials: 3 },
  creation_context: created(0, 30),
  properties: {
    best_child_run_id: 'sw_1',
    score: '0.9',
    'amlkit.primaryMetric': 'accuracy',
  },
};

function trial(n: number, status: string, lr: number): Record<string, unknown> {
  return {
    name: `sw_${String(n)}`,
    display_name: `sw_${String(n)}`,
    type: 'command',
    status,
    creation_context: created(n, n + 4),
    properties: {
      'azureml.parentJobName': 'sw',
      'azureml.hyperparameters': JSON.stringify({ lr }),
    },
  };
}

describe('sweepSummary', () => {
  it('does read the best trial, the primary metric and its best value', () => {
    expect(sweepSummary(sweep)).toEqual({
      primaryMetric: 'accuracy',
      bestTrial: 'sw_1',
      bestValue: '0.9',
    });
    expect(sweepSummary({ type: 'command' })).toBeUndefined();
    expect(sweepSummary({ type: 'sweep', properties: { 'amlkit.primaryMetric': 'loss' } })).toEqual(
      { primaryMetric: 'loss', bestTrial: undefined, bestValue: undefined },
    );
  });

  it('does add them to the table of job show', () => {
    const table = renderTable(sweep, SWEEP_SUMMARY_COLUMNS);
    expect(table.split('\n')[0]).toMatch(/^Best trial\s+Primary metric\s+Best value$/);
    expect(table).toMatch(/sw_1\s+accuracy\s+0\.9/);
  });
});

describe('hyperparametersText', () => {
  it('does write key=value pairs, or the raw text when it is not a JSON object', () => {
    expect(
      hyperparametersText({
        properties: { 'azureml.hyperparameters': '{"lr":0.1,"optimizer":"sgd"}' },
      }),
    ).toBe('lr=0.1 optimizer=sgd');
    expect(hyperparametersText({ properties: { 'azureml.hyperparameters': 'lr=1' } })).toBe('lr=1');
    expect(hyperparametersText({ properties: {} })).toBe('');
  });
});

describe('childTreeLine', () => {
  it("does give the best trial the sweep's score and a trial's own metric when it carries one", () => {
    expect(childTreeLine(sweep, trial(1, 'Completed', 0.1))).toMatchObject({
      label: 'sw_1',
      best: true,
      metric: 'accuracy=0.9',
      hyperparameters: 'lr=0.1',
      duration: '4.0s',
    });
    const own = trial(0, 'Completed', 0.01);
    (own.properties as Record<string, string>).accuracy = '0.5';
    expect(childTreeLine(sweep, own)).toMatchObject({ best: false, metric: 'accuracy=0.5' });
    expect(childTreeLine(sweep, trial(2, 'Failed', 0.5)).metric).toBe('');
  });
});

describe('renderJobTree', () => {
  it('does print a sweep with its best trial and one aligned line per trial', () => {
    const text = renderJobTree(
      sweep,
      [trial(0, 'Completed', 0.01), trial(1, 'Completed', 0.1), trial(2, 'Failed', 0.5)],
      { colors: plain },
    );
    expect(text).toBe(
      [
        'sw  (sweep)  Completed  30.0s',
        'best trial: sw_1  accuracy=0.9',
        '├─ sw_0  Completed  4.0s  lr=0.01',
        '├─ sw_1  Completed  4.0s  lr=0.1   accuracy=0.9  (best)',
        '└─ sw_2  Failed     4.0s  lr=0.5',
        '',
      ].join('\n'),
    );
  });

  it('does print the step label and the name of pipeline steps, and say when there are none', () => {
    const pipeline = { name: 'pl', type: 'pipeline', status: 'Running' };
    const step = (label: string, name: string, status: string): Record<string, unknown> => ({
      name,
      display_name: label,
      status,
      properties: { 'azureml.nodeid': label },
    });
    expect(
      renderJobTree(
        pipeline,
        [step('prep', 'pl_prep', 'Completed'), step('train', 'pl_t', 'Running')],
        {
          colors: plain,
        },
      ),
    ).toBe(
      [
        'pl  (pipeline)  Running',
        '├─ prep   pl_prep  Completed',
        '└─ train  pl_t     Running',
        '',
      ].join('\n'),
    );
    expect(renderJobTree(pipeline, [], { colors: plain })).toBe(
      'pl  (pipeline)  Running\n└─ (no child jobs)\n',
    );
  });

  it("does draw a sweep step's trials under it, with the sweep's best trial marked", () => {
    const pipeline = { name: 'pl', type: 'pipeline', status: 'Completed' };
    const tune = {
      ...sweep,
      name: 'pl_tune',
      properties: { ...sweep.properties, 'azureml.nodeid': 'tune', best_child_run_id: 'sw_1' },
    };
    const report = {
      name: 'pl_report',
      type: 'command',
      status: 'Completed',
      properties: { 'azureml.nodeid': 'report' },
    };
    const text = renderJobTree(pipeline, [tune, report], {
      colors: plain,
      childrenOf: (row) =>
        row.name === 'pl_tune' ? [trial(0, 'Completed', 0.01), trial(1, 'Completed', 0.1)] : [],
    });
    const lines = text.split('\n');
    expect(lines[1]).toMatch(/^├─ tune {4}pl_tune {4}Completed/);
    expect(lines[2]).toMatch(/^│ {2}├─ sw_0 +Completed +\S+ +lr=0\.01$/);
    expect(lines[3]).toMatch(/^│ {2}└─ sw_1 +Completed +\S+ +lr=0\.1 +accuracy=0\.9 +\(best\)$/);
    expect(lines[4]).toMatch(/^└─ report +pl_report +Completed/);
    expect(lines).toHaveLength(6);
  });

  it('does colour statuses only when colours are on', () => {
    const text = renderJobTree(sweep, [trial(2, 'Failed', 0.5)], { colors: createColors(true) });
    expect(text).toContain('\u001B[31mFailed\u001B[39m');
    expect(renderJobTree(sweep, [trial(2, 'Failed', 0.5)], { colors: plain })).not.toContain(
      '\u001B[',
    );
  });
});

describe('treeDuration', () => {
  it('does leave out a duration the service never moved past the creation', () => {
    expect(treeDuration({ status: 'Completed', creation_context: created(0, 3) })).toBe('3.0s');
    expect(treeDuration({ status: 'Completed', creation_context: created(5, 5) })).toBe('');
    expect(treeDuration({ status: 'Running', creation_context: created(0, 3) })).toBe('');
  });
});

describe('childColumns', () => {
  it('does give one table row per child with its step, status and metric', () => {
    const table = renderTable([trial(1, 'Completed', 0.1)], childColumns(sweep));
    expect(table.split('\n')[0]).toMatch(
      /^Step\s+Name\s+Status\s+Duration\s+Hyperparameters\s+Metric$/,
    );
    expect(table).toMatch(/sw_1\s+sw_1\s+Completed\s+4\.0s\s+lr=0\.1\s+accuracy=0\.9/);
  });
});
