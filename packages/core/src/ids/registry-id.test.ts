import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAssetReferenceError } from './id-error.js';
import { formatRegistryId, isRegistryId, parseRegistryId } from './registry-id.js';
import type { RegistryId } from './registry-id.js';

describe('parseRegistryId', () => {
  it('reads versioned, labelled and unversioned registry ids', () => {
    expect(
      parseRegistryId('azureml://registries/azureml/components/compute_metrics/versions/0.0.3'),
    ).toEqual({
      registry: 'azureml',
      kind: 'components',
      name: 'compute_metrics',
      version: '0.0.3',
    });
    expect(
      parseRegistryId('azureml://registries/azureml/environments/sklearn-1.5/labels/latest'),
    ).toEqual({
      registry: 'azureml',
      kind: 'environments',
      name: 'sklearn-1.5',
      label: 'latest',
    });
    expect(
      parseRegistryId('azureml://registries/azureml/components/automl_many_models_training'),
    ).toEqual({
      registry: 'azureml',
      kind: 'components',
      name: 'automl_many_models_training',
    });
  });

  it('reads the legacy feeds prefix as registries', () => {
    expect(parseRegistryId('azureml://feeds/r/models/m/versions/1')).toEqual({
      registry: 'r',
      kind: 'models',
      name: 'm',
      version: '1',
    });
  });

  it.each([
    'azureml://registries/r/models',
    'azureml://registries/r/models/m/versions',
    'azureml://registries/r/models/m/versions/1/x',
    'azureml://registries/r/models/m/tags/1',
    'azureml://registries//models/m',
    'azureml://datastores/d/paths/p',
    'azureml:m:1',
  ])('refuses %j', (id) => {
    expect(() => parseRegistryId(id)).toThrow(
      expect.objectContaining({ code: 'INVALID_REGISTRY_ID' }),
    );
    expect(isRegistryId(id)).toBe(false);
    try {
      parseRegistryId(id);
    } catch (error) {
      expect(isAssetReferenceError(error)).toBe(true);
    }
  });
});

describe('formatRegistryId', () => {
  it('refuses both version and label, and empty parts', () => {
    expect(() =>
      formatRegistryId({ registry: 'r', kind: 'm', name: 'n', version: '1', label: 'l' }),
    ).toThrow(TypeError);
    expect(() => formatRegistryId({ registry: '', kind: 'm', name: 'n' })).toThrow(TypeError);
  });

  it('round-trips with parseRegistryId (property)', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_.-]{1,16}$/);
    const registryId: fc.Arbitrary<RegistryId> = fc
      .tuple(segment, segment, segment, fc.option(segment, { nil: undefined }), fc.boolean())
      .map(([registry, kind, name, tail, isLabel]) => ({
        registry,
        kind,
        name,
        ...(tail === undefined ? {} : isLabel ? { label: tail } : { version: tail }),
      }));
    fc.assert(
      fc.property(registryId, (id) => {
        expect(parseRegistryId(formatRegistryId(id))).toEqual(id);
      }),
    );
  });
});
