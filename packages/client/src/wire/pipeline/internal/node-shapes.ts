/**
 * The free-form node dicts of a pipeline REST body (`jobs.<node>`), in azure-ai-ml 1.4.0's own
 * snake-ish shape: `job_input_type`/`job_output_type` I/O, `distribution_type`,
 * `job_limits_type` with ISO durations, `identity_type`, string search spaces for AutoML image
 * nodes. Pure functions over the YAML-shaped node dict and the entity's node I/O.
 */
import type { JobInput, NodeOutput } from '@amlkit/core';
import { pythonJsonDumps } from '@amlkit/core';
import type { PyValue } from '@amlkit/core';
import { secondsToIsoDuration } from '../../internal/durations.js';
import { pythonStr } from '../../internal/python-str.js';
import { INPUT_MODE_TO_REST, OUTPUT_MODE_TO_REST, isBinding } from '../../internal/rest-io.js';

/** A free-form dict. */
export type Dict = Record<string, unknown>;

/** Whether `value` is a plain object. */
export function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A node input → its REST dict; `uri` is the resolved path of a data input (resolved by the caller). */
export function nodeInputToRest(input: JobInput | null | undefined, uri?: string): Dict {
  if (input === null || input === undefined) return { job_input_type: 'literal' };
  if (!isDict(input)) return { job_input_type: 'literal', value: pythonStr(input) };
  const data = input as { type?: string; path?: string; mode?: string; description?: string };
  const out: Dict = {};
  if (data.path !== undefined && isBinding(data.path)) {
    out['job_input_type'] = 'literal';
    out['value'] = data.path;
  } else {
    out['job_input_type'] = data.type ?? 'uri_folder';
    const resolved = uri ?? data.path;
    if (resolved !== undefined) out['uri'] = resolved;
  }
  if (data.mode !== undefined) out['mode'] = INPUT_MODE_TO_REST[data.mode] ?? data.mode;
  if (data.description !== undefined) out['description'] = data.description;
  return out;
}

/** A node output → its REST dict, or `undefined` for a default (`null`) output, which is left out. */
export function nodeOutputToRest(output: NodeOutput | undefined): Dict | undefined {
  if (output === null || output === undefined) return undefined;
  // 1.4.0 quirk: an output bound to a parent output is sent as `{type: 'literal', value}`.
  if (typeof output === 'string') return { type: 'literal', value: output };
  if (output.path !== undefined && isBinding(output.path)) {
    return { type: 'literal', value: output.path };
  }
  const out: Dict = { job_output_type: output.type };
  if (output.path !== undefined) out['uri'] = output.path;
  if (output.mode !== undefined) out['mode'] = OUTPUT_MODE_TO_REST[output.mode] ?? output.mode;
  if (output.description !== undefined) out['description'] = output.description;
  if (output.name !== undefined) out['asset_name'] = output.name;
  if (output.version !== undefined) out['asset_version'] = String(output.version);
  return out;
}

const DISTRIBUTION_TYPES: Readonly<Record<string, string>> = {
  mpi: 'Mpi',
  pytorch: 'PyTorch',
  tensorflow: 'TensorFlow',
  ray: 'Ray',
};

/** A YAML-shaped distribution `{type: mpi, …}` → `{distribution_type: 'Mpi', …}`. */
export function distributionToNodeRest(distribution: Dict): Dict {
  const { type, ...rest } = distribution;
  const name = typeof type === 'string' ? type : '';
  return { distribution_type: DISTRIBUTION_TYPES[name.toLowerCase()] ?? name, ...rest };
}

/** YAML-shaped command limits `{timeout: 3600}` → `{job_limits_type: 'Command', timeout: 'PT1H'}`. */
export function commandLimitsToNodeRest(limits: Dict): Dict {
  const out: Dict = { job_limits_type: 'Command' };
  for (const [k, v] of Object.entries(limits)) {
    out[k] = k === 'timeout' && typeof v === 'number' ? secondsToIsoDuration(v) : v;
  }
  return out;
}

const IDENTITY_TYPES: Readonly<Record<string, string>> = {
  managed_identity: 'Managed',
  managed: 'Managed',
  user_identity: 'UserIdentity',
  aml_token: 'AMLToken',
};

/** A YAML-shaped identity `{type: managed_identity, …}` → `{identity_type: 'Managed', …}`. */
export function identityToNodeRest(identity: Dict): Dict {
  const { type, ...rest } = identity;
  const name = typeof type === 'string' ? type : '';
  return { identity_type: IDENTITY_TYPES[name] ?? name, ...rest };
}

const SPARK_MIN_EXECUTORS = 'spark.dynamicAllocation.minExecutors';
const SPARK_EXECUTOR_INSTANCES = 'spark.executor.instances';

/**
 * Spark node `conf` as 1.4.0 sends it: with dynamic allocation on and no
 * `spark.executor.instances`, the instances default to the minimum executors.
 */
export function sparkConfToNodeRest(conf: Dict): Dict {
  const out = { ...conf };
  if (
    out['spark.dynamicAllocation.enabled'] === true &&
    out[SPARK_EXECUTOR_INSTANCES] === undefined &&
    out[SPARK_MIN_EXECUTORS] !== undefined
  ) {
    out[SPARK_EXECUTOR_INSTANCES] = out[SPARK_MIN_EXECUTORS];
  }
  return out;
}

/** A YAML-shaped Spark entry → with its `spark_job_entry_type`. */
export function sparkEntryToNodeRest(entry: Dict): Dict {
  const type = 'class_name' in entry ? 'SparkJobScalaEntry' : 'SparkJobPythonEntry';
  return { ...entry, spark_job_entry_type: type };
}

/** Parallel `mini_batch_size` (`'5'`, `'10240'` after unit expansion) → the integer 1.4.0 sends. */
export function miniBatchSizeToNodeRest(value: unknown): unknown {
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return value;
}

/** Parallel `partition_keys` → the JSON string 1.4.0 sends (`'["Store", "Brand"]'`). */
export function partitionKeysToNodeRest(value: unknown): unknown {
  return Array.isArray(value) ? pythonJsonDumps(value as PyValue) : value;
}

const SEARCH_ARGS: Readonly<Record<string, readonly string[]>> = {
  uniform: ['min_value', 'max_value'],
  loguniform: ['min_value', 'max_value'],
  quniform: ['min_value', 'max_value', 'q'],
  qloguniform: ['min_value', 'max_value', 'q'],
  normal: ['mu', 'sigma'],
  lognormal: ['mu', 'sigma'],
  qnormal: ['mu', 'sigma', 'q'],
  qlognormal: ['mu', 'sigma', 'q'],
  randint: ['upper'],
};

function pythonLiteral(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return pythonJsonDumps(value as PyValue);
}

/**
 * One YAML-shaped search-space distribution of an AutoML image node → the string form its REST
 * dict carries (`{type: uniform, min_value: 0.001, max_value: 0.01}` → `'uniform(0.001,0.01)'`,
 * `{type: choice, values: [a, b]}` → `"choice('a','b')"`). A value that is not a distribution is
 * returned as is.
 */
export function searchDistributionToString(value: unknown): unknown {
  if (!isDict(value) || typeof value['type'] !== 'string') return value;
  const type = value['type'];
  if (type === 'choice' && Array.isArray(value['values'])) {
    return `choice(${(value['values'] as unknown[]).map(pythonLiteral).join(',')})`;
  }
  const args = SEARCH_ARGS[type];
  if (args === undefined) return value;
  return `${type}(${args.map((k) => pythonLiteral(value[k])).join(',')})`;
}

/** An AutoML node `search_space` (a list of parameter → distribution mappings) in its REST string form. */
export function searchSpaceToNodeRest(searchSpace: unknown): unknown {
  if (!Array.isArray(searchSpace)) return searchSpace;
  return searchSpace.map((entry: unknown) =>
    isDict(entry)
      ? Object.fromEntries(
          Object.entries(entry).map(([k, v]) => [k, searchDistributionToString(v)]),
        )
      : entry,
  );
}
