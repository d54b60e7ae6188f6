import { describe, expect, it } from 'vitest';

import { isLocalServiceError } from '../local-service-error.js';
import { planPipeline } from './plan-pipeline.js';
import { stepJobProperties } from './step-job-properties.js';

const CODE =
  '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/codes/abc/versions/1';

const pipeline = {
  jobType: 'Pipeline',
  experimentName: 'exp',
  inputs: {
    data: {
      jobInputType: 'uri_folder',
      uri: 'azureml://datastores/d/paths/LocalUpload/x/data/',
      mode: 'ReadOnlyMount',
    },
    rate: { jobInputType: 'literal', value: '0.5' },
  },
  jobs: {
    prep: {
      type: 'command',
      componentId: 'c1',
      outputs: { out: { job_output_type: 'uri_folder' } },
    },
    train: {
      type: 'command',
      componentId: 'c2',
      display_name: 'Train it',
      environment_variables: { A: '1' },
      resources: { instance_count: 2 },
      distribution: { distribution_type: 'PyTorch', process_count_per_instance: 1 },
      limits: { job_limits_type: 'Command', timeout: 'PT30S' },
      tags: { t: 'v' },
      inputs: {
        data: { job_input_type: 'literal', value: '${{parent.inputs.data}}' },
        rate: { job_input_type: 'literal', value: '${{parent.inputs.rate}}' },
        folder: {
          job_input_type: 'literal',
          value: '${{parent.jobs.prep.outputs.out}}',
          mode: 'download',
        },
        epochs: { job_input_type: 'literal', value: '3' },
      },
      outputs: { model: { value: '${{parent.outputs.model}}' } },
    },
  },
};

const trainSpec = {
  type: 'command',
  command: 'python train.py ${{inputs.folder}}',
  code: `azureml:${CODE}`,
  environment: 'azureml:AzureML-sklearn:1',
  environment_variables: { A: '0', B: '2' },
  inputs: {
    data: { type: 'uri_folder' },
    rate: { type: 'number' },
    folder: { type: 'uri_folder' },
    epochs: { type: 'integer', default: 1 },
    seed: { type: 'integer', default: 42 },
    optional: { type: 'string', optional: true },
  },
  outputs: { model: { type: 'uri_folder' }, logs: { type: 'uri_file' } },
};

describe('stepJobProperties', () => {
  const plan = planPipeline(pipeline);
  const train = plan.steps.find((s) => s.name === 'train')!;

  it('builds the command child job of a step: bindings, defaults, outputs, node settings and the step tags', () => {
    const props = stepJobProperties({
      pipelineName: 'p1',
      pipeline,
      step: train,
      spec: trainSpec,
      childNameOf: (step) => `p1_${step}`,
    });
    expect(props).toEqual({
      jobType: 'Command',
      displayName: 'Train it',
      experimentName: 'exp',
      parentJobName: 'p1',
      command: 'python train.py ${{inputs.folder}}',
      codeId: CODE,
      environmentId: 'azureml:AzureML-sklearn:1',
      environmentVariables: { A: '1', B: '2' },
      inputs: {
        data: {
          jobInputType: 'uri_folder',
          uri: 'azureml://datastores/d/paths/LocalUpload/x/data/',
          mode: 'ReadOnlyMount',
        },
        rate: { jobInputType: 'literal', value: '0.5' },
        folder: {
          jobInputType: 'uri_folder',
          uri: 'azureml://jobs/p1_prep/outputs/out',
          mode: 'download',
        },
        epochs: { jobInputType: 'literal', value: '3' },
        seed: { jobInputType: 'literal', value: '42' },
      },
      outputs: { model: { jobOutputType: 'uri_folder' }, logs: { jobOutputType: 'uri_file' } },
      resources: { instanceCount: 2 },
      distribution: { distributionType: 'PyTorch', processCountPerInstance: 1 },
      limits: { jobLimitsType: 'Command', timeout: 'PT30S' },
      properties: { 'azureml.parentJobName': 'p1', 'azureml.nodeid': 'train' },
      tags: { t: 'v' },
    });
  });

  it('refuses a step that is not a command, or a component without a command', () => {
    const call = (spec: Record<string, unknown>) => () =>
      stepJobProperties({ pipelineName: 'p1', pipeline, step: train, spec, childNameOf: (s) => s });
    expect(call({ type: 'parallel', command: 'x' })).toThrow(
      'properties.jobs.train: is a command step of a parallel component: the local backend runs command and sweep steps (of command components) only',
    );
    try {
      call({ type: 'command' })();
      expect.unreachable();
    } catch (error) {
      expect(isLocalServiceError(error) && error.code).toBe('InvalidPipeline');
      expect(String(error)).toContain('its component has no command');
    }
  });
});
