import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SparkJob } from './spark-job.js';
import type { SparkJobOptions } from './spark-job.js';
import { validateSparkJob } from './validate-spark-job.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'amlkit-spark-'));
  await writeFile(join(dir, 'main.py'), 'print(1)\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const conf = {
  'spark.driver.cores': 1,
  'spark.driver.memory': '2g',
  'spark.executor.cores': 2,
  'spark.executor.memory': '2g',
  'spark.executor.instances': 2,
};
const job = (options: SparkJobOptions = {}) =>
  new SparkJob({
    basePath: dir,
    code: '.',
    entry: { file: 'main.py' },
    conf,
    compute: 'pool',
    ...options,
  });
const found = async (options: SparkJobOptions = {}) =>
  (await validateSparkJob(job(options))).map((i) => [i.stage, i.path, i.code]);

describe('validateSparkJob', () => {
  it('finds nothing wrong with a complete job on an attached pool', async () => {
    expect(await validateSparkJob(job())).toEqual([]);
  });

  it('reports an entry file that does not exist under code, unless told not to look', async () => {
    const missing = job({ entry: { file: 'nope.py' } });
    const issues = await validateSparkJob(missing);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      stage: 'validate',
      path: 'entry.file',
      code: 'SPARK_ENTRY_NOT_FOUND',
    });
    expect(issues[0]?.message).toBe(`Entry ${join(dir, 'nope.py')} doesn't exist.`);
    expect(await validateSparkJob(missing, { checkEntryFile: false })).toEqual([]);
  });

  it('rejects a class entry', async () => {
    expect(await found({ entry: { className: 'org.example.Main' } })).toEqual([
      ['validate', 'entry.class_name', 'SPARK_ENTRY_CLASS_UNSUPPORTED'],
    ]);
  });

  it('needs exactly one of compute and resources', async () => {
    expect(await found({ compute: undefined })).toEqual([
      ['validate', 'compute', 'SPARK_COMPUTE_OR_RESOURCES'],
    ]);
    expect(
      await found({ resources: { instanceType: 'standard_e4s_v3', runtimeVersion: '3.2' } }),
    ).toEqual([['validate', 'resources', 'SPARK_COMPUTE_OR_RESOURCES']]);
  });

  it('accepts only direct mode for data inputs and outputs (not for the default output)', async () => {
    expect(
      await found({
        inputs: {
          a: { type: 'uri_file', path: 'x', mode: 'direct' },
          b: { type: 'uri_file', path: 'y', mode: 'download' },
          n: 3,
        },
        outputs: { c: { type: 'uri_folder' }, default: { type: 'uri_folder', mode: 'upload' } },
      }),
    ).toEqual([
      ['validate', 'inputs.b.mode', 'SPARK_MODE_NOT_DIRECT'],
      ['validate', 'outputs.c.mode', 'SPARK_MODE_NOT_DIRECT'],
    ]);
  });

  it('checks the Spark configuration with and without dynamic allocation', async () => {
    expect(await found({ conf: { 'spark.driver.cores': 1 } })).toEqual([
      ['validate', 'conf.spark.driver.memory', 'SPARK_CONF_MISSING'],
      ['validate', 'conf.spark.executor.cores', 'SPARK_CONF_MISSING'],
      ['validate', 'conf.spark.executor.memory', 'SPARK_CONF_MISSING'],
      ['validate', 'conf.spark.executor.instances', 'SPARK_CONF_MISSING'],
    ]);
    expect(await found({ conf: { ...conf, 'spark.dynamicAllocation.maxExecutors': 4 } })).toEqual([
      ['validate', 'conf.spark.dynamicAllocation.maxExecutors', 'SPARK_CONF_INVALID'],
    ]);
    const dynamic = { ...conf, 'spark.dynamicAllocation.enabled': true };
    expect(
      await found({
        conf: {
          ...dynamic,
          'spark.dynamicAllocation.minExecutors': 1,
          'spark.dynamicAllocation.maxExecutors': 4,
        },
      }),
    ).toEqual([]);
    expect(
      await found({
        conf: {
          ...dynamic,
          'spark.dynamicAllocation.minExecutors': 3,
          'spark.dynamicAllocation.maxExecutors': 4,
        },
      }),
    ).toEqual([['validate', 'conf.spark.executor.instances', 'SPARK_CONF_INVALID']]);
    expect(
      await found({
        conf: {
          ...dynamic,
          'spark.dynamicAllocation.minExecutors': 5,
          'spark.dynamicAllocation.maxExecutors': 4,
        },
      }),
    ).toEqual([
      ['validate', 'conf.spark.dynamicAllocation.minExecutors', 'SPARK_CONF_INVALID'],
      ['validate', 'conf.spark.executor.instances', 'SPARK_CONF_INVALID'],
    ]);
    expect(await found({ conf: dynamic })).toEqual([
      ['validate', 'conf.spark.dynamicAllocation.minExecutors', 'SPARK_CONF_MISSING'],
      ['validate', 'conf.spark.dynamicAllocation.maxExecutors', 'SPARK_CONF_MISSING'],
    ]);
  });

  it('reports instance types serverless Spark lacks, and runtimes 1.4.0 rejects when building the REST body', async () => {
    const serverless = (instanceType: string, runtimeVersion: string) =>
      found({ compute: undefined, resources: { instanceType, runtimeVersion } });
    expect(await serverless('Standard_E8S_V3', '3.2')).toEqual([]);
    expect(await serverless('standard_d2_v2', '3.4')).toEqual([
      ['validate', 'resources.instance_type', 'SPARK_INSTANCE_TYPE'],
      ['to_rest', 'resources.runtime_version', 'SPARK_RUNTIME_VERSION'],
    ]);
    const newer = await validateSparkJob(
      job({ compute: undefined, resources: { runtimeVersion: '3.4' } }),
      {
        runtimeVersions: ['3.3', '3.4'],
      },
    );
    expect(newer).toEqual([]);
  });
});
