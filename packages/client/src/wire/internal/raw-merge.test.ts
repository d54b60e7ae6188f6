import { describe, expect, it } from 'vitest';
import type {
  AssetResolver,
  CodeRequest,
  ComponentRequest,
  InputRequest,
} from '../../resolver/asset-resolver.js';
import { mergeWithRaw, restOriginResolver } from './raw-merge.js';

class ClassResolver implements AssetResolver {
  readonly seen: string[] = [];
  resolveCompute(compute: string): Promise<string> {
    this.seen.push(`compute:${compute}`);
    return Promise.resolve(`/c/${compute}`);
  }
  getCompute(compute: string): Promise<string> {
    this.seen.push(`get:${compute}`);
    return Promise.resolve(`/c/${compute}`);
  }
  resolveDatastore(datastore: string): Promise<string> {
    return Promise.resolve(`/d/${datastore}`);
  }
  resolveCode(code: CodeRequest): Promise<string> {
    this.seen.push(`code:${'path' in code ? code.path : 'placeholder'}`);
    return Promise.resolve('/code');
  }
  resolveEnvironment(): Promise<string> {
    return Promise.resolve('/env');
  }
  resolveInput(input: InputRequest): Promise<string> {
    this.seen.push(`input:${input.path}`);
    return Promise.resolve('/in');
  }
  resolveComponent(component: ComponentRequest): Promise<string> {
    this.seen.push(`component:${'reference' in component ? component.reference : 'anonymous'}`);
    return Promise.resolve('/comp');
  }
}

describe('restOriginResolver', () => {
  it('passes values read from the service through and delegates the rest, prototype methods included', async () => {
    const inner = new ClassResolver();
    const wrapper = restOriginResolver(inner, {
      computeId: '/subs/x/computes/gpu',
      codeId: '/codes/abc/versions/1',
      jobs: { a: { componentId: '/components/c/versions/1' } },
    });
    const ctx = { jobDir: '/j' };
    await expect(wrapper.resolveCompute('gpu', ctx)).resolves.toBe('/subs/x/computes/gpu');
    await expect(wrapper.resolveCode({ path: '/codes/abc/versions/1' }, ctx)).resolves.toBe(
      '/codes/abc/versions/1',
    );
    await expect(wrapper.resolveCode({ path: './src' }, ctx)).resolves.toBe('/code');
    await expect(
      wrapper.resolveComponent?.({ reference: '/components/c/versions/1' }, ctx),
    ).resolves.toBe('/components/c/versions/1');
    await expect(wrapper.getCompute?.('cpu', ctx)).resolves.toBe('/c/cpu');
    await expect(wrapper.resolveInput({ type: 'uri_file', path: './x' }, ctx)).resolves.toBe('/in');
    expect(inner.seen).toEqual(['code:./src', 'get:cpu', 'input:./x']);
  });
});

describe('mergeWithRaw', () => {
  const raw = {
    jobType: 'Command',
    status: 'Running',
    parameters: { a: 1 },
    tags: { keep: 'x', drop: 'y' },
    inputs: { a: { jobInputType: 'literal', value: '1', futureInputField: true } },
    goal: 'Minimize',
    resources: { instanceCount: 1, futureResourceField: 'z' },
    services: { s: { jobServiceType: 'SSH', status: 'Running', errorMessage: 'e' } },
    futureTopField: [1],
  };

  it('lets entity edits win, keeps unknown fields and drops read-only ones', () => {
    const out = mergeWithRaw(
      {
        jobType: 'Command',
        tags: { keep: 'x' },
        inputs: { a: { jobInputType: 'literal', value: '2' } },
        goal: 'minimize',
        resources: { instanceCount: 3 },
        services: { s: { jobServiceType: 'SSH' } },
        displayName: 'generated',
        environmentVariables: {},
        newField: 'n',
      },
      raw,
      { defaulted: new Set(['displayName']), unchanged: false },
    );
    expect(out).toEqual({
      jobType: 'Command',
      tags: { keep: 'x' },
      inputs: { a: { jobInputType: 'literal', value: '2', futureInputField: true } },
      goal: 'Minimize',
      resources: { instanceCount: 3, futureResourceField: 'z' },
      services: { s: { jobServiceType: 'SSH' } },
      futureTopField: [1],
      newField: 'n',
    });
  });

  it('adds nothing the read JSON did not have when the job is unchanged', () => {
    const out = mergeWithRaw({ jobType: 'Command', newField: 'n' }, raw, {
      defaulted: new Set(),
      unchanged: true,
    });
    expect(out).not.toHaveProperty('newField');
    expect(out).not.toHaveProperty('status');
    expect(out).not.toHaveProperty('parameters');
  });
});
