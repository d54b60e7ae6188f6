import { CommandJob } from '@amlkit/core';
import { describe, expect, it } from 'vitest';
import { createOfflineResolver } from '../resolver/create-offline-resolver.js';
import { fromRestJob } from './from-rest-job.js';
import { isRestOnlyJob } from './rest-only-job.js';
import { toRestJob } from './to-rest-job.js';
import { isWireFormatError } from './wire-format-error.js';

const WS =
  '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws';
const resolver = () =>
  createOfflineResolver({ subscriptionId: 's', resourceGroup: 'rg', workspaceName: 'ws' });

function asCommand(job: unknown): CommandJob {
  if (!(job instanceof CommandJob)) throw new TypeError('expected a CommandJob');
  return job;
}

function commandResource(extra: Record<string, unknown> = {}) {
  return {
    id: `${WS}/jobs/olden_deer_2xqthlj4m4`,
    name: 'olden_deer_2xqthlj4m4',
    type: 'Microsoft.MachineLearningServices/workspaces/jobs',
    systemData: { createdBy: 'me', createdByType: 'User', createdAt: '2026-01-01T00:00:00Z' },
    properties: {
      jobType: 'Command',
      command: 'python train.py --lr ${{inputs.lr}}',
      environmentId: 'azureml:AzureML-sklearn-1.5@latest',
      computeId: `${WS}/computes/cpu-cluster`,
      displayName: 'train',
      experimentName: 'exp',
      inputs: {
        lr: { jobInputType: 'literal', value: '0.1' },
        data: {
          jobInputType: 'uri_folder',
          uri: 'azureml://datastores/d/paths/p/',
          mode: 'Download',
        },
      },
      outputs: { model: { jobOutputType: 'mlflow_model', mode: 'Upload' } },
      limits: { jobLimitsType: 'Command', timeout: 'PT2H30M' },
      tags: { team: 'a' },
      properties: {},
      status: 'Running',
      parameters: { lr: 0.1 },
      services: {
        Studio: {
          jobServiceType: 'Studio',
          endpoint: 'https://ml.azure.com/runs/x',
          status: 'Running',
        },
      },
      isArchived: false,
      futureField: { nested: [1, 2] },
      ...extra,
    },
  };
}

describe('fromRestJob', () => {
  it('reads a command job with its read-only attributes', () => {
    const job = fromRestJob(commandResource());
    const command = asCommand(job);
    expect(command.name).toBe('olden_deer_2xqthlj4m4');
    expect(command.id).toBe(`${WS}/jobs/olden_deer_2xqthlj4m4`);
    expect(command.status).toBe('Running');
    expect(command.creationContext?.createdBy).toBe('me');
    expect(command.compute).toBe('cpu-cluster');
    expect(command.limits).toEqual({ timeout: 9000 });
    expect(command.inputs['data']).toEqual({
      type: 'uri_folder',
      path: 'azureml://datastores/d/paths/p/',
      mode: 'download',
    });
    expect(command.outputs['model']).toEqual({ type: 'mlflow_model', mode: 'upload' });
    expect(command.studioUrl).toBe('https://ml.azure.com/runs/x');
    expect(command.services?.['Studio']?.status).toBe('Running');
  });

  it('maps an unknown status to Unknown', () => {
    const job = fromRestJob(commandResource({ status: 'Hibernating' }));
    expect(job.status).toBe('Unknown');
  });

  it('sends an unmodified job back as read, without read-only fields', async () => {
    const resource = commandResource();
    const body = await toRestJob(fromRestJob(resource), { resolver: resolver() });
    const expected: Record<string, unknown> = { ...resource.properties };
    delete expected['status'];
    delete expected['parameters'];
    expected['services'] = {
      Studio: { jobServiceType: 'Studio', endpoint: 'https://ml.azure.com/runs/x' },
    };
    expect(body.properties).toEqual(expected);
  });

  it('sends edits made to the entity and keeps the fields it does not model', async () => {
    const job = asCommand(fromRestJob(commandResource()));
    job.displayName = 'renamed';
    job.tags = {};
    job.inputs['epochs'] = 10;
    const r = resolver();
    const body = (await toRestJob(job, { resolver: r })).properties as Record<string, unknown>;
    expect(body['displayName']).toBe('renamed');
    expect(body['tags']).toEqual({});
    expect(body['inputs']).toMatchObject({ epochs: { jobInputType: 'literal', value: '10' } });
    expect(body['futureField']).toEqual({ nested: [1, 2] });
    expect(body['computeId']).toBe(`${WS}/computes/cpu-cluster`);
    expect(body).not.toHaveProperty('status');
    expect(r.calls).toEqual([]);
  });

  it('keeps job types the entities do not model as RestOnlyJob', async () => {
    const resource = {
      name: 'ft',
      properties: {
        jobType: 'FineTuning',
        displayName: 'ft',
        status: 'Created',
        fineTuningDetails: { modelProvider: 'Custom', taskType: 'TextCompletion' },
      },
    };
    const job = fromRestJob(resource);
    expect(isRestOnlyJob(job)).toBe(true);
    expect(job.type).toBe('FineTuning');
    expect(job.status).toBe('Unknown');
    const body = await toRestJob(job, { resolver: resolver() });
    expect(body.properties).toEqual({
      jobType: 'FineTuning',
      displayName: 'ft',
      fineTuningDetails: { modelProvider: 'Custom', taskType: 'TextCompletion' },
    });
  });

  it.each([
    ['null', null, /expected a JobBase JSON object, received null/],
    ['an array', [], /received an array/],
    ['a child job', { properties: null }, /pipeline child job/],
    ['no jobType', { properties: {} }, /'properties.jobType' to be a string/],
  ])('rejects %s with a WireFormatError', (_what, json, message) => {
    let caught: unknown;
    try {
      fromRestJob(json);
    } catch (error) {
      caught = error;
    }
    expect(caught).toSatisfy(isWireFormatError);
    expect((caught as Error).message).toMatch(message);
  });

  it('wraps a malformed body of a known type in a WireFormatError', () => {
    expect(() =>
      fromRestJob({ properties: { jobType: 'AutoML', taskDetails: { taskType: 'Telepathy' } } }),
    ).toThrow(/Cannot read a 'AutoML' job: expected taskDetails.taskType/);
  });
});
