import { SparkJob } from '@amlkit/core';
import type { Job, SparkConf, SparkEntry } from '@amlkit/core';
import {
  inputsFromRest,
  inputsToRest,
  outputsFromRest,
  outputsToRest,
} from '../internal/rest-io.js';
import { pythonStr } from '../internal/python-str.js';
import { compact, identityFromRest, identityToRest } from '../internal/rest-shapes.js';
import { expectJob } from '../internal/expect-job.js';
import type { RestJobConverter } from '../rest-job-converter.js';
import type { RestJobProperties, RestSparkJob, RestSparkJobEntry } from '../types.js';

function entryToRest(entry: SparkEntry): RestSparkJobEntry {
  return 'file' in entry
    ? { sparkJobEntryType: 'SparkJobPythonEntry', file: entry.file }
    : { sparkJobEntryType: 'SparkJobScalaEntry', className: entry.className };
}

/**
 * `SparkJob` ⇄ `jobType: "Spark"`. As 1.4.0, the body has no `properties`; `conf` values are
 * sent as Python `str()`. Deliberate deviation: runtime versions 3.3+ are sent (1.4.0 rejected
 * them; the current service accepts them).
 */
export const sparkConverter: RestJobConverter = {
  type: 'spark',
  jobType: 'Spark',

  async toRest(job: Job, context) {
    const spark = expectJob(job, SparkJob, 'spark');
    const { resolver, resolveContext } = context;
    const out: Omit<Partial<RestSparkJob>, 'properties'> & { properties: undefined } = {
      properties: undefined,
    };
    out.codeId = await resolver.resolveCode({ path: spark.code }, resolveContext);
    if (spark.environment !== undefined) {
      out.environmentId = await resolver.resolveEnvironment(spark.environment, resolveContext);
    }
    if (spark.entry !== undefined) out.entry = entryToRest(spark.entry);
    if (spark.args !== undefined) out.args = spark.args;
    out.conf = Object.fromEntries(Object.entries(spark.conf).map(([k, v]) => [k, pythonStr(v)]));
    if (spark.pyFiles !== undefined) out.pyFiles = [...spark.pyFiles];
    if (spark.jars !== undefined) out.jars = [...spark.jars];
    if (spark.files !== undefined) out.files = [...spark.files];
    if (spark.archives !== undefined) out.archives = [...spark.archives];
    out.inputs = await inputsToRest(spark.inputs, resolver, resolveContext);
    out.outputs = outputsToRest(spark.outputs);
    if (spark.identity !== undefined) out.identity = identityToRest(spark.identity);
    if (spark.resources !== undefined) {
      out.resources = compact({
        instanceType: spark.resources.instanceType,
        runtimeVersion: spark.resources.runtimeVersion,
      });
    }
    return out;
  },

  fromRest(properties: RestJobProperties, { common }) {
    const p = properties as RestSparkJob;
    const conf: SparkConf = {};
    for (const [k, v] of Object.entries(p.conf ?? {})) if (typeof v === 'string') conf[k] = v;
    const entry = p.entry as RestSparkJobEntry | undefined;
    return new SparkJob({
      ...common,
      code: p.codeId,
      entry:
        entry === undefined
          ? undefined
          : entry.className !== undefined
            ? { className: entry.className }
            : { file: entry.file ?? '' },
      args: p.args ?? undefined,
      conf,
      pyFiles: p.pyFiles ?? undefined,
      jars: p.jars ?? undefined,
      files: p.files ?? undefined,
      archives: p.archives ?? undefined,
      environment: p.environmentId ?? undefined,
      inputs: inputsFromRest(p.inputs),
      outputs: outputsFromRest(p.outputs),
      identity: p.identity ? identityFromRest(p.identity) : undefined,
      resources: p.resources
        ? compact({
            instanceType: p.resources.instanceType,
            runtimeVersion: p.resources.runtimeVersion,
          })
        : undefined,
    });
  },
};
