import { describe, expect, it } from 'vitest';
import type { PipelineNode } from '../pipeline-node.js';
import { toComponentForm } from './to-component-form.js';

describe('toComponentForm', () => {
  it('does infer component input/output types from what the node binds', () => {
    const jobs: Record<string, PipelineNode> = {
      automl: { type: 'automl' },
      a: {
        type: 'command',
        command: 'run',
        environment: 'azureml:env:1',
        inputs: {
          lr: '${{parent.inputs.lr}}',
          data: '${{parent.inputs.data}}',
          best: '${{parent.jobs.automl.outputs.best_model}}',
          n: 3,
        },
        outputs: { out: '${{parent.outputs.report}}', scratch: null },
      },
    };
    toComponentForm({
      inputs: { lr: 0.1, data: { type: 'uri_file', path: './d.csv', mode: 'direct' } },
      outputs: { report: { type: 'uri_file', mode: 'rw_mount' } },
      jobs,
    });
    const a = jobs['a']!;
    expect(a['command']).toBeUndefined();
    expect(a['environment']).toBeUndefined();
    expect(a.component).toMatchObject({
      type: 'command',
      command: 'run',
      environment: 'azureml:env:1',
      inputs: {
        lr: { type: 'number' },
        data: { type: 'uri_file', mode: 'direct' },
        best: { type: 'mltable' },
        n: { type: 'integer', default: 3 },
      },
      outputs: { out: { type: 'uri_file', mode: 'rw_mount' }, scratch: { type: 'uri_folder' } },
    });
    expect(jobs['automl']!['name']).toBe('automl');
  });

  it('does give spark nodes the component defaults and a default identity', () => {
    const component = {
      type: 'spark',
      entry: { file: 'a.py' },
      args: '--x',
      conf: { 'spark.driver.cores': 1 },
    };
    const jobs: Record<string, PipelineNode> = {
      attached: { type: 'spark', component: component as never, compute: 'pool' },
      serverless: {
        type: 'spark',
        component: component as never,
        resources: { instanceType: 'standard_e4s_v3' },
      },
    };
    toComponentForm({ inputs: {}, outputs: {}, jobs });
    expect(jobs['attached']).toMatchObject({
      entry: { file: 'a.py' },
      args: '--x',
      identity: { type: 'managed_identity' },
    });
    expect(jobs['serverless']!['identity']).toEqual({ type: 'user_identity' });
  });

  it('does leave component-form and remote nodes alone', () => {
    const jobs: Record<string, PipelineNode> = {
      r: { type: 'command', component: 'azureml:t:1', inputs: { x: 1 } },
    };
    toComponentForm({ inputs: {}, outputs: {}, jobs });
    expect(jobs['r']).toEqual({ type: 'command', component: 'azureml:t:1', inputs: { x: 1 } });
  });
});
