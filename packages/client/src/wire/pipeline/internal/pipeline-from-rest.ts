/**
 * A pipeline REST body → `PipelineJob`. Nodes come back in component form: `component` (or a
 * sweep's `trial`) is the registered component id, `compute` the compute id, inputs and outputs
 * are read back to node I/O; every other key of the node dict is kept exactly as the service
 * returned it (snake_case REST shapes such as `distribution_type`). `toRestJob` sends a node read
 * here from the dict it was read from, with only `componentId`, `computeId`, `inputs` and
 * `outputs` taken from the entity (so those can be edited); AutoML nodes are kept as received.
 */
import { PipelineJob } from '@amlkit/core';
import type {
  JobInput,
  JobOptions,
  NodeOutput,
  PipelineJobSettings,
  PipelineNode,
  PipelineNodeType,
} from '@amlkit/core';
import {
  INPUT_MODE_FROM_REST,
  OUTPUT_MODE_FROM_REST,
  inputsFromRest,
  outputsFromRest,
} from '../../internal/rest-io.js';
import { identityFromRest } from '../../internal/rest-shapes.js';
import type { RestPipelineJob } from '../../types.js';
import { isDict } from './node-shapes.js';
import type { Dict } from './node-shapes.js';

const RAW_NODES = new WeakMap<object, Dict>();

/** The REST node dict `node` was read from, if it was read by {@link nodeFromRest}. */
export function rawRestNode(node: object): Dict | undefined {
  return RAW_NODES.get(node);
}

const SETTINGS_KEYS: Readonly<Record<string, string>> = {
  default_compute: 'defaultCompute',
  default_datastore: 'defaultDatastore',
  default_environment: 'defaultEnvironment',
  continue_on_step_failure: 'continueOnStepFailure',
  force_rerun: 'forceRerun',
  continue_run_on_failed_optional_input: 'continueRunOnFailedOptionalInput',
  on_init: 'onInit',
  on_finalize: 'onFinalize',
};

/** REST pipeline `settings` → entity settings (`_source` dropped, unknown keys kept). */
export function settingsFromRest(settings: Dict | null | undefined): PipelineJobSettings {
  const out: PipelineJobSettings = {};
  for (const [key, value] of Object.entries(settings ?? {})) {
    if (key === '_source' || value === null) continue;
    out[SETTINGS_KEYS[key] ?? key] = value;
  }
  return out;
}

/** One REST node input dict → a node input. */
export function nodeInputFromRest(input: unknown): JobInput {
  if (!isDict(input)) return typeof input === 'string' ? input : '';
  const type = typeof input['job_input_type'] === 'string' ? input['job_input_type'] : 'literal';
  const mode =
    typeof input['mode'] === 'string'
      ? (INPUT_MODE_FROM_REST[input['mode']] ?? input['mode'])
      : undefined;
  if (type === 'literal') {
    const value = typeof input['value'] === 'string' ? input['value'] : '';
    return mode === undefined ? value : ({ path: value, mode } as unknown as JobInput);
  }
  const out: Dict = { type };
  if (typeof input['uri'] === 'string') out['path'] = input['uri'];
  if (mode !== undefined) out['mode'] = mode;
  if (typeof input['description'] === 'string') out['description'] = input['description'];
  return out;
}

/** One REST node output dict → a node output (a binding string, an output mapping or `null`). */
export function nodeOutputFromRest(output: unknown): NodeOutput {
  if (!isDict(output)) return typeof output === 'string' ? output : null;
  if (output['type'] === 'literal' && typeof output['value'] === 'string') return output['value'];
  const out: Dict = {
    type: typeof output['job_output_type'] === 'string' ? output['job_output_type'] : 'uri_folder',
  };
  if (typeof output['uri'] === 'string') out['path'] = output['uri'];
  if (typeof output['mode'] === 'string') {
    out['mode'] = OUTPUT_MODE_FROM_REST[output['mode']] ?? output['mode'];
  }
  if (typeof output['description'] === 'string') out['description'] = output['description'];
  return out;
}

function mapValues<T>(value: unknown, map: (v: unknown) => T): Record<string, T> | undefined {
  if (!isDict(value)) return undefined;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, map(v)]));
}

/** One REST node dict → a pipeline node in component form. */
export function nodeFromRest(rest: Dict): PipelineNode {
  const type = (typeof rest['type'] === 'string' ? rest['type'] : 'command') as PipelineNodeType;
  if (type === 'automl') {
    const automl: PipelineNode = { ...structuredClone(rest), type };
    RAW_NODES.set(automl, structuredClone(rest));
    return automl;
  }
  const node: PipelineNode = { type };
  RAW_NODES.set(node, structuredClone(rest));
  for (const [key, value] of Object.entries(rest)) {
    switch (key) {
      case 'name':
      case 'type':
        break;
      case 'componentId':
        if (typeof value === 'string') node.component = value;
        break;
      case 'computeId':
        if (typeof value === 'string') node.compute = value;
        break;
      case 'inputs': {
        const inputs = mapValues(value, nodeInputFromRest);
        if (inputs !== undefined) node.inputs = inputs;
        break;
      }
      case 'outputs': {
        const outputs = mapValues(value, nodeOutputFromRest);
        if (outputs !== undefined) node.outputs = outputs;
        break;
      }
      case 'trial':
        node['trial'] =
          isDict(value) && typeof value['componentId'] === 'string' ? value['componentId'] : value;
        break;
      default:
        node[key] = structuredClone(value);
    }
  }
  return node;
}

/** A pipeline REST body → its entity (see the module comment). */
export function pipelineJobFromRest(properties: RestPipelineJob, common: JobOptions): PipelineJob {
  const jobs: Record<string, PipelineNode> = {};
  for (const [name, rest] of Object.entries(properties.jobs ?? {})) {
    if (isDict(rest)) jobs[name] = nodeFromRest(rest);
  }
  return new PipelineJob({
    ...common,
    jobs,
    ...(typeof properties.componentId === 'string' ? { component: properties.componentId } : {}),
    inputs: inputsFromRest(properties.inputs),
    outputs: outputsFromRest(properties.outputs),
    settings: settingsFromRest(properties.settings),
    ...(isDict(properties.identity) ? { identity: identityFromRest(properties.identity) } : {}),
  });
}
