import { describe, expect, it } from 'vitest';
import { isJobLoadError, loadJob } from '../../index.js';
import { SparkJob } from './spark-job.js';

const base = `
type: spark
code: .
entry: {file: main.py}
resources: {instance_type: standard_e4s_v3, runtime_version: 3.2}
`;
const load = (text: string) => loadJob({ text, basePath: '/tmp', file: 'spark.yml' });

async function codes(text: string): Promise<string[][]> {
  const error = await load(text).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isJobLoadError(error)) throw new Error('expected a JobLoadError');
  return error.diagnostics.map((d): string[] => [d.path.join('.'), d.code]);
}

describe('SparkJob', () => {
  it('exposes the well-known conf keys as attributes and writes them back under conf', () => {
    const job = new SparkJob({
      entry: { file: 'main.py' },
      conf: { 'spark.driver.cores': 1, 'spark.yarn.maxAttempts': 2 },
    });
    job.driverMemory = '2g';
    job.executorInstances = 3;
    job.driverCores = undefined;
    expect(job.driverMemory).toBe('2g');
    expect(job.toYamlObject()['conf']).toEqual({
      'spark.driver.memory': '2g',
      'spark.executor.instances': 3,
      'spark.yarn.maxAttempts': 2,
    });
  });

  it('defaults the identity as the SDK does: managed on an attached pool, user identity on serverless', () => {
    expect(new SparkJob({ compute: 'pool' }).identity).toEqual({ type: 'managed_identity' });
    expect(new SparkJob({ resources: { instanceType: 'standard_e4s_v3' } }).identity).toEqual({
      type: 'user_identity',
    });
    expect(new SparkJob().identity).toBeUndefined();
    const job = new SparkJob({ compute: 'pool', identity: { type: 'aml_token' } });
    expect(job.toYamlObject()['identity']).toEqual({ type: 'aml_token' });
    job.identity = undefined;
    expect(job.toYamlObject()['identity']).toEqual({ type: 'managed_identity' });
  });

  it('writes code as an absolute path and the runtime version as a string', async () => {
    const job = await load(base);
    expect(job.toYamlObject()).toMatchObject({
      type: 'spark',
      code: '/tmp',
      entry: { file: 'main.py' },
      resources: { instance_type: 'standard_e4s_v3', runtime_version: '3.2' },
      identity: { type: 'user_identity' },
      inputs: {},
      outputs: {},
    });
  });

  it('rejects bad conf values, duplicate files and unknown keys, all at once', async () => {
    expect(
      await codes(`${base}
conf: {spark.driver.memory: 2 gigs, spark.executor.cores: two, spark.dynamicAllocation.enabled: maybe}
py_files: [a.py, a.py]
entri: {file: x.py}
`),
    ).toEqual(
      expect.arrayContaining([
        ['conf.spark.driver.memory', 'JOB_INVALID_VALUE'],
        ['conf.spark.executor.cores', 'JOB_INVALID_VALUE'],
        ['conf.spark.dynamicAllocation.enabled', 'JOB_INVALID_VALUE'],
        ['py_files', 'JOB_INVALID_VALUE'],
        ['entri', 'JOB_UNKNOWN_KEY'],
      ]),
    );
  });

  it('checks that args only reference declared inputs and outputs', async () => {
    expect(await codes(`${base}args: --in \${{inputs.data}} --out \${{outputs.result}}\n`)).toEqual(
      [
        ['args', 'JOB_UNDEFINED_REFERENCE'],
        ['args', 'JOB_UNDEFINED_REFERENCE'],
      ],
    );
  });

  it('requires an entry, given as {file} or {class_name}', async () => {
    expect(await codes('type: spark\ncode: .\n')).toEqual([['entry', 'JOB_MISSING_FIELD']]);
    expect(await codes('type: spark\ncode: .\nentry: {module: x}\n')).toEqual([
      ['entry', 'JOB_INVALID_TYPE'],
    ]);
    const job = await load(
      'type: spark\ncode: .\nentry: {class_name: org.example.Main}\ncompute: pool\n',
    );
    expect(job.toYamlObject()['entry']).toEqual({ class_name: 'org.example.Main' });
  });
});
