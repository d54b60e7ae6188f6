/**
 * Component resolution of pipeline nodes through the offline resolver: references by name,
 * label and registry, anonymous registration (once per equal component), display names, and
 * the trace entries `component`/`label` the goldens record.
 */
import { PipelineJob } from '@amlkit/core';
import type { Component, PipelineJobOptions } from '@amlkit/core';
import { describe, expect, it } from 'vitest';
import {
  createOfflineResolver,
  fromRestJob,
  isAssetResolutionError,
  isWireFormatError,
  toRestJob,
} from '../../src/index.js';
import type { AssetResolver } from '../../src/index.js';
import { CONFORMANCE_WORKSPACE } from './corpus.js';

const WS =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws';
const ENV = 'azureml://registries/azureml/environments/sklearn-1.5/labels/latest';

function pipeline(jobs: PipelineJobOptions['jobs']): PipelineJob {
  return new PipelineJob({ basePath: '/jobs/demo', settings: { defaultCompute: 'cpu' }, jobs });
}

async function jobsOf(
  job: PipelineJob,
  resolver: AssetResolver,
): Promise<Record<string, Record<string, unknown>>> {
  const body = await toRestJob(job, { resolver, defaults: { name: 'n' } });
  return (body.properties as { jobs: Record<string, Record<string, unknown>> }).jobs;
}

describe('pipeline component references', () => {
  it('resolves name:version, @latest (with a label call), @default and registry ids', async () => {
    const resolver = createOfflineResolver(CONFORMANCE_WORKSPACE);
    const jobs = await jobsOf(
      pipeline({
        a: { type: 'command', component: 'azureml:my_train:3' },
        b: { type: 'command', component: 'azureml:my_score@latest' },
        c: { type: 'command', component: 'azureml:my_eval@default' },
        d: { type: 'command', component: 'azureml://registries/azureml/components/c/versions/1' },
      }),
      resolver,
    );
    expect(jobs['a']).toMatchObject({
      componentId: `${WS}/components/my_train/versions/3`,
      _source: 'REMOTE.WORKSPACE.COMPONENT',
      name: 'a',
    });
    expect(jobs['b']?.['componentId']).toBe(`${WS}/components/my_score/versions/1`);
    expect(jobs['c']?.['componentId']).toBe(`${WS}/components/my_eval/labels/default`);
    expect(jobs['d']).toMatchObject({
      componentId: 'azureml://registries/azureml/components/c/versions/1',
      _source: 'REMOTE.REGISTRY',
    });
    expect(resolver.calls).toEqual([
      { op: 'label', name: 'my_score', label: 'latest', version: '1' },
    ]);
  });

  it('fails with an AssetResolutionError for a reference without a version or with another label', async () => {
    for (const component of ['azureml:my_train', 'azureml:my_train@prod']) {
      const resolver = createOfflineResolver(CONFORMANCE_WORKSPACE);
      await expect(
        jobsOf(pipeline({ a: { type: 'command', component } }), resolver),
      ).rejects.toSatisfy(isAssetResolutionError);
    }
  });

  it('fails with a WireFormatError naming the node when the resolver cannot register components', async () => {
    const offline = createOfflineResolver(CONFORMANCE_WORKSPACE);
    const resolver: AssetResolver = {
      resolveCompute: (c, rc) => offline.resolveCompute(c, rc),
      resolveDatastore: (d, rc) => offline.resolveDatastore(d, rc),
      resolveCode: (c, rc) => offline.resolveCode(c, rc),
      resolveEnvironment: (e, rc) => offline.resolveEnvironment(e, rc),
      resolveInput: (i, rc) => offline.resolveInput(i, rc),
    };
    const error: unknown = await jobsOf(
      pipeline({ train: { type: 'command', component: 'azureml:t:1' } }),
      resolver,
    ).catch((e: unknown) => e);
    expect(isWireFormatError(error)).toBe(true);
    expect((error as Error).message).toContain("'train'");
  });
});

describe('anonymous pipeline components', () => {
  it('registers inline nodes under their node name, with the placeholder code, deepest first', async () => {
    const resolver = createOfflineResolver(CONFORMANCE_WORKSPACE);
    const jobs = await jobsOf(
      pipeline({
        hello: { type: 'command', command: 'echo hello', environment: ENV },
        world: { type: 'command', command: 'echo hello', environment: ENV },
      }),
      resolver,
    );
    const ops = resolver.calls.map((c) => c.op);
    expect(ops).toEqual(['code', 'component', 'code', 'component']);
    const components = resolver.calls.filter((c) => c.op === 'component');
    expect(components.map((c) => (c.hash_input as { display_name?: string }).display_name)).toEqual(
      ['hello', 'world'],
    );
    // Same command, different default display names: two components.
    expect(jobs['hello']?.['componentId']).not.toBe(jobs['world']?.['componentId']);
    expect(jobs['hello']).toMatchObject({ _source: 'YAML.JOB', type: 'command' });
    expect(String(jobs['hello']?.['componentId'])).toMatch(
      new RegExp(
        `^${WS}/components/azureml_anonymous/versions/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`,
      ),
    );
  });

  it('registers an equal component once and gives every node that uses it the same id', async () => {
    const shared = (): Component => ({
      type: 'command',
      displayName: 'Shared',
      command: 'python run.py',
      environment: ENV,
    });
    const resolver = createOfflineResolver(CONFORMANCE_WORKSPACE);
    const jobs = await jobsOf(
      pipeline({
        first: { type: 'command', component: shared() },
        second: { type: 'command', component: shared(), compute: 'gpu' },
      }),
      resolver,
    );
    expect(resolver.calls.filter((c) => c.op === 'component')).toHaveLength(1);
    expect(jobs['first']?.['componentId']).toBe(jobs['second']?.['componentId']);
    expect(jobs['second']?.['computeId']).toBe(`${WS}/computes/gpu`);
    expect(resolver.calls.map((c) => c.op)).toEqual(['compute_get', 'code', 'component']);
  });

  it('looks up each node compute at validation time, before any other call', async () => {
    const resolver = createOfflineResolver(CONFORMANCE_WORKSPACE);
    await jobsOf(
      pipeline({
        a: { type: 'command', command: 'echo', environment: ENV, compute: 'cpu-cluster' },
        b: { type: 'command', command: 'echo', environment: ENV, compute: '${{parent.inputs.c}}' },
      }),
      resolver,
    );
    expect(resolver.calls[0]).toEqual({
      op: 'compute_get',
      name: 'cpu-cluster',
      id: `${WS}/computes/cpu-cluster`,
    });
    expect(resolver.calls.filter((c) => c.op === 'compute_get')).toHaveLength(1);
  });
});

describe('pipeline job level fields', () => {
  it('sends a job-level component reference as componentId and the identity in REST shape', async () => {
    const resolver = createOfflineResolver(CONFORMANCE_WORKSPACE);
    const job = new PipelineJob({
      basePath: '/jobs/demo',
      component: 'azureml:train_pipeline:2',
      inputs: { lr: 0.1, empty: '' },
      identity: { type: 'user_identity' },
    });
    const body = await toRestJob(job, { resolver, defaults: { name: 'n' } });
    expect(body.properties).toMatchObject({
      jobType: 'Pipeline',
      componentId: `${WS}/components/train_pipeline/versions/2`,
      inputs: { lr: { jobInputType: 'literal', value: '0.1' } },
      identity: { identityType: 'UserIdentity' },
      settings: { _source: 'YAML.JOB' },
    });
    expect(body.properties['inputs']).not.toHaveProperty('empty');
  });
});

describe('parallel nodes', () => {
  it('resolves a file component’s task environment before nodes’ components, and its code when registering it', async () => {
    const component = {
      type: 'parallel',
      $schema: 'https://azuremlschemas.azureedge.net/latest/parallelComponent.schema.json',
      displayName: 'Batch',
      task: {
        type: 'run_function',
        code: '/jobs/demo/script',
        entryScript: 'score.py',
        environment: 'azureml:my-env:3',
      },
      inputData: '${{inputs.data}}',
      inputs: { data: { type: 'mltable' } },
    } as unknown as Component;
    const resolver = createOfflineResolver(CONFORMANCE_WORKSPACE);
    const jobs = await jobsOf(
      pipeline({
        hello: {
          type: 'command',
          command: 'echo',
          environment: 'azureml:AzureML-sklearn-1.5@latest',
        },
        batch: { type: 'parallel', component, inputs: { data: '${{parent.inputs.d}}' } },
      }),
      resolver,
    );
    expect(resolver.calls.map((c) => [c.op, 'key' in c ? c.key : c.name])).toEqual([
      ['code', '<COMPONENT_PLACEHOLDER>'],
      ['component', 'azureml_anonymous'],
      ['code', 'script'],
      ['component', 'azureml_anonymous'],
    ]);
    const batch = resolver.calls.filter((c) => c.op === 'component')[1];
    expect(batch?.hash_input).toMatchObject({
      display_name: 'Batch',
      task: {
        code: expect.stringMatching(
          /^azureml:\/subscriptions\/.*\/codes\/[0-9a-f]{32}\/versions\/1$/,
        ),
        environment: `azureml:${WS}/environments/my-env/versions/3`,
      },
    });
    expect(jobs['batch']).toMatchObject({ _source: 'YAML.COMPONENT', type: 'parallel' });
  });
});

describe('nodes read from REST', () => {
  it('sends an edited component, compute and inputs, and every other key as received', async () => {
    const read = fromRestJob({
      properties: {
        jobType: 'Pipeline',
        jobs: {
          train: {
            _source: 'REMOTE.WORKSPACE.JOB',
            name: 'train',
            type: 'command',
            componentId: `${WS}/components/t/versions/1`,
            distribution: { distribution_type: 'Mpi', process_count_per_instance: 1 },
            inputs: { lr: { job_input_type: 'literal', value: '0.1' } },
          },
        },
      },
    });
    if (!(read instanceof PipelineJob)) throw new TypeError('expected a PipelineJob');
    const job = read;
    const node = job.jobs['train']!;
    node.component = 'azureml:t:2';
    node.compute = 'gpu';
    node.inputs = { lr: 0.2 };
    const resolver = createOfflineResolver(CONFORMANCE_WORKSPACE);
    const body = await toRestJob(job, { resolver, defaults: { name: 'n' } });
    expect((body.properties as { jobs: Record<string, unknown> }).jobs['train']).toEqual({
      _source: 'REMOTE.WORKSPACE.JOB',
      name: 'train',
      type: 'command',
      componentId: `${WS}/components/t/versions/2`,
      computeId: `${WS}/computes/gpu`,
      distribution: { distribution_type: 'Mpi', process_count_per_instance: 1 },
      inputs: { lr: { job_input_type: 'literal', value: '0.2' } },
    });
  });
});
