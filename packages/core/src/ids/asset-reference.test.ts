import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAssetReference, isAssetReference, parseAssetReference } from './asset-reference.js';
import type { AssetReference } from './asset-reference.js';
import { isAssetReferenceError } from './id-error.js';

const WS =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws';
const SCOPE = {
  subscriptionId: '00000000-0000-0000-0000-000000000000',
  resourceGroup: 'rg',
  workspaceName: 'ws',
};

describe('parseAssetReference', () => {
  it.each<[string, AssetReference]>([
    ['azureml:my-env:3', { kind: 'named', name: 'my-env', version: '3' }],
    [
      'azureml:nccltests_nvidia_pytorch:22.02-py3',
      { kind: 'named', name: 'nccltests_nvidia_pytorch', version: '22.02-py3' },
    ],
    ['azureml:a:b:c', { kind: 'named', name: 'a:b', version: 'c' }],
    [
      'azureml:local-folder-example@latest',
      { kind: 'label', name: 'local-folder-example', label: 'latest' },
    ],
    ['azureml:a@b@c', { kind: 'label', name: 'a@b', label: 'c' }],
    ['azureml:cpu-cluster', { kind: 'unversioned', name: 'cpu-cluster' }],
    [
      'azureml:AzureML-sklearn-1.5@latest',
      { kind: 'curated', name: 'AzureML-sklearn-1.5', label: 'latest' },
    ],
    [
      'azureml:AzureML-acpt-pytorch-2.8-cuda12.6:7',
      { kind: 'curated', name: 'AzureML-acpt-pytorch-2.8-cuda12.6', version: '7' },
    ],
    ['azureml:AzureML-minimal', { kind: 'curated', name: 'AzureML-minimal' }],
    [
      `azureml:${WS}/environments/env/versions/1`,
      { kind: 'arm', id: { ...SCOPE, kind: 'environments', name: 'env', version: '1' } },
    ],
    [`${WS}/computes/cpu`, { kind: 'arm', id: { ...SCOPE, kind: 'computes', name: 'cpu' } }],
    [
      'azureml://registries/azureml/environments/sklearn-1.5/labels/latest',
      {
        kind: 'registry',
        id: { registry: 'azureml', kind: 'environments', name: 'sklearn-1.5', label: 'latest' },
      },
    ],
    [
      'azureml://feeds/azureml/components/c/versions/1',
      {
        kind: 'registry',
        id: { registry: 'azureml', kind: 'components', name: 'c', version: '1' },
      },
    ],
    [
      'azureml://datastores/workspaceblobstore/paths/data/wrangled/',
      { kind: 'datastorePath', datastore: 'workspaceblobstore', path: 'data/wrangled/' },
    ],
    [
      'azureml://datastores/${{default_datastore}}/paths/${{name}}/out.csv',
      { kind: 'datastorePath', datastore: '${{default_datastore}}', path: '${{name}}/out.csv' },
    ],
    [
      'azureml://subscriptions/s/resourcegroups/rg/workspaces/ws/datastores/ds/paths/a/b.csv',
      {
        kind: 'datastorePath',
        datastore: 'ds',
        path: 'a/b.csv',
        workspace: { subscriptionId: 's', resourceGroup: 'rg', workspaceName: 'ws' },
      },
    ],
    [
      'azureml://jobs/olden_deer_2xqthlj4m4/outputs/model/paths/model.pkl',
      {
        kind: 'jobOutput',
        jobName: 'olden_deer_2xqthlj4m4',
        outputName: 'model',
        path: 'model.pkl',
      },
    ],
  ])('reads %s', (text, expected) => {
    expect(parseAssetReference(text)).toEqual(expected);
    expect(isAssetReference(text)).toBe(true);
  });

  it.each([
    ['azureml:', /a name after 'azureml:'/],
    ['azureml:foo/bar:1', /If providing an ARM id, it should start with a '\/'/],
    ['azureml:subscriptions/s/resourceGroups/rg', /should start with a '\/'/],
    ['azureml:name:', /non-empty name and version/],
    ['azureml::1', /non-empty name and version/],
    ['azureml:name@', /non-empty name and label/],
    ['azureml:/subscriptions/s/resourceGroups/rg', /a full ARM id/],
    ['azureml://registries/r/models', /azureml:\/\/registries\/<registry>/],
    ['azureml://datastores/ds', /an 'azureml:\/\/' URI/],
    ['azureml://locations/x', /an 'azureml:\/\/' URI/],
    ['./data', /starting with 'azureml:' or '\/subscriptions\/'/],
    ['https://example.com/x.csv', /starting with 'azureml:'/],
    ['cpu-cluster', /starting with 'azureml:'/],
    ['AzureML:foo:1', /starting with 'azureml:'/],
    ['/home/me/data', /a full ARM id/],
  ])('refuses %j', (text, message) => {
    let caught: unknown;
    try {
      parseAssetReference(text);
    } catch (error) {
      caught = error;
    }
    expect(isAssetReferenceError(caught)).toBe(true);
    expect(caught).toMatchObject({ code: 'INVALID_ASSET_REFERENCE', input: text });
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message).toContain(`received ${JSON.stringify(text)}`);
    expect(isAssetReference(text)).toBe(false);
  });

  it('keeps the underlying id error as the cause', () => {
    try {
      parseAssetReference('azureml:/subscriptions/s');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).cause).toMatchObject({ code: 'INVALID_ARM_ID' });
    }
  });

  it('throws a TypeError for non-strings', () => {
    expect(() => parseAssetReference(1 as unknown as string)).toThrow(TypeError);
  });
});

describe('formatAssetReference', () => {
  it('writes the canonical text', () => {
    expect(formatAssetReference({ kind: 'named', name: 'env', version: '1' })).toBe(
      'azureml:env:1',
    );
    expect(
      formatAssetReference({ kind: 'arm', id: { ...SCOPE, kind: 'computes', name: 'c' } }),
    ).toBe(`azureml:${WS}/computes/c`);
    expect(
      formatAssetReference({
        kind: 'datastorePath',
        datastore: 'ds',
        path: 'p',
        workspace: { subscriptionId: 's', resourceGroup: 'rg', workspaceName: 'ws' },
      }),
    ).toBe('azureml://subscriptions/s/resourcegroups/rg/workspaces/ws/datastores/ds/paths/p');
  });

  it('refuses parts that would not read back', () => {
    expect(() => formatAssetReference({ kind: 'named', name: 'a', version: 'b:c' })).toThrow(
      TypeError,
    );
    expect(() => formatAssetReference({ kind: 'unversioned', name: 'a@b' })).toThrow(TypeError);
    expect(() => formatAssetReference({ kind: 'label', name: 'a', label: '' })).toThrow(TypeError);
    expect(() => formatAssetReference({ kind: 'unversioned', name: 'AzureML-x' })).toThrow(
      /non-curated/,
    );
    expect(() => formatAssetReference({ kind: 'curated', name: 'x' })).toThrow(
      /curated name to start/,
    );
  });

  it('round-trips with parseAssetReference (property)', () => {
    const plain = fc.stringMatching(/^[a-z0-9_.-]{1,12}$/).filter((s) => !s.startsWith('AzureML-'));
    const text = fc.stringMatching(/^[A-Za-z0-9_.${}-]{1,12}$/);
    const path = fc.stringMatching(/^[A-Za-z0-9_./-]{1,24}$/);
    const withColons = fc
      .stringMatching(/^[a-z0-9_.:-]{1,12}$/)
      .filter((s) => !s.startsWith('AzureML-'));
    const reference: fc.Arbitrary<AssetReference> = fc.oneof(
      fc.record({
        kind: fc.constant('named' as const),
        name: withColons.filter((s) => !s.startsWith(':') && !s.startsWith('/')),
        version: plain,
      }),
      fc.record({
        kind: fc.constant('label' as const),
        name: withColons.filter((s) => !s.startsWith('/')),
        label: plain,
      }),
      fc.record({ kind: fc.constant('unversioned' as const), name: plain }),
      fc.record({ kind: fc.constant('curated' as const), name: plain.map((s) => `AzureML-${s}`) }),
      fc.record({
        kind: fc.constant('curated' as const),
        name: plain.map((s) => `AzureML-${s}`),
        version: plain,
      }),
      fc.record({
        kind: fc.constant('curated' as const),
        name: plain.map((s) => `AzureML-${s}`),
        label: plain,
      }),
      fc.record({ kind: fc.constant('datastorePath' as const), datastore: text, path }),
      fc.record({ kind: fc.constant('jobOutput' as const), jobName: text, outputName: text, path }),
      fc.record({
        kind: fc.constant('arm' as const),
        id: fc.record({
          subscriptionId: text,
          resourceGroup: text,
          workspaceName: text,
          kind: text,
          name: text,
          version: text,
        }),
      }),
      fc.record({
        kind: fc.constant('registry' as const),
        id: fc.record({ registry: text, kind: text, name: text, label: text }),
      }),
    );
    fc.assert(
      fc.property(reference, (ref) => {
        expect(parseAssetReference(formatAssetReference(ref))).toEqual(ref);
      }),
    );
  });
});
