import { describe, expect, it } from 'vitest';

import { isLocalServiceError } from '../local-service-error.js';
import { planPipeline } from './plan-pipeline.js';

const C =
  '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/components/azureml_anonymous/versions/';

/** The shape of the conformance golden 1a_e2e_local_components (trimmed). */
const body = {
  jobType: 'Pipeline',
  inputs: {
    pipeline_job_training_learning_rate: { jobInputType: 'literal', value: '1.8' },
  },
  outputs: { pipeline_job_trained_model: { jobOutputType: 'uri_folder', mode: 'Upload' } },
  settings: { _source: 'YAML.JOB' },
  jobs: {
    evaluate_job: {
      componentId: `${C}e`,
      inputs: {
        scoring_result: {
          job_input_type: 'literal',
          value: '${{parent.jobs.score_job.outputs.score_output}}',
        },
      },
      outputs: { eval_output: { job_output_type: 'uri_folder', mode: 'Upload' } },
      type: 'command',
    },
    score_job: {
      componentId: `${C}s`,
      inputs: {
        model_input: {
          job_input_type: 'literal',
          value: '${{parent.jobs.train_job.outputs.model_output}}',
        },
        test_data: {
          job_input_type: 'uri_folder',
          uri: 'azureml://datastores/workspaceblobstore/paths/LocalUpload/3a6e/data/',
        },
      },
      outputs: { score_output: { job_output_type: 'uri_folder', mode: 'Upload' } },
      type: 'command',
    },
    train_job: {
      componentId: `${C}t`,
      inputs: {
        learning_rate: {
          job_input_type: 'literal',
          value: '${{parent.inputs.pipeline_job_training_learning_rate}}',
        },
        unset: { job_input_type: 'literal', value: '${{parent.inputs.not_given}}' },
        epochs: { job_input_type: 'literal', value: '20' },
      },
      outputs: {
        model_output: { type: 'literal', value: '${{parent.outputs.pipeline_job_trained_model}}' },
      },
      type: 'command',
    },
  },
};

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    if (isLocalServiceError(error) && error.code === 'InvalidPipeline') return error;
    throw error;
  }
  throw new Error('expected an InvalidPipeline error');
}

describe('planPipeline', () => {
  it('orders the steps after their dependencies and reads every binding kind', () => {
    const plan = planPipeline(body);
    expect(plan.steps.map((step) => step.name)).toEqual(['train_job', 'score_job', 'evaluate_job']);
    expect(plan.continueOnStepFailure).toBe(false);
    expect(plan.missingPipelineInputs).toEqual(['not_given']);
    const [train, score, evaluate] = plan.steps;
    expect(train?.dependsOn).toEqual([]);
    expect(train?.componentId).toBe(`${C}t`);
    expect(train?.inputs).toEqual({
      learning_rate: { kind: 'pipelineInput', input: 'pipeline_job_training_learning_rate' },
      epochs: { kind: 'literal', value: '20' },
    });
    expect(train?.outputs).toEqual({
      model_output: { kind: 'pipelineOutput', output: 'pipeline_job_trained_model' },
    });
    expect(score?.dependsOn).toEqual(['train_job']);
    expect(score?.inputs.model_input).toEqual({
      kind: 'stepOutput',
      step: 'train_job',
      output: 'model_output',
    });
    expect(score?.inputs.test_data).toEqual({
      kind: 'uri',
      type: 'uri_folder',
      uri: 'azureml://datastores/workspaceblobstore/paths/LocalUpload/3a6e/data/',
    });
    expect(evaluate?.dependsOn).toEqual(['score_job']);
    expect(evaluate?.outputs.eval_output).toEqual({
      kind: 'own',
      type: 'uri_folder',
      mode: 'Upload',
    });
  });

  it('reads continue_on_step_failure from the settings', () => {
    expect(
      planPipeline({ ...body, settings: { continue_on_step_failure: true } }).continueOnStepFailure,
    ).toBe(true);
  });

  it('reports a cycle with its path', () => {
    const bind = (step: string) => ({
      inputs: { x: { job_input_type: 'literal', value: `\${{parent.jobs.${step}.outputs.o}}` } },
    });
    const error = catchError(() =>
      planPipeline({ jobs: { a: bind('c'), b: bind('a'), c: bind('b') } }),
    );
    expect(error.message).toBe(
      'properties.jobs: the steps form a cycle: a → c → b → a; expected a DAG',
    );
  });

  it('refuses unknown steps, self-references, bad bindings and an empty pipeline', () => {
    expect(
      catchError(() =>
        planPipeline({
          jobs: {
            a: {
              inputs: { x: { job_input_type: 'literal', value: '${{parent.jobs.zz.outputs.o}}' } },
            },
          },
        }),
      ).message,
    ).toBe("properties.jobs.a.inputs.x: binds the output of step 'zz', expected one of a");
    expect(
      catchError(() =>
        planPipeline({
          jobs: {
            a: {
              inputs: { x: { job_input_type: 'literal', value: '${{parent.jobs.a.outputs.o}}' } },
            },
          },
        }),
      ).message,
    ).toMatch(/a step cannot read its own output/);
    expect(
      catchError(() =>
        planPipeline({
          jobs: {
            a: { inputs: { x: { job_input_type: 'literal', value: '${{parent.jobs.b}}' } } },
            b: {},
          },
        }),
      ).message,
    ).toMatch(/expected a binding \$\{\{parent\.jobs\.<step>\.outputs\.<output>\}\}/);
    expect(catchError(() => planPipeline({ jobs: {} })).message).toMatch(
      /^properties\.jobs: expected at least one step, received \{\}/,
    );
    expect(
      catchError(() =>
        planPipeline({ jobs: { a: { inputs: { d: { job_input_type: 'uri_folder' } } } } }),
      ).message,
    ).toMatch(/properties\.jobs\.a\.inputs\.d: expected a uri_folder input with a uri/);
  });
});
