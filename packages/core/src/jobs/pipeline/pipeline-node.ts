/**
 * Pipeline nodes (the entries of `jobs:`) and the components they reference. A node
 * either references a component (`component:` inline, `./file.yml`, `azureml:name:version`,
 * `azureml:name@label`, a registry id) — then unknown keys are passed through (§4.6) — or
 * is written inline in job form (`command:` + `environment:` …), which the pipeline turns
 * into an anonymous component, as the SDK does.
 */
import { commandLimitsSchema } from '../../entities/command-limits.js';
import { computeSchema } from '../../entities/compute.js';
import { distributionSchema } from '../../entities/distribution.js';
import { environmentSchema } from '../../entities/environment.js';
import { identitySchema } from '../../entities/identity.js';
import { jobServicesSchema } from '../../entities/job-service.js';
import { queueSettingsSchema } from '../../entities/queue-settings.js';
import { earlyTerminationSchema } from '../../entities/early-termination.js';
import { objectiveSchema } from '../../entities/objective.js';
import { resourcesSchema } from '../../entities/resources.js';
import { samplingAlgorithmSchema } from '../../entities/sampling-algorithm.js';
import { searchSpaceSchema } from '../../entities/search-space.js';
import { sweepLimitsSchema } from '../../entities/sweep-limits.js';
import { createAutoMLNodeSchema } from '../automl/automl-node-schema.js';
import { sparkRunShape } from '../spark/spark-job-schema.js';
import { sparkEntrySchema } from '../spark/spark-entry.js';
import { describeReceived, isRecord } from '../../internal/received.js';
import { s } from '../../schema/builders.js';
import type { ObjectSchema, Shape } from '../../schema/object.js';
import { INVALID } from '../../schema/schema.js';
import type { Invalid, ParseContext, Schema } from '../../schema/schema.js';
import { componentInputsSchema, componentOutputsSchema } from './component-io.js';
import {
  ANONYMOUS_COMPONENT_NAME,
  ANONYMOUS_COMPONENT_VERSION,
  FILE_COMPONENT_SCHEMAS,
  LEAF_COMPONENT_SCHEMAS,
  dumpEnvironment,
  dumpResources,
  finishComponentDump,
  parallelShape,
  sparkShape,
} from './component.js';
import type { Component, ComponentType, PipelineComponent } from './component.js';
import { checkBindings } from './internal/check-bindings.js';
import { nodeInputsSchema, nodeOutputsSchema } from './node-io.js';
import type { NodeInput, NodeOutput } from './node-io.js';

/** The node `type:` values of a pipeline's `jobs:`. */
export const PIPELINE_NODE_TYPES = [
  'command',
  'sweep',
  'parallel',
  'spark',
  'pipeline',
  'automl',
  'import',
  'data_transfer',
] as const;
/** A pipeline node type. */
export type PipelineNodeType = (typeof PIPELINE_NODE_TYPES)[number];

/**
 * A pipeline node as the entity holds it (camelCase keys for known fields; unknown keys
 * of component-form nodes kept as written). `component` is a remote reference string or
 * the loaded component.
 */
export interface PipelineNode {
  /** Node type. */
  type: PipelineNodeType;
  /** The component: a reference string (`azureml:…`) or a loaded/inline component. */
  component?: string | Component;
  /** Compute target of this node (without `azureml:`), or a binding. */
  compute?: string;
  /** Inputs: literals, bindings or data inputs. */
  inputs?: Record<string, NodeInput>;
  /** Outputs: bindings, output mappings, or `null`. */
  outputs?: Record<string, NodeOutput>;
  /** Any other field (type-specific, or passed through). */
  [key: string]: unknown;
}

const NODE_NAME_RE = /^[a-z_][a-z\d_]*$/;

/** Where the `$schema` line of a component file is (the loader strips it from the parsed value). */
const SCHEMA_LINE_RE = /^["']?\$schema["']?\s*:\s*["']?([^"'\s#]+)["']?/m;

const REMOTE_COMPONENT_RE =
  /^azureml:(?:\/\/registries\/[^/\s]+\/components\/[^/\s]+(?:\/(?:versions|labels)\/[^/\s]+)?|\/subscriptions\/\S+|[A-Za-z0-9_][A-Za-z0-9_.-]*(?::[^\s/]+|@[A-Za-z0-9_.-]+)?)$/;

const REFERENCE_EXPECTED =
  "a component: 'azureml:<name>:<version>', 'azureml:<name>@<label>', 'azureml://registries/<registry>/components/<name>/…', a local YAML path or an inline mapping";

/** A prompt flow (`flow.dag.yaml`, or a flow run pointing at one): not a job component. */
function isPromptFlow(value: Record<string, unknown>, schemaUrl: string | undefined): boolean {
  if (schemaUrl?.includes('/promptflow/') === true) return true;
  return (
    value['type'] === undefined &&
    (typeof value['flow'] === 'string' || Array.isArray(value['nodes']))
  );
}

function anonymous<C extends Component>(component: C): C {
  component.name = ANONYMOUS_COMPONENT_NAME;
  component.version = ANONYMOUS_COMPONENT_VERSION;
  return component;
}

/** The component schema for a node type; component files are strict about unknown keys, inline ones are not. */
function componentSchemaFor(type: ComponentType, fromFile = false): Schema<Component> {
  const leaves = fromFile ? FILE_COMPONENT_SCHEMAS : LEAF_COMPONENT_SCHEMAS;
  const schema: Schema<unknown> = type === 'pipeline' ? pipelineComponentSchema : leaves[type];
  return schema as Schema<Component>;
}

/**
 * The `component:` (or sweep `trial:`) field: a remote reference kept as a string, a local
 * file loaded relative to the file that contains the reference (its problems located in
 * its own file; reference cycles reported), or an inline mapping.
 */
export function componentReferenceSchema(type: ComponentType): Schema<string | Component> {
  return s
    .custom<string | Component>({
      expected: REFERENCE_EXPECTED,
      parse(value, ctx): string | Component | Invalid {
        if (isRecord(value)) {
          const parsed = componentSchemaFor(type).parse(value, ctx);
          return parsed === INVALID ? INVALID : anonymous(parsed);
        }
        if (typeof value !== 'string' || value.trim() === '') {
          ctx.report('JOB_INVALID_TYPE', 'Not a valid component.', {
            expected: REFERENCE_EXPECTED,
            received: describeReceived(value),
          });
          return INVALID;
        }
        if (value.startsWith('azureml:')) {
          if (REMOTE_COMPONENT_RE.test(value))
            return value.replace(/^azureml:\/\/feeds\//, 'azureml://registries/');
          ctx.report('JOB_INVALID_COMPONENT', 'Not a valid component reference.', {
            expected: REFERENCE_EXPECTED,
            received: describeReceived(value),
            hint: "use 'azureml:<name>:<version>' or 'azureml:<name>@<label>' for a registered component",
          });
          return INVALID;
        }
        // A local component file: loaded after the synchronous pass, filled in place.
        const placeholder = { type } as Component;
        ctx.defer(async (c) => {
          const doc = await c.env.loadRelative(value, c);
          if (doc === undefined) return;
          if (!isRecord(doc.value)) {
            c.report('JOB_INVALID_COMPONENT', `The component file ${doc.file} is not a mapping.`, {
              expected: 'a component YAML mapping',
              received: describeReceived(doc.value),
            });
            return;
          }
          const schemaUrl = SCHEMA_LINE_RE.exec(doc.text)?.[1];
          if (isPromptFlow(doc.value, schemaUrl)) {
            c.report(
              'JOB_UNSUPPORTED_COMPONENT',
              `The component file ${doc.file} is a prompt flow, which is not a supported component kind.`,
              {
                expected: 'a command, parallel, spark or pipeline component',
                received: 'a prompt flow (flow.dag.yaml or a flow run)',
              },
            );
            return;
          }
          const parsed = doc.validate(componentSchemaFor(type, true));
          if (parsed === INVALID) {
            c.report(
              'JOB_INVALID_COMPONENT',
              `The component file ${doc.file} is not a valid ${type} component.`,
              {
                expected: `a ${type} component (see the problems reported in that file)`,
                received: describeReceived(value),
              },
            );
            return;
          }
          Object.assign(placeholder, anonymous(parsed));
          if (schemaUrl !== undefined) placeholder.$schema = schemaUrl;
        });
        return placeholder;
      },
      dump: (value) => (typeof value === 'string' ? value : dumpComponent(value)),
      matches: (value) => typeof value === 'string' || isRecord(value),
      jsonSchema: () => ({
        anyOf: [
          { type: 'string', minLength: 1 },
          type === 'pipeline' ? { type: 'object' } : componentSchemaFor(type).jsonSchema(),
        ],
      }),
    })
    .describe(
      `The ${type} component the node runs: a registered/registry reference, a local YAML path, or an inline mapping.`,
    );
}

/** Fields every node has. */
const nodeBaseShape = {
  compute: computeSchema.optional(),
  inputs: nodeInputsSchema.optional(),
  outputs: nodeOutputsSchema.optional(),
  display_name: s.string().optional(),
  description: s.string().optional(),
  tags: s.record(s.string()).optional(),
  properties: s.record(s.any()).optional(),
  environment_variables: s.record(s.string()).optional(),
  services: jobServicesSchema.optional(),
  identity: identitySchema.optional(),
  queue_settings: queueSettingsSchema.optional(),
} as const;

function nodeType<const T extends PipelineNodeType>(type: T) {
  return s.literal(type).default(type).describe(`Node type: '${type}'.`);
}

/**
 * A node schema that is strict in job form (no `component:`) and passes unknown keys
 * through in component form (§4.6).
 */
function formAware(
  shape: Shape,
  {
    expected,
    check,
  }: { expected: string; check: (value: Record<string, unknown>, ctx: ParseContext) => void },
): Schema<PipelineNode> {
  const componentKey = 'component';
  const options = { check: check as never };
  const strict: ObjectSchema<Shape> = s.object(shape, { expected, ...options });
  const loose: ObjectSchema<Shape> = s.object(shape, {
    expected,
    unknownKeys: 'passthrough',
    ...options,
  });
  return s.custom<PipelineNode>({
    expected,
    parse: (value, ctx) =>
      (isRecord(value) && componentKey in value ? loose : strict).parse(value, ctx) as
        PipelineNode | Invalid,
    dump: (value) => (componentKey in value ? loose : strict).dump(value),
    matches: isRecord,
    jsonSchema: () => loose.jsonSchema(),
  });
}

function requireComponentOr(keys: readonly string[], what: string) {
  return (value: Record<string, unknown>, ctx: ParseContext): void => {
    if (value['component'] !== undefined) return;
    if (keys.some((k) => value[k] !== undefined)) return;
    ctx.report('JOB_MISSING_FIELD', `The node needs 'component' or ${what}.`, {
      anchor: 'nearest',
      at: 'component',
      expected: `a 'component' reference or ${what}`,
      received: 'neither',
    });
  };
}

const commandNodeShape = {
  ...nodeBaseShape,
  type: nodeType('command'),
  component: componentReferenceSchema('command').optional(),
  command: s.string({ nonEmpty: true }).optional(),
  code: LEAF_COMPONENT_SCHEMAS.command.shape.code,
  environment: environmentSchema.optional(),
  distribution: distributionSchema.optional(),
  resources: resourcesSchema.optional(),
  limits: commandLimitsSchema.optional(),
} as const;

const parallelNodeShape = {
  ...nodeBaseShape,
  ...parallelShape,
  type: nodeType('parallel'),
  component: componentReferenceSchema('parallel').optional(),
} as const;

const sparkNodeShape = {
  ...nodeBaseShape,
  ...sparkShape,
  ...sparkRunShape,
  type: nodeType('spark'),
  component: componentReferenceSchema('spark').optional(),
  entry: sparkEntrySchema.optional(),
} as const;

/**
 * AutoML node outputs: SDK 1.4.0 dumps them as `{job_output_type: …}`, so that spelling
 * is read back as `type`.
 */
const automlNodeOutputsSchema = s.custom<Record<string, NodeOutput>>({
  expected: nodeOutputsSchema.expected,
  parse(value, ctx) {
    if (!isRecord(value)) return nodeOutputsSchema.parse(value, ctx);
    const renamed: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (isRecord(v) && 'job_output_type' in v && !('type' in v)) {
        const { job_output_type: type, ...rest } = v;
        renamed[k] = { ...rest, type };
      } else renamed[k] = v;
    }
    return nodeOutputsSchema.parse(renamed, ctx);
  },
  dump: (value) => nodeOutputsSchema.dump(value),
  matches: isRecord,
  jsonSchema: () => nodeOutputsSchema.jsonSchema(),
});

/** Node-level fields of an AutoML step (the task fields come from the AutoML schemas). */
const automlNodeFields = {
  name: s.string().optional(),
  compute: computeSchema.optional(),
  outputs: automlNodeOutputsSchema.optional(),
  display_name: s.string().optional(),
  description: s.string().optional(),
  tags: s.record(s.string()).optional(),
  properties: s.record(s.any()).optional(),
  identity: identitySchema.optional(),
  queue_settings: queueSettingsSchema.optional(),
} as const;

const sweepNodeShape = {
  ...nodeBaseShape,
  type: nodeType('sweep'),
  trial: componentReferenceSchema('command'),
  sampling_algorithm: samplingAlgorithmSchema.optional(),
  search_space: searchSpaceSchema.optional(),
  objective: objectiveSchema.optional(),
  limits: sweepLimitsSchema.optional(),
  early_termination: earlyTerminationSchema.optional(),
  resources: resourcesSchema.optional(),
} as const;

const pipelineNodeShape = {
  ...nodeBaseShape,
  type: nodeType('pipeline'),
  component: componentReferenceSchema('pipeline'),
  settings: s.record(s.any()).optional(),
} as const;

/** Schema of a node written in a pipeline's `jobs:` (selected by `type`, default `command`). */
export const pipelineNodeSchema: Schema<PipelineNode> = s.discriminated(
  'type',
  {
    command: formAware(commandNodeShape, {
      expected: 'a command node mapping',
      check: requireComponentOr(['command'], "an inline 'command'"),
    }),
    parallel: formAware(parallelNodeShape, {
      expected: 'a parallel node mapping',
      check: requireComponentOr(['task'], "an inline 'task'"),
    }),
    spark: formAware(sparkNodeShape, {
      expected: 'a spark node mapping',
      check: requireComponentOr(['entry'], "an inline 'entry'"),
    }),
    sweep: s.object(sweepNodeShape, {
      unknownKeys: 'passthrough',
      expected: 'a sweep node mapping',
    }),
    pipeline: s.object(pipelineNodeShape, {
      unknownKeys: 'passthrough',
      expected: 'a pipeline node mapping',
    }),
    automl: createAutoMLNodeSchema(automlNodeFields),
    // TODO(import, data_transfer): private-preview node kinds, accepted as written.
    import: s.object(
      { type: nodeType('import') },
      { unknownKeys: 'passthrough', expected: 'an import node mapping' },
    ),
    data_transfer: s.object(
      { type: nodeType('data_transfer') },
      { unknownKeys: 'passthrough', expected: 'a data transfer node mapping' },
    ),
  },
  {
    defaultBranch: 'command',
    caseInsensitive: false,
    expected: `a node mapping with type: ${PIPELINE_NODE_TYPES.join(' | ')}`,
  },
) as unknown as Schema<PipelineNode>;

const NODE_NAME_EXPECTED =
  'a valid python identifier (lower letters, numbers, underscore and start with a letter or underscore)';

/** The `jobs:` mapping: node name → node. Node names must be lower-case Python identifiers. */
export const pipelineNodesSchema = s.custom<Record<string, PipelineNode>>({
  expected: 'a mapping of node names to nodes',
  parse(value, ctx) {
    if (!isRecord(value)) {
      ctx.report('JOB_INVALID_TYPE', 'Not a valid mapping type.', {
        expected: 'a mapping of node names to nodes',
        received: describeReceived(value),
      });
      return INVALID;
    }
    const out: Record<string, PipelineNode> = {};
    let ok = true;
    for (const [name, raw] of Object.entries(value)) {
      if (!NODE_NAME_RE.test(name)) {
        ctx.report(
          'JOB_INVALID_NODE_NAME',
          `Pipeline node name should be a valid python identifier(lower letters, numbers, underscore and start with a letter or underscore). Currently got ${name}.`,
          {
            at: name,
            anchor: 'key',
            expected: NODE_NAME_EXPECTED,
            received: describeReceived(name),
          },
        );
        ok = false;
        continue;
      }
      if (!isRecord(raw)) {
        ctx.report('JOB_INVALID_TYPE', 'Not a valid node mapping.', {
          at: name,
          expected: 'a node mapping',
          received: describeReceived(raw),
        });
        ok = false;
        continue;
      }
      ctx.path.push(name);
      const parsed = pipelineNodeSchema.parse(raw, ctx);
      ctx.path.pop();
      if (parsed === INVALID) ok = false;
      else out[name] = parsed;
    }
    return ok ? out : INVALID;
  },
  dump: (value) =>
    Object.fromEntries(Object.entries(value).map(([name, node]) => [name, dumpNode(node)])),
  matches: isRecord,
  jsonSchema: () => ({
    type: 'object',
    propertyNames: { pattern: NODE_NAME_RE.source },
    additionalProperties: pipelineNodeSchema.jsonSchema(),
  }),
});

/** A pipeline component (`type: pipeline` in a component file or inline). */
export const pipelineComponentSchema = s.object(
  {
    $schema: s.string().optional(),
    name: s.string().optional(),
    version: s.union([s.string(), s.number()]).optional(),
    display_name: s.string().optional(),
    description: s.string().optional(),
    tags: s.record(s.string()).optional(),
    properties: s.record(s.any()).optional(),
    is_deterministic: s.boolean().optional(),
    type: s.literal('pipeline').default('pipeline'),
    inputs: componentInputsSchema.optional(),
    outputs: componentOutputsSchema.optional(),
    jobs: s.lazy(() => pipelineNodesSchema),
  },
  {
    expected: 'a pipeline component mapping',
    check(value, ctx) {
      checkBindings({ inputs: value.inputs, outputs: value.outputs, jobs: value.jobs }, ctx);
    },
  },
) as unknown as Schema<PipelineComponent>;

/** The YAML-shaped dict of a loaded/inline component, as SDK 1.4.0 writes it in a node. */
export function dumpComponent(component: Component): Record<string, unknown> {
  const dumped = componentSchemaFor(component.type ?? 'command').dump(component) as Record<
    string,
    unknown
  >;
  return finishComponentDump(component, dumped);
}

function isEmptyRecord(value: unknown): boolean {
  return isRecord(value) && Object.keys(value).length === 0;
}

/** The YAML-shaped dict of a node, as SDK 1.4.0 writes it in `jobs:`. */
export function dumpNode(node: PipelineNode): Record<string, unknown> {
  const out = pipelineNodeSchema.dump(node) as Record<string, unknown>;
  out['type'] = node.type;
  if (isEmptyRecord(out['outputs'])) delete out['outputs'];
  if ('resources' in out) out['resources'] = dumpResources(out['resources']);
  if ('environment' in out) out['environment'] = dumpEnvironment(out['environment']);
  const task = out['task'];
  if (isRecord(task) && 'environment' in task)
    out['task'] = { ...task, environment: dumpEnvironment(task['environment']) };
  if (node.type === 'automl' && isRecord(out['outputs'])) {
    // SDK 1.4.0 writes AutoML node outputs in their REST-like form.
    out['outputs'] = Object.fromEntries(
      Object.entries(out['outputs']).map(([k, v]) => [
        k,
        {
          job_output_type: isRecord(v) && typeof v['type'] === 'string' ? v['type'] : 'uri_folder',
        },
      ]),
    );
  }
  return out;
}
