import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createStaticTokenCredential,
  createTransport,
  isAssetResolutionError,
} from '../../src/index.js';
import type { Transport } from '../../src/index.js';
import {
  createAzureBlobUploader,
  createAzureResolver,
  discoverWorkspaceEndpoints,
} from '../../src/node.js';
import { CONTAINER, startArmEmulator, TOKEN, WORKSPACE, WS } from './support/arm-emulator.js';
import type { ArmEmulator } from './support/arm-emulator.js';
import { listBlobNames, startAzurite } from './support/azurite.js';
import type { Azurite } from './support/azurite.js';

let arm: ArmEmulator;
let azurite: Azurite;
let transport: Transport;
let jobDir: string;

beforeAll(async () => {
  [arm, azurite] = await Promise.all([startArmEmulator(), startAzurite()]);
  await azurite.container(CONTAINER);
  transport = createTransport({
    baseUrl: arm.origin,
    credential: createStaticTokenCredential(TOKEN),
    maxRetries: 0,
  });
  jobDir = await mkdtemp(join(tmpdir(), 'amlkit-azure-resolver-'));
  await mkdir(join(jobDir, 'src'));
  await writeFile(join(jobDir, 'src', 'train.py'), 'print("hi")\n');
  await writeFile(join(jobDir, 'iris.csv'), 'a,b\n');
});

afterAll(async () => {
  await Promise.all([arm.close(), azurite.stop()]);
  await rm(jobDir, { recursive: true, force: true });
});

beforeEach(() => {
  arm.calls.length = 0;
});

const resolver = () =>
  createAzureResolver(WORKSPACE, {
    transport,
    uploader: createAzureBlobUploader({ serviceUrl: () => azurite.serviceUrl }),
  });

describe('createAzureResolver', () => {
  it('builds compute ids without a call and looks computes up for validation', async () => {
    const r = resolver();
    expect(await r.resolveCompute('azureml:cpu-cluster', { jobDir })).toBe(
      `${WS}/computes/cpu-cluster`,
    );
    expect(arm.calls).toEqual([]);
    expect(await r.getCompute('cpu-cluster', { jobDir })).toBe(`${WS}/computes/cpu-cluster`);
    const error: unknown = await r.getCompute('gpu-cluster', { jobDir }).catch((e: unknown) => e);
    expect(isAssetResolutionError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Not found compute with name gpu-cluster: /);
    expect(arm.sequence()).toEqual([
      `GET ${WS}/computes/cpu-cluster`,
      `GET ${WS}/computes/gpu-cluster`,
    ]);
  });

  it('resolves @latest through the versions list, newest first', async () => {
    arm.versions.set('environments/my-env', ['1', '2', '7']);
    arm.versions.set('data/iris', ['3']);
    arm.versions.set('models/clf', ['4', '5']);
    const r = resolver();
    expect(await r.resolveEnvironment('azureml:my-env@latest', { jobDir })).toBe(
      `${WS}/environments/my-env/versions/7`,
    );
    expect(
      await r.resolveInput({ type: 'uri_file', path: 'azureml:iris@latest' }, { jobDir }),
    ).toBe(`${WS}/data/iris/versions/3`);
    expect(
      await r.resolveInput({ type: 'mlflow_model', path: 'azureml:clf@latest' }, { jobDir }),
    ).toBe(`${WS}/models/clf/versions/5`);
    // Pinned versions and curated environments need no call.
    expect(await r.resolveEnvironment('azureml:my-env:2', { jobDir })).toBe(
      `${WS}/environments/my-env/versions/2`,
    );
    expect(await r.resolveEnvironment('azureml:AzureML-sklearn-1.5@latest', { jobDir })).toBe(
      'azureml:AzureML-sklearn-1.5@latest',
    );
    expect(arm.sequence()).toEqual([
      `GET ${WS}/environments/my-env/versions`,
      `GET ${WS}/data/iris/versions`,
      `GET ${WS}/models/clf/versions`,
    ]);
    expect(arm.calls[0]?.query).toMatchObject({ $orderBy: 'createdtime desc', $top: '1' });
  });

  it('fails @latest of an asset without versions, naming the asset and workspace', async () => {
    await expect(
      resolver().resolveComponent({ reference: 'azureml:nothing@latest' }, { jobDir }),
    ).rejects.toThrow(
      "Cannot resolve the component \"azureml:nothing@latest\": expected at least one version of 'nothing' in the workspace 'ws', received none",
    );
  });

  it('registers an inline environment once under its anonymous version', async () => {
    const r = resolver();
    const env = { image: 'python:3.11', condaFile: { dependencies: ['pip'] }, version: 'abc123' };
    const id = `${WS}/environments/CliV2AnonymousEnvironment/versions/abc123`;
    expect(await r.resolveEnvironment(env, { jobDir })).toBe(id);
    expect(await r.resolveEnvironment(env, { jobDir })).toBe(id);
    expect(arm.sequence()).toEqual([`PUT ${id}`]);
    expect(arm.calls[0]?.body).toEqual({
      properties: {
        isAnonymous: true,
        image: 'python:3.11',
        condaFile: 'dependencies:\n- pip\n',
      },
    });
  });

  it('uploads a code folder to the default datastore and registers the code version', async () => {
    const first = resolver();
    const id = await first.resolveCode({ path: 'src' }, { jobDir });
    const match = new RegExp(`^${WS}/codes/([0-9a-f]{32})/versions/1$`).exec(id);
    expect(match).not.toBeNull();
    const hash = match?.[1] ?? '';
    expect(arm.sequence()).toEqual([
      `GET ${WS}/datastores`,
      `POST ${WS}/datastores/workspaceblobstore/listSecrets`,
      `PUT ${id}`,
    ]);
    expect(arm.calls[0]?.query).toMatchObject({ isDefault: 'true' });
    expect(arm.calls[2]?.body).toEqual({
      properties: {
        codeUri: `${azurite.serviceUrl}/${CONTAINER}/LocalUpload/${hash}/src`,
        isAnonymous: true,
      },
    });
    const container = await azurite.container(CONTAINER);
    expect(await listBlobNames(container, `LocalUpload/${hash}/`)).toEqual([
      `LocalUpload/${hash}/src/train.py`,
    ]);
    // A second submission of the same folder reuses the upload and the name.
    arm.calls.length = 0;
    expect(await resolver().resolveCode({ path: './src/' }, { jobDir })).toBe(id);
    expect(arm.sequence()).toEqual([
      `GET ${WS}/datastores`,
      `POST ${WS}/datastores/workspaceblobstore/listSecrets`,
      `PUT ${id}`,
    ]);
  });

  it('uploads local inputs and returns datastore URIs (uri_folder gets a trailing slash)', async () => {
    const r = resolver();
    const file = await r.resolveInput({ type: 'uri_file', path: 'iris.csv' }, { jobDir });
    expect(file).toMatch(
      /^azureml:\/\/datastores\/workspaceblobstore\/paths\/LocalUpload\/[0-9a-f]{32}\/iris\.csv$/,
    );
    const folder = await r.resolveInput({ type: 'uri_folder', path: './src' }, { jobDir });
    expect(folder).toMatch(
      /^azureml:\/\/datastores\/workspaceblobstore\/paths\/LocalUpload\/[0-9a-f]{32}\/src\/$/,
    );
    // The datastore is discovered once per resolver.
    expect(arm.sequence()).toEqual([
      `GET ${WS}/datastores`,
      `POST ${WS}/datastores/workspaceblobstore/listSecrets`,
    ]);
    // Named datastore: looked up by name.
    arm.calls.length = 0;
    await r.resolveInput(
      { type: 'uri_file', path: 'iris.csv', datastore: 'workspaceblobstore' },
      { jobDir },
    );
    expect(arm.sequence()).toEqual([
      `GET ${WS}/datastores/workspaceblobstore`,
      `POST ${WS}/datastores/workspaceblobstore/listSecrets`,
    ]);
  });

  it('passes references that need no resolution through without calls', async () => {
    const r = resolver();
    const uri = 'azureml://datastores/workspaceblobstore/paths/data/';
    expect(await r.resolveInput({ type: 'uri_folder', path: uri }, { jobDir })).toBe(uri);
    expect(
      await r.resolveInput({ type: 'uri_folder', path: '${{parent.inputs.x}}' }, { jobDir }),
    ).toBe('${{parent.inputs.x}}');
    expect(await r.resolveCode({ path: 'azureml:my-code:3' }, { jobDir })).toBe(
      `${WS}/codes/my-code/versions/3`,
    );
    expect(arm.calls).toEqual([]);
  });

  it('needs an uploader for local paths', async () => {
    const bare = createAzureResolver(WORKSPACE, { transport });
    await expect(bare.resolveCode({ path: 'src' }, { jobDir })).rejects.toThrow(
      /expected the uploader option/,
    );
  });
});

describe('discoverWorkspaceEndpoints', () => {
  it('reads the run-history URL from the workspace discovery document', async () => {
    const endpoints = await discoverWorkspaceEndpoints(transport, WORKSPACE);
    expect(endpoints).toMatchObject({
      discoveryUrl: `${arm.origin}/discovery`,
      historyUrl: arm.origin,
      location: 'eastus',
    });
    expect(arm.sequence()).toEqual([`GET ${WS}`, 'GET /discovery']);
    // The discovery document is public: no bearer token is sent to it.
    expect(arm.calls[1]?.authorization).toBeUndefined();
  });

  it('propagates the ARM error when the workspace GET is refused', async () => {
    const other = createTransport({ baseUrl: arm.origin, maxRetries: 0 });
    await expect(discoverWorkspaceEndpoints(other, WORKSPACE)).rejects.toThrow(
      /401|Authentication/i,
    );
  });
});
