import { describe, expect, it } from 'vitest';
import { isAssetResolutionError } from './asset-resolution-error.js';
import { createOfflineResolver, PLACEHOLDER_CODE_KEY } from './create-offline-resolver.js';
import type { ResolverCall } from './resolver-call.js';

const WS =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws';
const workspace = {
  subscriptionId: '00000000-0000-0000-0000-000000000000',
  resourceGroup: 'rg',
  workspaceName: 'ws',
};
const ctx = { jobDir: '/corpus/cli/jobs/basics' };

describe('createOfflineResolver', () => {
  it('turns compute names into workspace compute ids and keeps ARM ids', async () => {
    const r = createOfflineResolver(workspace);
    await expect(r.resolveCompute('cpu-cluster', ctx)).resolves.toBe(`${WS}/computes/cpu-cluster`);
    await expect(r.resolveCompute('azureml:serverless', ctx)).resolves.toBe(
      `${WS}/computes/serverless`,
    );
    await expect(r.resolveCompute(`${WS}/computes/x`, ctx)).resolves.toBe(`${WS}/computes/x`);
    expect(r.calls).toEqual([]);
  });

  it('records validation-time compute lookups as compute_get', async () => {
    const r = createOfflineResolver(workspace);
    await r.getCompute('azureml:gpu-cluster', ctx);
    expect(r.calls).toEqual([
      { op: 'compute_get', name: 'gpu-cluster', id: `${WS}/computes/gpu-cluster` },
    ]);
  });

  it('registers local code by the hash of its key relative to the job folder (README worked example)', async () => {
    const r = createOfflineResolver(workspace);
    await expect(r.resolveCode({ path: 'src' }, ctx)).resolves.toBe(
      `${WS}/codes/25a6634263c1b1f6fc4697a04e2b9904/versions/1`,
    );
    await expect(r.resolveCode({ path: './src/' }, ctx)).resolves.toBe(
      `${WS}/codes/25a6634263c1b1f6fc4697a04e2b9904/versions/1`,
    );
    expect(r.calls[0]).toEqual({
      op: 'code',
      key: 'src',
      name: '25a6634263c1b1f6fc4697a04e2b9904',
      version: '1',
      id: `${WS}/codes/25a6634263c1b1f6fc4697a04e2b9904/versions/1`,
    });
  });

  it('keys paths written in a component file relative to the job folder', async () => {
    const r = createOfflineResolver(workspace);
    await r.resolveCode({ path: './src' }, { jobDir: '/x', baseDir: '/x/components' });
    await r.resolveCode({ path: '../shared' }, { jobDir: '/x/job', baseDir: '/x/job' });
    await r.resolveCode({ path: '.' }, { jobDir: '/x', baseDir: '/x' });
    expect(r.calls.map((c) => (c.op === 'code' ? c.key : ''))).toEqual([
      'components/src',
      '../shared',
      '.',
    ]);
  });

  it('gives components without code the placeholder code', async () => {
    const r = createOfflineResolver(workspace);
    await expect(r.resolveCode({ placeholder: true }, ctx)).resolves.toBe(
      `${WS}/codes/5c349d2bb73e06c3342bfe9a54a87fdd/versions/1`,
    );
    expect(r.calls[0]).toMatchObject({ key: PLACEHOLDER_CODE_KEY });
  });

  it('resolves environment references by the contract and keeps curated and registry ones', async () => {
    const r = createOfflineResolver(workspace);
    await expect(r.resolveEnvironment('azureml:my-env:3', ctx)).resolves.toBe(
      `${WS}/environments/my-env/versions/3`,
    );
    await expect(r.resolveEnvironment('azureml:my-env@latest', ctx)).resolves.toBe(
      `${WS}/environments/my-env/versions/1`,
    );
    await expect(r.resolveEnvironment('azureml:AzureML-sklearn-1.5@latest', ctx)).resolves.toBe(
      'azureml:AzureML-sklearn-1.5@latest',
    );
    const registry = 'azureml://registries/azureml/environments/sklearn-1.5/labels/latest';
    await expect(r.resolveEnvironment(registry, ctx)).resolves.toBe(registry);
    expect(r.calls).toEqual([
      { op: 'label', name: 'my-env', label: 'latest', version: '1' },
    ] satisfies ResolverCall[]);
  });

  it('rejects unknown labels and missing versions with an AssetResolutionError', async () => {
    const r = createOfflineResolver(workspace);
    const stable = r.resolveEnvironment('azureml:my-env@stable', ctx);
    await expect(stable).rejects.toSatisfy(isAssetResolutionError);
    await expect(stable).rejects.toThrow(/expected the label '@latest'.*received '@stable'/);
    await expect(r.resolveEnvironment('azureml:my-env', ctx)).rejects.toThrow(
      /received a name without a version/,
    );
    await expect(r.resolveInput({ type: 'uri_file', path: 'azureml:d' }, ctx)).rejects.toSatisfy(
      isAssetResolutionError,
    );
  });

  it('names inline environments CliV2AnonymousEnvironment with their load-time version', async () => {
    const r = createOfflineResolver(workspace);
    await expect(
      r.resolveEnvironment(
        { image: 'library/python:latest', version: 'e6b10c1cf68e59c9ebd6f84184973c4b' },
        ctx,
      ),
    ).resolves.toBe(
      `${WS}/environments/CliV2AnonymousEnvironment/versions/e6b10c1cf68e59c9ebd6f84184973c4b`,
    );
    await expect(r.resolveEnvironment({ image: 'x' }, ctx)).rejects.toSatisfy(
      isAssetResolutionError,
    );
  });

  it('uploads local inputs under LocalUpload/<hash>/<name>, with a slash for folders', async () => {
    const r = createOfflineResolver(workspace);
    await expect(
      r.resolveInput(
        { type: 'uri_folder', path: './data' },
        { jobDir: '/j/single-step/r/accidents' },
      ),
    ).resolves.toBe(
      'azureml://datastores/workspaceblobstore/paths/LocalUpload/3a6eb0790f39ac87c94f3856b2dd2c5d/data/',
    );
    await expect(
      r.resolveInput({ type: 'uri_file', path: 'x/y.csv', datastore: 'other' }, ctx),
    ).resolves.toMatch(/^azureml:\/\/datastores\/other\/paths\/LocalUpload\/[0-9a-f]{32}\/y\.csv$/);
    expect(r.calls[0]).toEqual({
      op: 'upload',
      key: 'data',
      datastore: 'workspaceblobstore',
      uri: 'azureml://datastores/workspaceblobstore/paths/LocalUpload/3a6eb0790f39ac87c94f3856b2dd2c5d/data',
    });
  });

  it('maps data and model references to data/ and models/ and keeps URIs and bindings', async () => {
    const r = createOfflineResolver(workspace);
    await expect(r.resolveInput({ type: 'uri_folder', path: 'azureml:d:2' }, ctx)).resolves.toBe(
      `${WS}/data/d/versions/2`,
    );
    await expect(
      r.resolveInput({ type: 'mlflow_model', path: 'azureml:m@latest' }, ctx),
    ).resolves.toBe(`${WS}/models/m/versions/1`);
    for (const path of [
      'https://x/y.csv',
      'wasbs://c@a.blob.core.windows.net/p',
      'azureml://datastores/ds/paths/p/',
      '${{parent.inputs.x}}',
    ]) {
      await expect(r.resolveInput({ type: 'uri_file', path }, ctx)).resolves.toBe(path);
    }
  });

  it('resolves component references and names anonymous components by their hash input', async () => {
    const trace: ResolverCall[] = [];
    const r = createOfflineResolver(workspace, { trace: (call) => trace.push(call) });
    await expect(r.resolveComponent({ reference: 'azureml:c:1' }, ctx)).resolves.toBe(
      `${WS}/components/c/versions/1`,
    );
    await expect(r.resolveComponent({ reference: 'azureml:c@default' }, ctx)).resolves.toBe(
      `${WS}/components/c/labels/default`,
    );
    const id = await r.resolveComponent(
      { anonymous: true, hashKind: 'component_to_dict', hashInput: { a: 1 } },
      ctx,
    );
    expect(id).toMatch(
      /\/components\/azureml_anonymous\/versions\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(trace).toEqual(r.calls);
    expect(trace.at(-1)).toMatchObject({ op: 'component', anonymous: true, hash_input: { a: 1 } });
  });
});
