/**
 * `fromRestJob` for pipeline bodies: the REST examples of api-version 2025-12-01, and every
 * pipeline REST golden read back and sent again (REST → entity → REST is the identity).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PipelineJob } from '@amlkit/core';
import { describe, expect, it } from 'vitest';
import { createOfflineResolver, fromRestJob, toRestJob } from '../../src/index.js';
import { CONFORMANCE_WORKSPACE, INDEX, REST_EXAMPLES, readGolden, sortKeys } from './corpus.js';

const EXAMPLES = resolve(REST_EXAMPLES, '2025-12-01/Job/PipelineJob');

interface Example {
  parameters: { body?: unknown };
  responses: Record<string, { body: unknown }>;
}

function example(file: string): Example {
  return JSON.parse(readFileSync(resolve(EXAMPLES, file), 'utf8')) as Example;
}

function asPipeline(job: unknown): PipelineJob {
  if (!(job instanceof PipelineJob)) throw new TypeError('expected a PipelineJob');
  return job;
}

const pipelineGoldens = INDEX.map(readGolden).filter(
  (g) => g.type === 'pipeline' && g.rest !== null,
);

describe('fromRestJob (pipeline)', () => {
  it('reads the GET example into a PipelineJob with its inputs, outputs and settings', () => {
    const body = example('get.json').responses['200']!.body;
    const pipeline = asPipeline(fromRestJob(body));
    expect(pipeline.type).toBe('pipeline');
    expect(pipeline.status).toBe('NotStarted');
    expect(pipeline.displayName).toBe('string');
    expect(pipeline.inputs).toEqual({ string: 'string' });
    expect(pipeline.outputs).toEqual({
      string: { type: 'uri_file', mode: 'upload', path: 'string', description: 'string' },
    });
    expect(pipeline.settings).toEqual({});
    expect(pipeline.jobs).toEqual({});
  });

  it('reads every item of the list example and both createOrUpdate responses', () => {
    const list = example('list.json').responses['200']!.body as { value: unknown[] };
    for (const item of list.value) expect(fromRestJob(item)).toBeInstanceOf(PipelineJob);
    const create = example('createOrUpdate.json');
    for (const status of ['200', '201']) {
      expect(fromRestJob(create.responses[status]!.body)).toBeInstanceOf(PipelineJob);
    }
    expect(fromRestJob(create.parameters.body)).toBeInstanceOf(PipelineJob);
  });

  it('drops the settings _source and reads snake_case settings back to camelCase', () => {
    const job = asPipeline(
      fromRestJob({
        properties: {
          jobType: 'Pipeline',
          settings: {
            _source: 'YAML.JOB',
            default_compute: '/subscriptions/s/computes/cpu',
            continue_on_step_failure: false,
            custom_key: 1,
          },
        },
      }),
    );
    expect(job.settings).toEqual({
      defaultCompute: '/subscriptions/s/computes/cpu',
      continueOnStepFailure: false,
      custom_key: 1,
    });
  });

  it('reads a job-level componentId and identity back', () => {
    const job = asPipeline(
      fromRestJob({
        properties: {
          jobType: 'Pipeline',
          componentId: '/subscriptions/s/components/p/versions/2',
          identity: { identityType: 'Managed', clientId: 'c' },
        },
      }),
    );
    expect(job.component).toBe('/subscriptions/s/components/p/versions/2');
    expect(job.identity).toEqual({ type: 'managed_identity', clientId: 'c' });
  });

  it('reads nodes in component form: component id, compute id, inputs and outputs, other keys as received', () => {
    const job = asPipeline(
      fromRestJob({
        properties: {
          jobType: 'Pipeline',
          jobs: {
            train: {
              _source: 'YAML.COMPONENT',
              name: 'train',
              type: 'command',
              componentId: '/subscriptions/s/components/c/versions/1',
              computeId: '/subscriptions/s/computes/gpu',
              distribution: { distribution_type: 'Mpi', process_count_per_instance: 1 },
              inputs: {
                lr: { job_input_type: 'literal', value: '0.1' },
                data: { job_input_type: 'literal', value: '${{parent.inputs.d}}', mode: 'Direct' },
                raw: {
                  job_input_type: 'uri_folder',
                  uri: 'azureml://datastores/x/paths/y/',
                  mode: 'Download',
                },
              },
              outputs: {
                model: { type: 'literal', value: '${{parent.outputs.model}}' },
                report: { job_output_type: 'uri_file', mode: 'Upload' },
              },
            },
            tune: {
              type: 'sweep',
              trial: { componentId: '/subscriptions/s/components/t/versions/2' },
            },
          },
        },
      }),
    );
    expect(job.jobs['train']).toEqual({
      type: 'command',
      _source: 'YAML.COMPONENT',
      component: '/subscriptions/s/components/c/versions/1',
      compute: '/subscriptions/s/computes/gpu',
      distribution: { distribution_type: 'Mpi', process_count_per_instance: 1 },
      inputs: {
        lr: '0.1',
        data: { path: '${{parent.inputs.d}}', mode: 'direct' },
        raw: { type: 'uri_folder', path: 'azureml://datastores/x/paths/y/', mode: 'download' },
      },
      outputs: { model: '${{parent.outputs.model}}', report: { type: 'uri_file', mode: 'upload' } },
    });
    expect(job.jobs['tune']?.['trial']).toBe('/subscriptions/s/components/t/versions/2');
  });

  describe('REST → entity → REST is the identity for every pipeline golden', () => {
    for (const golden of pipelineGoldens) {
      it(`does it for ${golden.source}`, async () => {
        const rest = golden.rest!;
        const job = fromRestJob(rest);
        const resolver = createOfflineResolver(CONFORMANCE_WORKSPACE);
        const again = await toRestJob(job, { resolver });
        expect(sortKeys(again)).toEqual(sortKeys(rest));
        // Nothing is registered again: every component is referenced by its id.
        expect(resolver.calls.filter((c) => c.op === 'component' || c.op === 'code')).toEqual([]);
      });
    }
  });
});
