/**
 * Components used by pipeline nodes: command, parallel, spark and pipeline components,
 * written inline in a node or in their own YAML file. Local (file or inline) components
 * are anonymous: like SDK 1.4.0, amlkit names them `azureml_anonymous`, version `'1'`.
 * Local `code:` paths are resolved against the file that declares them when loaded.
 */
import { codeSchema, resolveCodePath } from '../../entities/code.js';
import { distributionSchema } from '../../entities/distribution.js';
import { environmentSchema } from '../../entities/environment.js';
import { resourcesSchema } from '../../entities/resources.js';
import { describeReceived } from '../../internal/received.js';
import { s } from '../../schema/builders.js';
import type { ObjectSchema } from '../../schema/object.js';
import { INVALID } from '../../schema/schema.js';
import type { Infer, ParseContext } from '../../schema/schema.js';
import {
  componentInputsSchema,
  componentOutputsSchema,
  dumpComponentInput,
} from './component-io.js';
import type { ComponentInput, ComponentOutput } from './component-io.js';
import type { PipelineNode } from './pipeline-node.js';
import { parameterizedSparkShape } from '../spark/spark-job-schema.js';
import { parseMiniBatchSize } from './internal/mini-batch-size.js';

/** The name SDK 1.4.0 gives every component loaded from a local file or written inline. */
export const ANONYMOUS_COMPONENT_NAME = 'azureml_anonymous';
/** The version SDK 1.4.0 gives every anonymous component. */
export const ANONYMOUS_COMPONENT_VERSION = '1';

/** The component `type:` values amlkit loads. */
export const COMPONENT_TYPES = ['command', 'parallel', 'spark', 'pipeline'] as const;
/** A component type. */
export type ComponentType = (typeof COMPONENT_TYPES)[number];

/** `code:` of a component: validated like a job's, then kept as an absolute path. */
const componentCodeSchema = s.transform(
  codeSchema,
  (value: string, ctx: ParseContext) => resolveCodePath(value, ctx.env.basePath),
  (value: string) => value,
);

/** Fields every component has. */
const componentBaseShape = {
  $schema: s
    .string()
    .optional()
    .describe('JSON Schema URL of the component YAML (kept as written).'),
  name: s.string().optional().describe('Ignored for local components: they are anonymous.'),
  version: s.union([s.string(), s.number()]).optional().describe('Ignored for local components.'),
  display_name: s.string().optional(),
  description: s.string().optional(),
  tags: s.record(s.string()).optional(),
  properties: s.record(s.any()).optional(),
  is_deterministic: s
    .boolean()
    .optional()
    .describe('Whether equal inputs give equal outputs (reuse). @default true'),
  inputs: componentInputsSchema.optional(),
  outputs: componentOutputsSchema.optional(),
} as const;

function componentType<const T extends ComponentType>(type: T) {
  return s.literal(type).default(type).describe(`Component type: '${type}'.`);
}

/** A command component. */
export const commandComponentSchema = s.object(
  {
    ...componentBaseShape,
    type: componentType('command'),
    command: s
      .string({ nonEmpty: true })
      .describe('Shell command; may use ${{inputs.x}} and ${{outputs.y}}.'),
    code: componentCodeSchema.optional(),
    environment: environmentSchema.optional(),
    environment_variables: s.record(s.string()).optional(),
    distribution: distributionSchema.optional(),
    resources: resourcesSchema.optional(),
    instance_count: s.integer({ min: 1 }).optional(),
  },
  { unknownKeys: 'passthrough', expected: 'a command component mapping' },
);

const miniBatchSizeSchema = s.custom<string>({
  expected: "a count or a size such as '10kb', '1mb'",
  parse(value, ctx) {
    const parsed =
      typeof value === 'string' || typeof value === 'number'
        ? parseMiniBatchSize(value)
        : undefined;
    if (parsed === undefined) {
      ctx.report('JOB_INVALID_VALUE', 'Not a valid mini batch size.', {
        expected: "a non-negative integer, optionally with a kb/mb/gb unit (e.g. '10kb')",
        received: describeReceived(value),
      });
      return INVALID;
    }
    return parsed;
  },
  matches: (value) => typeof value === 'string' || typeof value === 'number',
  jsonSchema: () => ({ type: ['string', 'integer'] }),
});

const parallelTaskSchema = s.object(
  {
    type: s.enum(['run_function', 'function', 'model']).default('run_function'),
    code: componentCodeSchema.optional(),
    entry_script: s.string().optional(),
    program_arguments: s.string().optional(),
    append_row_to: s.string().optional(),
    environment: environmentSchema.optional(),
    model: s.string().optional(),
  },
  { expected: 'a parallel task mapping {type, code, entry_script, environment, …}' },
);

/** Fields shared by parallel components and inline parallel nodes. */
export const parallelShape = {
  task: parallelTaskSchema.optional(),
  mini_batch_size: miniBatchSizeSchema.optional(),
  partition_keys: s.array(s.string()).optional(),
  input_data: s
    .string()
    .optional()
    .describe('The input to split into mini batches, e.g. ${{inputs.data}}.'),
  retry_settings: s
    .object({ max_retries: s.integer().optional(), timeout: s.integer().optional() })
    .optional(),
  logging_level: s.string().optional(),
  max_concurrency_per_instance: s.integer().optional(),
  error_threshold: s.integer().optional(),
  mini_batch_error_threshold: s.integer().optional(),
  mini_batch_timeout: s.integer().optional(),
  resources: resourcesSchema.optional(),
} as const;

/** A parallel component. */
export const parallelComponentSchema = s.object(
  {
    ...componentBaseShape,
    type: componentType('parallel'),
    ...parallelShape,
    task: parallelTaskSchema,
    environment_variables: s.record(s.string()).optional(),
  },
  { unknownKeys: 'passthrough', expected: 'a parallel component mapping' },
);

/** Fields shared by spark components and inline spark nodes (the Spark job's, with `code` made absolute). */
export const sparkShape = {
  ...parameterizedSparkShape,
  code: componentCodeSchema.optional(),
} as const;

/** A spark component. */
export const sparkComponentSchema = s.object(
  { ...componentBaseShape, type: componentType('spark'), ...sparkShape },
  { unknownKeys: 'passthrough', expected: 'a spark component mapping' },
);

/** The camelCase value of a command component. */
export type CommandComponent = Infer<typeof commandComponentSchema>;
/** The camelCase value of a parallel component. */
export type ParallelComponent = Infer<typeof parallelComponentSchema>;
/** The camelCase value of a spark component. */
export type SparkComponent = Infer<typeof sparkComponentSchema>;

/** A pipeline component: a reusable sub-graph of nodes with its own inputs and outputs. */
export interface PipelineComponent {
  /** JSON Schema URL (kept as written). */
  $schema?: string;
  type: 'pipeline';
  name?: string;
  version?: string | number;
  displayName?: string;
  description?: string;
  tags?: Record<string, string>;
  properties?: Record<string, unknown>;
  isDeterministic?: boolean;
  inputs?: Record<string, ComponentInput>;
  outputs?: Record<string, ComponentOutput>;
  /** The nodes. */
  jobs: Record<string, PipelineNode>;
}

/** Any component held by a node. */
export type Component = CommandComponent | ParallelComponent | SparkComponent | PipelineComponent;

/** Drops the empty `tags` an inline environment gets (components dump it only when set). */
export function dumpEnvironment(env: unknown): unknown {
  if (typeof env !== 'object' || env === null) return env;
  const out = { ...(env as Record<string, unknown>) };
  const tags = out['tags'];
  if (typeof tags === 'object' && tags !== null && Object.keys(tags).length === 0)
    delete out['tags'];
  return out;
}

/** Drops the `properties: {}` the shared resources schema adds (components and nodes dump it only when set). */
export function dumpResources(resources: unknown): unknown {
  if (typeof resources !== 'object' || resources === null) return resources;
  const out = { ...(resources as Record<string, unknown>) };
  const props = out['properties'];
  if (typeof props === 'object' && props !== null && Object.keys(props).length === 0)
    delete out['properties'];
  return out;
}

/**
 * Post-processes a component's schema dump into the shape SDK 1.4.0 writes: primitive
 * defaults as strings, empty tags dropped, `is_deterministic` defaulted (not for pipelines).
 */
export function finishComponentDump(
  component: Component,
  dumped: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...dumped };
  if (component.inputs !== undefined) {
    out['inputs'] = Object.fromEntries(
      Object.entries(component.inputs).map(([k, v]) => [k, dumpComponentInput(v)]),
    );
  }
  const tags = out['tags'];
  if (typeof tags === 'object' && tags !== null && Object.keys(tags).length === 0)
    delete out['tags'];
  if ('environment' in out) out['environment'] = dumpEnvironment(out['environment']);
  if ('resources' in out) out['resources'] = dumpResources(out['resources']);
  const task = out['task'];
  if (typeof task === 'object' && task !== null && 'environment' in task) {
    out['task'] = {
      ...task,
      environment: dumpEnvironment((task as Record<string, unknown>)['environment']),
    };
  }
  if (component.type !== 'pipeline') out['is_deterministic'] ??= true;
  return out;
}

/** The leaf component schemas by type (pipeline components are defined with the nodes). */
export const LEAF_COMPONENT_SCHEMAS: {
  readonly command: ObjectSchema<typeof commandComponentSchema.shape>;
  readonly parallel: ObjectSchema<typeof parallelComponentSchema.shape>;
  readonly spark: ObjectSchema<typeof sparkComponentSchema.shape>;
} = {
  command: commandComponentSchema,
  parallel: parallelComponentSchema,
  spark: sparkComponentSchema,
};

/**
 * The leaf component schemas for component *files*: strict about unknown keys (with a
 * did-you-mean), while components written inline in a node pass unknown keys through (§4.6).
 */
export const FILE_COMPONENT_SCHEMAS: {
  readonly command: ObjectSchema<typeof commandComponentSchema.shape>;
  readonly parallel: ObjectSchema<typeof parallelComponentSchema.shape>;
  readonly spark: ObjectSchema<typeof sparkComponentSchema.shape>;
} = {
  command: s.object(commandComponentSchema.shape, { expected: 'a command component mapping' }),
  parallel: s.object(parallelComponentSchema.shape, { expected: 'a parallel component mapping' }),
  spark: s.object(sparkComponentSchema.shape, { expected: 'a spark component mapping' }),
};
