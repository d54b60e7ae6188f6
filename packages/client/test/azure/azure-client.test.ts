import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadJob } from '@amlkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, createStaticTokenCredential, createTransport } from '../../src/index.js';
import {
  createAzureBlobUploader,
  createAzureJobOutputDownloader,
  createAzureResolver,
} from '../../src/node.js';
import {
  ARTIFACT_CONTAINER,
  CONTAINER,
  startArmEmulator,
  TOKEN,
  WORKSPACE,
  WS,
} from './support/arm-emulator.js';
import type { ArmEmulator } from './support/arm-emulator.js';
import { startAzurite } from './support/azurite.js';
import type { Azurite } from './support/azurite.js';

let arm: ArmEmulator;
let azurite: Azurite;
let folder: string;

beforeAll(async () => {
  [arm, azurite] = await Promise.all([startArmEmulator(), startAzurite()]);
  await azurite.container(CONTAINER);
  const artifacts = await azurite.container(ARTIFACT_CONTAINER);
  const text = 'trained\n';
  await artifacts
    .getBlockBlobClient('ExperimentRun/dcid.wired_job/outputs/model.txt')
    .upload(text, Buffer.byteLength(text));
  folder = await mkdtemp(join(tmpdir(), 'amlkit-azure-client-'));
  await mkdir(join(folder, 'src'));
  await writeFile(join(folder, 'src', 'train.py'), 'print("hi")\n');
});

afterAll(async () => {
  await Promise.all([arm.close(), azurite.stop(), rm(folder, { recursive: true, force: true })]);
});

function azureClient(overrides: { historyUrl?: string } = {}) {
  const credential = createStaticTokenCredential(TOKEN);
  const transport = createTransport({ baseUrl: arm.origin, credential, maxRetries: 0 });
  const serviceUrl = () => azurite.serviceUrl;
  return createClient({
    endpoint: arm.origin,
    backend: 'azure',
    workspace: WORKSPACE,
    credential,
    maxRetries: 0,
    pollIntervalMs: 1,
    resolver: createAzureResolver(WORKSPACE, {
      transport,
      uploader: createAzureBlobUploader({ serviceUrl }),
    }),
    outputDownloader: createAzureJobOutputDownloader({ serviceUrl }),
    ...overrides,
  });
}

describe('createClient (Azure)', () => {
  it('does create → stream (discovering the run-history URL once) → download', async () => {
    const client = azureClient();
    expect(client.backend).toBe('azure');
    const job = await loadJob({
      text: 'command: python train.py\ncode: ./src\nenvironment: azureml:sklearn:1\ncompute: cpu-cluster\n',
      basePath: folder,
    });
    arm.calls.length = 0;
    const created = await client.jobs.create(job, { name: 'wired_job' });
    expect(created.name).toBe('wired_job');
    const body = arm.registered.get(`${WS}/jobs/wired_job`) as {
      properties: { codeId?: string };
    };
    expect(body.properties.codeId).toMatch(new RegExp(`^${WS}/codes/[0-9a-f]{32}/versions/1$`));

    const run = arm.runs.get('wired_job');
    if (run === undefined) throw new Error('the emulator did not record the job');
    const log = 'user_logs/std_log.txt';
    run.logs[log] = 'epoch 1\n';
    arm.calls.length = 0;
    const lines: string[] = [];
    const streamed = await client.jobs.stream('wired_job', {
      onLog: (chunk) => {
        lines.push(chunk.text);
        run.logs[log] = 'epoch 1\nepoch 2\n';
        run.status = 'Completed';
      },
    });
    expect(streamed.status).toBe('Completed');
    expect(lines.join('')).toBe('epoch 1\nepoch 2\n');
    expect(arm.sequence().slice(0, 2)).toEqual([`GET ${WS}`, 'GET /discovery']);

    // A second call reuses the discovered URL.
    arm.calls.length = 0;
    await client.jobs.stream('wired_job');
    expect(arm.sequence()).not.toContain('GET /discovery');

    const destination = join(folder, 'out');
    const files = await client.jobs.download('wired_job', { destination });
    expect(files).toEqual([
      {
        outputName: 'default',
        path: 'outputs/model.txt',
        destination: join(destination, 'artifacts', 'outputs', 'model.txt'),
        size: 8,
      },
    ]);
    expect(await readFile(join(destination, 'artifacts/outputs/model.txt'), 'utf8')).toBe(
      'trained\n',
    );
  });

  it('does not discover when historyUrl is given', async () => {
    arm.runs.set('given_url', { status: 'Completed', logs: {} });
    arm.calls.length = 0;
    await azureClient({ historyUrl: arm.origin }).jobs.stream('given_url');
    expect(arm.sequence()).not.toContain(`GET ${WS}`);
    expect(arm.sequence()).not.toContain('GET /discovery');
  });

  it('does refuse an Azure download without an outputDownloader, naming the option', async () => {
    const client = createClient({
      endpoint: arm.origin,
      backend: 'azure',
      workspace: WORKSPACE,
      credential: createStaticTokenCredential(TOKEN),
    });
    await expect(client.jobs.download('wired_job', { destination: folder })).rejects.toThrow(
      "expected the client's outputDownloader option",
    );
  });
});
