/**
 * The ARM request sequence of the Azure resolver for corpus jobs, against what azure-ai-ml 1.4.0
 * does for them: the order of the goldens' `resolver_calls` (code, environment, upload, component,
 * compute_get) mapped to requests by azureml-job-semantics.md §6.2 — a compute lookup is a GET,
 * the first upload discovers the default datastore (GET ?isDefault=true, POST listSecrets),
 * a code asset and an anonymous environment/component are PUTs, a local input upload touches only
 * blob storage.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadJob } from '@amlkit/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStaticTokenCredential, createTransport, toRestJob } from '../../src/index.js';
import type { Transport } from '../../src/index.js';
import { createAzureBlobUploader, createAzureResolver } from '../../src/node.js';
import { CORPUS } from '../wire/corpus.js';
import type { Golden } from '../wire/corpus.js';
import { CONTAINER, startArmEmulator, TOKEN, WORKSPACE, WS } from './support/arm-emulator.js';
import type { ArmEmulator } from './support/arm-emulator.js';
import { listBlobNames, startAzurite } from './support/azurite.js';
import type { Azurite } from './support/azurite.js';

let arm: ArmEmulator;
let azurite: Azurite;
let transport: Transport;

beforeAll(async () => {
  [arm, azurite] = await Promise.all([startArmEmulator(), startAzurite()]);
  await azurite.container(CONTAINER);
  transport = createTransport({
    baseUrl: arm.origin,
    credential: createStaticTokenCredential(TOKEN),
    maxRetries: 0,
  });
});

afterAll(async () => {
  await Promise.all([arm.close(), azurite.stop()]);
});

beforeEach(() => {
  arm.calls.length = 0;
});

function golden(source: string): Golden {
  return JSON.parse(readFileSync(resolve(CORPUS, 'golden', `${source}.json`), 'utf8')) as Golden;
}

async function submit(source: string) {
  const resolver = createAzureResolver(WORKSPACE, {
    transport,
    uploader: createAzureBlobUploader({ serviceUrl: () => azurite.serviceUrl }),
  });
  const job = await loadJob(resolve(CORPUS, source));
  const rest = await toRestJob(job, { resolver, defaults: { name: 'conformance_job' } });
  return { rest, job };
}

const ID = '[0-9a-f]{32}';

describe('Azure resolver request sequence', () => {
  it('matches the SDK for a command job with code, a build-context environment and a local input', async () => {
    const source = 'cli/jobs/single-step/r/accidents/job.yml';
    expect(golden(source).resolver_calls.map((call) => call.op)).toEqual([
      'code',
      'environment',
      'upload',
    ]);
    const { rest } = await submit(source);
    const properties = rest.properties as Record<string, unknown>;
    const sequence = arm.sequence();
    expect(sequence.slice(0, 2)).toEqual([
      `GET ${WS}/datastores`,
      `POST ${WS}/datastores/workspaceblobstore/listSecrets`,
    ]);
    expect(sequence[2]).toMatch(new RegExp(`^PUT ${WS}/codes/${ID}/versions/1$`));
    expect(sequence[3]).toMatch(
      new RegExp(`^PUT ${WS}/environments/CliV2AnonymousEnvironment/versions/${ID}$`),
    );
    expect(sequence).toHaveLength(4);
    expect(properties['codeId']).toBe(sequence[2]?.slice('PUT '.length));
    expect(properties['environmentId']).toBe(sequence[3]?.slice('PUT '.length));
    const environment = arm.registered.get(sequence[3]?.slice('PUT '.length) ?? '') as {
      properties: { build: { contextUri: string; dockerfilePath: string } };
    };
    expect(environment.properties.build.contextUri).toMatch(
      new RegExp(`^${azurite.serviceUrl}/${CONTAINER}/LocalUpload/${ID}/docker-context$`),
    );
    expect(environment.properties.build.dockerfilePath).toBe('Dockerfile');
    const inputs = properties['inputs'] as Record<string, { uri: string }>;
    expect(inputs['training_data']?.uri).toMatch(
      new RegExp(`^azureml://datastores/workspaceblobstore/paths/LocalUpload/${ID}/data/$`),
    );
    const blobs = await listBlobNames(await azurite.container(CONTAINER));
    for (const folder of ['src', 'docker-context', 'data']) {
      expect(blobs.some((blob) => new RegExp(`^LocalUpload/${ID}/${folder}/`).test(blob))).toBe(
        true,
      );
    }
  });

  it('matches the SDK for a pipeline with a file component, a local input and an inline environment', async () => {
    const source =
      'cli/jobs/pipelines-with-components/basics/2b_component_with_input_output/pipeline.yml';
    const calls = golden(source).resolver_calls;
    expect(calls.map((call) => call.op)).toEqual([
      'compute_get',
      'upload',
      'environment',
      'code',
      'component',
    ]);
    await submit(source);
    const environment = { id: String(calls[2]?.['id']) };
    const sequence = arm.sequence();
    expect(sequence.slice(0, 4)).toEqual([
      `GET ${WS}/computes/cpu-cluster`,
      `GET ${WS}/datastores`,
      `POST ${WS}/datastores/workspaceblobstore/listSecrets`,
      // The environment hash depends only on the YAML: the golden's id exactly.
      `PUT ${environment.id}`,
    ]);
    expect(sequence[4]).toMatch(new RegExp(`^PUT ${WS}/codes/${ID}/versions/1$`));
    expect(sequence[5]).toMatch(
      new RegExp(`^PUT ${WS}/components/azureml_anonymous/versions/[0-9a-f-]{36}$`),
    );
    expect(sequence).toHaveLength(6);
  });
});
