/**
 * The checks the SDK runs on a Spark job when it is submitted (after loading): entry file,
 * compute or resources, direct-mode inputs/outputs, Spark configuration, instance type,
 * and (when the REST body is built) the runtime version azure-ai-ml 1.4.0 accepts.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { resolveCodePath } from '../../entities/code.js';
import { isLocalPath } from '../../internal/references.js';
import { describeReceived, isRecord } from '../../internal/received.js';
import { SparkConfKey } from './spark-conf.js';
import type { SparkJob } from './spark-job.js';
import { SPARK_INSTANCE_TYPES, SPARK_RUNTIME_VERSIONS } from './spark-resources.js';

/** Where a check belongs in the SDK's submission flow: `validate`, or `to_rest` (REST body conversion). */
export type SparkCheckStage = 'validate' | 'to_rest';

/** One problem found by {@link validateSparkJob}. */
export interface SparkJobIssue {
  /** Stable machine-readable code, e.g. `SPARK_ENTRY_NOT_FOUND`. */
  code: string;
  /** Stage of the SDK's submission flow that reports it. */
  stage: SparkCheckStage;
  /** Dotted YAML path of the offending field (`entry`, `conf.spark.driver.cores`, …). */
  path: string;
  /** What failed. */
  message: string;
  /** What was expected. */
  expected: string;
  /** What was received. */
  received: string;
}

/** Options of {@link validateSparkJob}. */
export interface ValidateSparkJobOptions {
  /**
   * Check that a local `entry.file` exists under `code`, as the SDK does on submission.
   * @default true
   */
  checkEntryFile?: boolean;
  /**
   * Runtime versions accepted when the REST body is built.
   * @default ['3.1', '3.2'] (azure-ai-ml 1.4.0)
   */
  runtimeVersions?: readonly string[];
  /** Aborts the file-system checks. */
  signal?: AbortSignal;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs the SDK's submission-time checks of a Spark job and returns every problem found
 * (an empty list when the job can be submitted). Loading never runs these checks.
 *
 * @example
 * ```ts
 * const issues = await validateSparkJob(job);
 * for (const i of issues) console.error(`${i.path}: ${i.message}`);
 * ```
 */
export async function validateSparkJob(
  job: SparkJob,
  options: ValidateSparkJobOptions = {},
): Promise<SparkJobIssue[]> {
  const issues: SparkJobIssue[] = [];
  const add = (issue: Omit<SparkJobIssue, 'stage'>, stage: SparkCheckStage = 'validate'): void => {
    issues.push({ ...issue, stage });
  };

  // Entry point.
  const entry = job.entry;
  if (entry === undefined) {
    add({
      code: 'SPARK_ENTRY_MISSING',
      path: 'entry',
      message: 'A Spark job needs an entry.',
      expected: 'an entry {file}',
      received: 'nothing',
    });
  } else if ('className' in entry) {
    add({
      code: 'SPARK_ENTRY_CLASS_UNSUPPORTED',
      path: 'entry.class_name',
      message: "Classpath is not supported, please use 'file' to define the entry file.",
      expected: 'an entry {file}',
      received: describeReceived(entry.className),
    });
  } else if ((options.checkEntryFile ?? true) && isLocalPath(job.code)) {
    options.signal?.throwIfAborted();
    const absolute = resolve(resolveCodePath(job.code, job.basePath), entry.file);
    if (!(await exists(absolute))) {
      add({
        code: 'SPARK_ENTRY_NOT_FOUND',
        path: 'entry.file',
        message: `Entry ${absolute} doesn't exist.`,
        expected: `an existing file under ${resolveCodePath(job.code, job.basePath)}`,
        received: describeReceived(entry.file),
      });
    }
  }

  // Compute xor resources.
  if (job.compute === undefined && job.resources === undefined) {
    add({
      code: 'SPARK_COMPUTE_OR_RESOURCES',
      path: 'compute',
      message:
        'A Spark job needs either compute (an attached Spark pool) or resources (serverless Spark).',
      expected: 'compute or resources',
      received: 'neither',
    });
  } else if (job.compute !== undefined && job.resources !== undefined) {
    add({
      code: 'SPARK_COMPUTE_OR_RESOURCES',
      path: 'resources',
      message:
        'A Spark job takes compute (an attached Spark pool) or resources (serverless Spark), not both.',
      expected: 'only one of compute and resources',
      received: 'both',
    });
  }

  // Inputs and outputs must use direct mode.
  for (const [kind, entries] of [
    ['inputs', job.inputs],
    ['outputs', job.outputs],
  ] as const) {
    for (const [name, io] of Object.entries(entries)) {
      if (!isRecord(io) || (kind === 'outputs' && name === 'default')) continue;
      const mode = (io as { mode?: string }).mode;
      if (mode !== 'direct') {
        const noun = kind === 'inputs' ? 'Input' : 'Output';
        add({
          code: 'SPARK_MODE_NOT_DIRECT',
          path: `${kind}.${name}.mode`,
          message: `${noun} '${name}' is using '${mode ?? 'None'}' mode, only 'direct' is supported for Spark job.`,
          expected: "'direct'",
          received: mode === undefined ? 'nothing' : describeReceived(mode),
        });
      }
    }
  }

  // Spark configuration.
  checkConf(job, add);

  // Serverless resources.
  const resources = job.resources;
  if (resources !== undefined) {
    const type = resources.instanceType;
    if (
      type !== undefined &&
      !(SPARK_INSTANCE_TYPES as readonly string[]).includes(type.toLowerCase())
    ) {
      add({
        code: 'SPARK_INSTANCE_TYPE',
        path: 'resources.instance_type',
        message: 'Instance type is not supported by serverless Spark.',
        expected: `one of ${SPARK_INSTANCE_TYPES.join(', ')}`,
        received: describeReceived(type),
      });
    }
    const allowed = options.runtimeVersions ?? SPARK_RUNTIME_VERSIONS;
    const version = resources.runtimeVersion;
    if (version !== undefined && !allowed.includes(version)) {
      add(
        {
          code: 'SPARK_RUNTIME_VERSION',
          path: 'resources.runtime_version',
          message: `runtime version should be either ${allowed.join(' or ')}`,
          expected: allowed.join(' or '),
          received: describeReceived(version),
        },
        'to_rest',
      );
    }
  }
  return issues;
}

type Add = (issue: Omit<SparkJobIssue, 'stage'>) => void;

function checkConf(job: SparkJob, add: Add): void {
  const at = (key: SparkConfKey): string => `conf.${SparkConfKey[key]}`;
  const missing = (key: SparkConfKey, why: string): void => {
    add({
      code: 'SPARK_CONF_MISSING',
      path: at(key),
      message: `${SparkConfKey[key]} is required ${why}.`,
      expected: 'a value',
      received: 'nothing',
    });
  };
  const always: SparkConfKey[] = ['driverCores', 'driverMemory', 'executorCores', 'executorMemory'];
  const min = job.dynamicAllocationMinExecutors;
  const max = job.dynamicAllocationMaxExecutors;
  if (job.dynamicAllocationEnabled === true) {
    for (const key of always)
      if (job.conf[SparkConfKey[key]] === undefined) missing(key, 'for a Spark job');
    if (min === undefined)
      missing('dynamicAllocationMinExecutors', 'when dynamic allocation is enabled');
    if (max === undefined)
      missing('dynamicAllocationMaxExecutors', 'when dynamic allocation is enabled');
    if (min !== undefined && max !== undefined) {
      if (min <= 0 || min > max) {
        add({
          code: 'SPARK_CONF_INVALID',
          path: at('dynamicAllocationMinExecutors'),
          message:
            'Dynamic allocation min executors must be greater than 0 and at most max executors.',
          expected: `0 < minExecutors <= ${max}`,
          received: String(min),
        });
      }
      const instances = job.executorInstances;
      if (instances !== undefined && (instances < min || instances > max)) {
        add({
          code: 'SPARK_CONF_INVALID',
          path: at('executorInstances'),
          message:
            'Executor instances must lie between the dynamic allocation min and max executors.',
          expected: `between ${min} and ${max}`,
          received: String(instances),
        });
      }
    }
    return;
  }
  for (const key of [...always, 'executorInstances'] as const) {
    if (job.conf[SparkConfKey[key]] === undefined)
      missing(key, 'when dynamic allocation is disabled');
  }
  for (const key of ['dynamicAllocationMinExecutors', 'dynamicAllocationMaxExecutors'] as const) {
    if (job.conf[SparkConfKey[key]] !== undefined) {
      add({
        code: 'SPARK_CONF_INVALID',
        path: at(key),
        message: `${SparkConfKey[key]} should not be set when dynamic allocation is disabled.`,
        expected: 'no value',
        received: describeReceived(job.conf[SparkConfKey[key]]),
      });
    }
  }
}
