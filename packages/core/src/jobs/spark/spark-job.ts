/** `SparkJob`: a Spark application on an attached Synapse pool or serverless Spark. */
import { resolveCodePath } from '../../entities/code.js';
import type { JobEnvironment } from '../../entities/environment.js';
import type { Identity } from '../../entities/identity.js';
import type { JobInput } from '../../entities/job-input.js';
import type { JobOutput } from '../../entities/job-output.js';
import { Job } from '../../job.js';
import type { JobOptions } from '../../job.js';
import { defineJobType } from '../job-type.js';
import { SparkConfKey } from './spark-conf.js';
import type { SparkConf, SparkConfValue } from './spark-conf.js';
import type { SparkEntry } from './spark-entry.js';
import { sparkJobSchema } from './spark-job-schema.js';
import type { SparkResources } from './spark-resources.js';

/** Constructor options of {@link SparkJob} (camelCase). */
export interface SparkJobOptions extends JobOptions {
  /** Code folder (relative to `basePath`), URL or `azureml:` reference. @default '.' */
  code?: string | undefined;
  /** Entry point: `{ file }` (relative to `code`) or `{ className }`. */
  entry?: SparkEntry | undefined;
  /** Python files put on the PYTHONPATH. */
  pyFiles?: string[] | undefined;
  /** Jars put on the classpath. */
  jars?: string[] | undefined;
  /** Files put in each executor's working directory. */
  files?: string[] | undefined;
  /** Archives extracted in each executor's working directory. */
  archives?: string[] | undefined;
  /** Spark configuration, keyed by the dotted Spark names (`spark.driver.cores`, …). */
  conf?: SparkConf | undefined;
  /** Environment. */
  environment?: JobEnvironment | undefined;
  /** Arguments; may use `${{inputs.x}}` and `${{outputs.y}}`. */
  args?: string | undefined;
  /** Inputs (Spark reads them in `direct` mode). */
  inputs?: Record<string, JobInput> | undefined;
  /** Outputs (`null` = a default `uri_folder` output). */
  outputs?: Record<string, JobOutput | null> | undefined;
  /** Identity; defaults to a managed identity on an attached pool and to the user's identity on serverless Spark. */
  identity?: Identity | undefined;
  /** Serverless Spark resources (instead of `compute`). */
  resources?: SparkResources | undefined;
}

/**
 * The identity a Spark step runs as when none is given (as the SDK's `Spark.identity`):
 * a managed identity on an attached pool (`compute`), the user's identity on serverless
 * Spark (`resources`), otherwise none.
 */
export function defaultSparkIdentity(
  compute: string | undefined,
  resources: SparkResources | undefined,
): Identity | undefined {
  if (compute !== undefined) return { type: 'managed_identity' };
  if (resources !== undefined) return { type: 'user_identity' };
  return undefined;
}

/**
 * A Spark job.
 *
 * @example
 * ```ts
 * const job = new SparkJob({
 *   code: './src',
 *   entry: { file: 'titanic.py' },
 *   conf: { 'spark.driver.cores': 1, 'spark.driver.memory': '2g', 'spark.executor.cores': 2, 'spark.executor.memory': '2g', 'spark.executor.instances': 2 },
 *   resources: { instanceType: 'standard_e4s_v3', runtimeVersion: '3.2' },
 * });
 * ```
 */
export class SparkJob extends Job {
  /** Always `'spark'`. */
  readonly type = 'spark' as const;
  /** Code location, as written. */
  code: string;
  /** Entry point. */
  entry: SparkEntry | undefined;
  /** Python files. */
  pyFiles: string[] | undefined;
  /** Jars. */
  jars: string[] | undefined;
  /** Files. */
  files: string[] | undefined;
  /** Archives. */
  archives: string[] | undefined;
  /** Spark configuration (dotted keys); the well-known keys are also reachable as `driverCores`, …. */
  conf: SparkConf;
  /** Environment. */
  environment: JobEnvironment | undefined;
  /** Arguments. */
  args: string | undefined;
  /** Inputs. */
  inputs: Record<string, JobInput>;
  /** Outputs. */
  outputs: Record<string, JobOutput | null>;
  /** Serverless Spark resources. */
  resources: SparkResources | undefined;
  private explicitIdentity: Identity | undefined;

  constructor(options: SparkJobOptions = {}) {
    super(options);
    this.code = options.code ?? '.';
    this.entry = options.entry;
    this.pyFiles = options.pyFiles;
    this.jars = options.jars;
    this.files = options.files;
    this.archives = options.archives;
    this.conf = { ...options.conf };
    this.environment = options.environment;
    this.args = options.args;
    this.inputs = { ...options.inputs };
    this.outputs = { ...options.outputs };
    this.resources = options.resources;
    this.explicitIdentity = options.identity;
  }

  /** The identity: the one given, or the default of {@link defaultSparkIdentity}. */
  get identity(): Identity | undefined {
    return this.explicitIdentity ?? defaultSparkIdentity(this.compute, this.resources);
  }

  set identity(value: Identity | undefined) {
    this.explicitIdentity = value;
  }

  /** `spark.driver.cores`. */
  get driverCores(): number | undefined {
    return this.confNumber('driverCores');
  }
  set driverCores(value: number | undefined) {
    this.setConf('driverCores', value);
  }
  /** `spark.driver.memory` (e.g. `2g`). */
  get driverMemory(): string | undefined {
    return this.confString('driverMemory');
  }
  set driverMemory(value: string | undefined) {
    this.setConf('driverMemory', value);
  }
  /** `spark.executor.cores`. */
  get executorCores(): number | undefined {
    return this.confNumber('executorCores');
  }
  set executorCores(value: number | undefined) {
    this.setConf('executorCores', value);
  }
  /** `spark.executor.memory` (e.g. `2g`). */
  get executorMemory(): string | undefined {
    return this.confString('executorMemory');
  }
  set executorMemory(value: string | undefined) {
    this.setConf('executorMemory', value);
  }
  /** `spark.executor.instances`. */
  get executorInstances(): number | undefined {
    return this.confNumber('executorInstances');
  }
  set executorInstances(value: number | undefined) {
    this.setConf('executorInstances', value);
  }
  /** `spark.dynamicAllocation.enabled`. */
  get dynamicAllocationEnabled(): boolean | undefined {
    const v = this.conf[SparkConfKey.dynamicAllocationEnabled];
    return typeof v === 'boolean' ? v : undefined;
  }
  set dynamicAllocationEnabled(value: boolean | undefined) {
    this.setConf('dynamicAllocationEnabled', value);
  }
  /** `spark.dynamicAllocation.minExecutors`. */
  get dynamicAllocationMinExecutors(): number | undefined {
    return this.confNumber('dynamicAllocationMinExecutors');
  }
  set dynamicAllocationMinExecutors(value: number | undefined) {
    this.setConf('dynamicAllocationMinExecutors', value);
  }
  /** `spark.dynamicAllocation.maxExecutors`. */
  get dynamicAllocationMaxExecutors(): number | undefined {
    return this.confNumber('dynamicAllocationMaxExecutors');
  }
  set dynamicAllocationMaxExecutors(value: number | undefined) {
    this.setConf('dynamicAllocationMaxExecutors', value);
  }

  private confNumber(key: SparkConfKey): number | undefined {
    const v = this.conf[SparkConfKey[key]];
    return typeof v === 'number' ? v : undefined;
  }

  private confString(key: SparkConfKey): string | undefined {
    const v = this.conf[SparkConfKey[key]];
    return typeof v === 'string' ? v : undefined;
  }

  private setConf(key: SparkConfKey, value: SparkConfValue | undefined): void {
    if (value === undefined) Reflect.deleteProperty(this.conf, SparkConfKey[key]);
    else this.conf[SparkConfKey[key]] = value;
  }

  protected toYamlFields(): Record<string, unknown> {
    const out = sparkJobSchema.dump(this as never);
    out['type'] = this.type;
    out['code'] = resolveCodePath(this.code, this.basePath);
    if (Object.keys(this.conf).length === 0) Reflect.deleteProperty(out, 'conf');
    return out;
  }
}

/** Registry entry of `type: spark`. */
export const sparkJobType = defineJobType({
  type: 'spark',
  schema: sparkJobSchema,
  build: (value, context) => new SparkJob({ ...value, basePath: context.basePath }),
});
