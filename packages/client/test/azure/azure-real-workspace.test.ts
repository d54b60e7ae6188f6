/**
 * The same resolver against a real Azure Machine Learning workspace. Runs only when
 * AMLKIT_TEST_SUBSCRIPTION, AMLKIT_TEST_RESOURCE_GROUP, AMLKIT_TEST_WORKSPACE and
 * AMLKIT_TEST_TOKEN (an ARM access token: `az account get-access-token --query accessToken -o tsv`)
 * are set; see README "Azure".
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStaticTokenCredential, createTransport } from '../../src/index.js';
import {
  createAzureBlobUploader,
  createAzureResolver,
  discoverWorkspaceEndpoints,
} from '../../src/node.js';

const subscriptionId = process.env['AMLKIT_TEST_SUBSCRIPTION'];
const resourceGroup = process.env['AMLKIT_TEST_RESOURCE_GROUP'];
const workspaceName = process.env['AMLKIT_TEST_WORKSPACE'];
const token = process.env['AMLKIT_TEST_TOKEN'];
const missing = !subscriptionId || !resourceGroup || !workspaceName || !token;

if (missing) {
  console.info(
    'Skipping the real-workspace Azure tests: set AMLKIT_TEST_SUBSCRIPTION, AMLKIT_TEST_RESOURCE_GROUP, AMLKIT_TEST_WORKSPACE and AMLKIT_TEST_TOKEN to run them.',
  );
}

describe.skipIf(missing)('Azure resolver on a real workspace', () => {
  const workspace = {
    subscriptionId: subscriptionId ?? '',
    resourceGroup: resourceGroup ?? '',
    workspaceName: workspaceName ?? '',
  };
  // Built lazily: the describe body is collected even when the block is skipped.
  const transport = () =>
    createTransport({
      baseUrl: 'https://management.azure.com',
      credential: createStaticTokenCredential(token ?? ''),
    });

  it('discovers the run-history URL', async () => {
    const endpoints = await discoverWorkspaceEndpoints(transport(), workspace);
    expect(endpoints.historyUrl).toMatch(/^https:\/\//);
  });

  it('uploads and registers a code snapshot, then reuses it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'amlkit-real-'));
    try {
      await writeFile(join(dir, 'train.py'), 'print("amlkit real-workspace test")\n');
      const resolver = () =>
        createAzureResolver(workspace, {
          transport: transport(),
          uploader: createAzureBlobUploader(),
        });
      const first = await resolver().resolveCode({ path: dir }, { jobDir: dir });
      expect(first).toMatch(/\/codes\/[0-9a-f]{32}\/versions\/1$/);
      expect(await resolver().resolveCode({ path: dir }, { jobDir: dir })).toBe(first);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
