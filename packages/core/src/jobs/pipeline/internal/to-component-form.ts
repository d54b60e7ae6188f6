/**
 * What SDK 1.4.0 does to a pipeline's nodes once every referenced file is loaded:
 * inline (job-form) command, parallel and spark nodes become nodes of an anonymous
 * component whose input/output types are inferred from what the node binds; spark nodes
 * take their defaults from their component; AutoML nodes are named after their key.
 * Pipeline components get the same treatment, recursively, in their own scope.
 */
import type { JobInput } from '../../../entities/job-input.js';
import { isRecord } from '../../../internal/received.js';
import { defaultSparkIdentity } from '../../spark/spark-job.js';
import type { SparkResources } from '../../spark/spark-resources.js';
import { ANONYMOUS_COMPONENT_NAME, ANONYMOUS_COMPONENT_VERSION } from '../component.js';
import type { Component } from '../component.js';
import type { ComponentInput, ComponentOutput } from '../component-io.js';
import type { NodeOutput } from '../node-io.js';
import type { PipelineNode } from '../pipeline-node.js';
import { parseBinding } from './bindings.js';

/** What the nodes of one pipeline (or pipeline component) can bind to. */
export interface NodeScope {
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly jobs: Readonly<Record<string, PipelineNode>>;
}

type IoType = { type: string; mode?: string };

function literalType(
  value: string | number | boolean,
): 'string' | 'integer' | 'number' | 'boolean' {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return 'string';
}

function typeAndMode(value: Record<string, unknown>): IoType {
  const out: IoType = { type: typeof value['type'] === 'string' ? value['type'] : 'uri_folder' };
  if (typeof value['mode'] === 'string') out.mode = value['mode'];
  return out;
}

/** The type (and mode, for pipeline-level sources) a binding brings to the input/output it feeds. */
function sourceType(binding: string, scope: NodeScope): IoType {
  return sourceTypeAt(binding, { scope, depth: 0 });
}

function sourceTypeAt(
  binding: string,
  { scope, depth }: { scope: NodeScope; depth: number },
): IoType {
  const parsed = parseBinding(binding);
  if (parsed === undefined || depth > 16) return { type: 'uri_folder' };
  if (parsed.kind === 'parentInput' || parsed.kind === 'parentOutput') {
    const source = (parsed.kind === 'parentInput' ? scope.inputs : scope.outputs)[parsed.name];
    if (typeof source === 'string' || typeof source === 'number' || typeof source === 'boolean')
      return { type: literalType(source) };
    return isRecord(source) ? typeAndMode(source) : { type: 'uri_folder' };
  }
  if (parsed.kind === 'jobOutput') {
    const node = scope.jobs[parsed.node];
    if (node === undefined) return { type: 'uri_folder' };
    if (node.type === 'automl') return { type: 'mltable' };
    const output = node.outputs?.[parsed.name];
    if (isRecord(output) && typeof output['type'] === 'string') return { type: output['type'] };
    if (typeof output === 'string')
      return { type: sourceTypeAt(output, { scope, depth: depth + 1 }).type };
    const component = node.component;
    if (isRecord(component)) {
      const declared = (component as { outputs?: Record<string, ComponentOutput> }).outputs?.[
        parsed.name
      ];
      if (declared !== undefined) return { type: declared.type ?? 'uri_folder' };
    }
  }
  return { type: 'uri_folder' };
}

function inferInput(value: JobInput, scope: NodeScope): ComponentInput {
  if (typeof value === 'string' && parseBinding(value) !== undefined) {
    return sourceType(value, scope) as ComponentInput;
  }
  if (isRecord(value)) return typeAndMode(value) as ComponentInput;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- narrows the literal `type` to the input-type union
  return { type: literalType(value), default: value } as ComponentInput;
}

function inferOutput(value: NodeOutput, scope: NodeScope): ComponentOutput {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- narrows the literal `type` to the output-type union
  if (value === null) return { type: 'uri_folder' } as ComponentOutput;
  if (typeof value === 'string') return sourceType(value, scope) as ComponentOutput;
  return typeAndMode(value) as ComponentOutput;
}

/** Fields an inline node hands to its anonymous component, and which of them leave the node. */
const INLINE_FIELDS: Readonly<
  Record<string, { component: readonly string[]; moved: readonly string[] }>
> = {
  command: {
    component: ['command', 'code', 'environment', 'description', 'resources', 'distribution'],
    moved: ['command', 'code', 'environment'],
  },
  spark: {
    component: [
      'code',
      'entry',
      'pyFiles',
      'jars',
      'files',
      'archives',
      'conf',
      'args',
      'environment',
      'description',
    ],
    moved: ['code', 'environment'],
  },
  parallel: {
    component: [
      'task',
      'miniBatchSize',
      'partitionKeys',
      'inputData',
      'retrySettings',
      'loggingLevel',
      'maxConcurrencyPerInstance',
      'errorThreshold',
      'miniBatchErrorThreshold',
      'miniBatchTimeout',
      'resources',
      'description',
    ],
    moved: [],
  },
};

/** Spark node fields filled in from the component when the node does not set them. */
const SPARK_INHERITED = ['args', 'conf', 'entry', 'files', 'pyFiles', 'jars', 'archives'] as const;

function inlineToComponent(node: PipelineNode, scope: NodeScope): void {
  const fields = INLINE_FIELDS[node.type];
  if (fields === undefined || node.component !== undefined) return;
  const component: Record<string, unknown> = {
    type: node.type,
    name: ANONYMOUS_COMPONENT_NAME,
    version: ANONYMOUS_COMPONENT_VERSION,
    isDeterministic: true,
  };
  if (node.inputs !== undefined && Object.keys(node.inputs).length > 0) {
    component['inputs'] = Object.fromEntries(
      Object.entries(node.inputs).map(([k, v]) => [k, inferInput(v, scope)]),
    );
  }
  if (node.outputs !== undefined && Object.keys(node.outputs).length > 0) {
    component['outputs'] = Object.fromEntries(
      Object.entries(node.outputs).map(([k, v]) => [k, inferOutput(v, scope)]),
    );
  }
  for (const key of fields.component) if (node[key] !== undefined) component[key] = node[key];
  for (const key of fields.moved) Reflect.deleteProperty(node, key);
  node.component = component as unknown as Component;
}

function applyDefaults(name: string, node: PipelineNode): void {
  if (node.type === 'spark') {
    const component = node.component as Record<string, unknown> | string | undefined;
    if (isRecord(component))
      for (const key of SPARK_INHERITED)
        if (node[key] === undefined && component[key] !== undefined) node[key] = component[key];
    node['identity'] ??= defaultSparkIdentity(
      node.compute,
      (node['resources'] as SparkResources | undefined) ?? {},
    );
  } else if (node.type === 'automl') {
    node['name'] ??= name;
  }
}

/**
 * Converts the nodes of `scope` in place (in declaration order, as the SDK does, so a
 * node can infer types from the nodes before it), then the nodes of every local pipeline
 * component they use.
 */
export function toComponentForm(scope: NodeScope, seen: Set<object> = new Set()): void {
  for (const [name, node] of Object.entries(scope.jobs)) {
    inlineToComponent(node, scope);
    applyDefaults(name, node);
    if (node.type === 'pipeline') pipelineComponentToComponentForm(node.component, seen);
  }
}

/** Converts the nodes of a local pipeline component (a reference string is left alone). */
export function pipelineComponentToComponentForm(
  component: unknown,
  seen: Set<object> = new Set(),
): void {
  if (!isRecord(component) || seen.has(component)) return;
  seen.add(component);
  const jobs = component['jobs'];
  if (!isRecord(jobs)) return;
  toComponentForm(
    {
      inputs: isRecord(component['inputs']) ? component['inputs'] : {},
      outputs: isRecord(component['outputs']) ? component['outputs'] : {},
      jobs: jobs as Record<string, PipelineNode>,
    },
    seen,
  );
}
