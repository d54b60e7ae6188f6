import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  componentAssetReference,
  componentHashInput,
  pipelineComponentHashInput,
} from './components.js';

const CODE =
  '/subscriptions/0/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/codes/abc/versions/1';
const ENV =
  '/subscriptions/0/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/environments/e/versions/2';

describe('componentAssetReference', () => {
  it('prefixes ARM ids with azureml: and leaves registry, curated and prefixed ids alone', () => {
    expect(componentAssetReference(CODE)).toBe(`azureml:${CODE}`);
    expect(
      componentAssetReference('azureml://registries/azureml/environments/x/labels/latest'),
    ).toBe('azureml://registries/azureml/environments/x/labels/latest');
    expect(componentAssetReference('azureml:AzureML-sklearn-1.5@latest')).toBe(
      'azureml:AzureML-sklearn-1.5@latest',
    );
    expect(componentAssetReference(`azureml:${CODE}`)).toBe(`azureml:${CODE}`);
  });
});

describe('componentHashInput', () => {
  it('drops name, id and version, defaults display_name to the node name and resolves code and environment', () => {
    const input = componentHashInput(
      {
        name: 'azureml_anonymous',
        version: '1',
        id: 'x',
        type: 'command',
        command: 'echo',
        code: '/abs/src',
        environment: { image: 'python', name: 'CliV2AnonymousEnvironment', version: 'v' },
        is_deterministic: true,
      },
      { nodeName: 'train', codeId: CODE, environmentId: ENV },
    );
    expect(input).toEqual({
      type: 'command',
      command: 'echo',
      code: `azureml:${CODE}`,
      environment: `azureml:${ENV}`,
      display_name: 'train',
      is_deterministic: true,
    });
  });

  it('keeps a display_name the component has', () => {
    expect(componentHashInput({ display_name: 'Train' }, { nodeName: 'train' })).toEqual({
      display_name: 'Train',
    });
  });

  it('puts a parallel component’s code and environment in its task', () => {
    const input = componentHashInput(
      { type: 'parallel', task: { code: '/abs', environment: {}, entry_script: 'a.py' } },
      { nodeName: 'p', codeId: CODE, environmentId: ENV },
    );
    expect(input).toEqual({
      type: 'parallel',
      display_name: 'p',
      task: { code: `azureml:${CODE}`, environment: `azureml:${ENV}`, entry_script: 'a.py' },
    });
  });

  it('never keeps name, id or version and keeps every other key (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1 }), fc.jsonValue()),
        fc.string({ minLength: 1 }),
        (dumped, nodeName) => {
          const out = componentHashInput(dumped, { nodeName });
          expect('name' in out || 'id' in out || 'version' in out).toBe(false);
          for (const [k, v] of Object.entries(dumped)) {
            if (['name', 'id', 'version', 'display_name'].includes(k)) continue;
            if (k === 'task' && dumped['type'] === 'parallel') continue;
            expect(out[k]).toEqual(v);
          }
          expect(out['display_name']).toEqual(dumped['display_name'] ?? nodeName);
        },
      ),
    );
  });
});

describe('pipelineComponentHashInput', () => {
  it('is the REST component_spec: jobs as REST node dicts without names, sourceJobId null', () => {
    const spec = pipelineComponentHashInput(
      {
        name: 'azureml_anonymous',
        version: '1',
        _source: 'YAML.COMPONENT',
        type: 'pipeline',
        jobs: {},
      },
      { a: { name: 'a', type: 'command', componentId: 'c' } },
    );
    expect(spec).toEqual({
      type: 'pipeline',
      jobs: { a: { type: 'command', componentId: 'c' } },
      sourceJobId: null,
    });
  });
});
