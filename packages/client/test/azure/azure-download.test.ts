import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createStaticTokenCredential,
  createTransport,
  isAssetResolutionError,
} from '../../src/index.js';
import { createAzureResolver, downloadAzureJobOutputs } from '../../src/node.js';
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
let destination: string;

beforeAll(async () => {
  [arm, azurite] = await Promise.all([startArmEmulator(), startAzurite()]);
  const artifacts = await azurite.container(ARTIFACT_CONTAINER);
  const blobstore = await azurite.container(CONTAINER);
  const put = (container: typeof artifacts, name: string, text: string) =>
    container.getBlockBlobClient(name).upload(text, Buffer.byteLength(text));
  await put(artifacts, 'ExperimentRun/dcid.olden_deer/user_logs/std_log.txt', 'hello\n');
  await put(artifacts, 'ExperimentRun/dcid.olden_deer/outputs/model.pkl', 'model');
  await put(blobstore, 'azureml/olden_deer/scores/part-0.csv', 'a,b\n');
  await put(blobstore, 'custom/place/metrics.json', '{}');
  arm.runs.set('olden_deer', {
    status: 'Completed',
    logs: {},
    outputs: {
      default: { jobOutputType: 'uri_folder' },
      scores: { jobOutputType: 'uri_folder' },
      metrics: {
        jobOutputType: 'uri_folder',
        uri: 'azureml://datastores/workspaceblobstore/paths/custom/place/',
      },
    },
  });
  arm.runs.set('cached_run', {
    status: 'Completed',
    logs: {},
    tags: { 'azureml.isreused': 'true', 'azureml.reusedrunid': 'olden_deer' },
  });
  arm.runs.set('busy_run', { status: 'Running', logs: {} });
});

afterAll(async () => {
  await Promise.all([arm.close(), azurite.stop()]);
});

beforeEach(async () => {
  arm.calls.length = 0;
  destination = await mkdtemp(join(tmpdir(), 'amlkit-azure-download-'));
  return () => rm(destination, { recursive: true, force: true });
});

function options(extra: { outputName?: string; all?: boolean } = {}) {
  const transport = createTransport({
    baseUrl: arm.origin,
    credential: createStaticTokenCredential(TOKEN),
    maxRetries: 0,
  });
  const resolver = createAzureResolver(WORKSPACE, { transport });
  return {
    transport,
    getDatastore: (name: string) => resolver.getDatastore(name),
    destination,
    serviceUrl: () => azurite.serviceUrl,
    ...extra,
  };
}

describe('downloadAzureJobOutputs', () => {
  it('downloads the default artifacts into artifacts/ from the artifact store fallback', async () => {
    const files = await downloadAzureJobOutputs('olden_deer', WORKSPACE, options());
    expect(files.map((file) => file.path.slice(destination.length)).sort()).toEqual([
      '/artifacts/outputs/model.pkl',
      '/artifacts/user_logs/std_log.txt',
    ]);
    expect(await readFile(join(destination, 'artifacts/user_logs/std_log.txt'), 'utf8')).toBe(
      'hello\n',
    );
    expect(arm.sequence()).toEqual([
      `GET ${WS}/jobs/olden_deer`,
      `GET ${WS}/datastores/workspaceartifactstore`,
      `POST ${WS}/datastores/workspaceartifactstore/listSecrets`,
    ]);
  });

  it('downloads every output with all, named outputs under named-outputs/<name>/', async () => {
    const files = await downloadAzureJobOutputs('olden_deer', WORKSPACE, options({ all: true }));
    expect(
      files.map((file) => `${file.output} ${file.path.slice(destination.length)}`).sort(),
    ).toEqual([
      'default /artifacts/outputs/model.pkl',
      'default /artifacts/user_logs/std_log.txt',
      'metrics /named-outputs/metrics/metrics.json',
      'scores /named-outputs/scores/part-0.csv',
    ]);
  });

  it('follows a reused job to the job it reused', async () => {
    const files = await downloadAzureJobOutputs(
      'cached_run',
      WORKSPACE,
      options({ outputName: 'scores' }),
    );
    expect(files.map((file) => file.path.slice(destination.length))).toEqual([
      '/named-outputs/scores/part-0.csv',
    ]);
    expect(arm.sequence().slice(0, 2)).toEqual([
      `GET ${WS}/jobs/cached_run`,
      `GET ${WS}/jobs/olden_deer`,
    ]);
  });

  it('refuses a job that is still running and an unknown output', async () => {
    const running: unknown = await downloadAzureJobOutputs('busy_run', WORKSPACE, options()).catch(
      (e: unknown) => e,
    );
    expect(isAssetResolutionError(running)).toBe(true);
    expect((running as Error).message).toContain('received Running');
    await expect(
      downloadAzureJobOutputs('olden_deer', WORKSPACE, options({ outputName: 'nope' })),
    ).rejects.toThrow("expected one of default, scores, metrics, received 'nope'");
  });
});
