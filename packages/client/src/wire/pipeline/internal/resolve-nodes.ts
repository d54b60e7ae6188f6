/**
 * Resolution of a pipeline's nodes in azure-ai-ml 1.4.0's submission order, and the REST node
 * dicts built from the result. Per scope (the job's `jobs`, or a pipeline component's):
 *
 * 1. node inputs, node by node (local paths "uploaded");
 * 2. per node: a parallel node's task code and environment, then the component's environment,
 *    then the node's compute;
 * 3. per node: the component — a reference is resolved as written; an inline or file component
 *    gets its code (or the placeholder code) and is registered anonymously, a pipeline component
 *    after its own nodes (deepest first). Equal components are registered once.
 */
import type { Component, JobEnvironment, JobInput, NodeOutput, PipelineNode } from '@amlkit/core';
import type { ResolveContext } from '../../../resolver/asset-resolver.js';
import {
  COMPONENT_TO_DICT,
  PIPELINE_COMPONENT_REST_SPEC,
  componentAssetReference,
  componentHashInput,
  pipelineComponentHashInput,
} from '../../../resolver/components.js';
import { isBinding } from '../../internal/rest-io.js';
import { rawRestNode } from './pipeline-from-rest.js';
import type { ToRestContext } from '../../rest-job-converter.js';
import { WireFormatError } from '../../wire-format-error.js';
import {
  commandLimitsToNodeRest,
  distributionToNodeRest,
  identityToNodeRest,
  isDict,
  miniBatchSizeToNodeRest,
  nodeInputToRest,
  nodeOutputToRest,
  partitionKeysToNodeRest,
  searchSpaceToNodeRest,
  sparkConfToNodeRest,
  sparkEntryToNodeRest,
} from './node-shapes.js';
import type { Dict } from './node-shapes.js';

/** The `_source` values 1.4.0 writes on nodes. */
export const NodeSource = {
  YamlJob: 'YAML.JOB',
  YamlComponent: 'YAML.COMPONENT',
  RemoteRegistry: 'REMOTE.REGISTRY',
  RemoteWorkspaceComponent: 'REMOTE.WORKSPACE.COMPONENT',
} as const;
/** A node `_source`. */
export type NodeSource = (typeof NodeSource)[keyof typeof NodeSource];

interface NodeState {
  readonly name: string;
  readonly node: PipelineNode;
  readonly dumped: Dict;
  readonly component: string | Component | undefined;
  inputs: Dict;
  computeId?: string;
  componentId?: string;
}

interface ComponentState {
  codeId?: string;
  environmentId?: string;
}

function componentOf(node: PipelineNode): string | Component | undefined {
  const value = node.type === 'sweep' ? node['trial'] : node.component;
  return typeof value === 'string' || isDict(value) ? (value as string | Component) : undefined;
}

function dumpedComponentOf(node: PipelineNode, dumped: Dict): Dict | undefined {
  const value = dumped[node.type === 'sweep' ? 'trial' : 'component'];
  return isDict(value) ? value : undefined;
}

function isLocalOrBinding(compute: string): boolean {
  return compute === 'local' || isBinding(compute);
}

function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isDict(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}

/** The `_source` of a node, from how its component was written. */
export function nodeSource(component: string | Component | undefined): NodeSource {
  if (typeof component === 'string') {
    return component.startsWith('azureml://registries/')
      ? NodeSource.RemoteRegistry
      : NodeSource.RemoteWorkspaceComponent;
  }
  // A component file (read from its own YAML, with its `$schema`) vs. one written in the job.
  return component !== undefined && typeof component.$schema === 'string'
    ? NodeSource.YamlComponent
    : NodeSource.YamlJob;
}

/**
 * Resolves the nodes of a pipeline through `context.resolver` and builds their REST dicts.
 * One instance per `toRestJob` call: it remembers registered anonymous components.
 */
export class PipelineNodeResolver {
  readonly #context: ToRestContext;
  readonly #registered = new Map<string, string>();
  readonly #components = new WeakMap<object, ComponentState>();

  constructor(context: ToRestContext) {
    this.#context = context;
  }

  get #rc(): ResolveContext {
    return this.#context.resolveContext;
  }

  /** Validation-time compute lookups (`compute_get`): the job's compute, then each node's. */
  async validateComputes(
    compute: string | undefined,
    jobs: Readonly<Record<string, PipelineNode>>,
  ): Promise<void> {
    const getCompute = this.#context.resolver.getCompute?.bind(this.#context.resolver);
    if (getCompute === undefined) return;
    const computes = [compute, ...Object.values(jobs).map((n) => n.compute)];
    for (const c of computes) {
      if (typeof c === 'string' && !isLocalOrBinding(c)) await getCompute(c, this.#rc);
    }
  }

  /**
   * Resolves one scope of nodes and returns their REST dicts (`withNames`: the top-level
   * `jobs` carry each node's `name`; a pipeline component's spec does not).
   */
  async resolveScope(
    jobs: Readonly<Record<string, PipelineNode>>,
    dumpedJobs: Readonly<Record<string, unknown>>,
    options: { readonly withNames: boolean },
  ): Promise<Record<string, Dict>> {
    const states: NodeState[] = Object.entries(jobs).map(([name, node]) => {
      const dumped = dumpedJobs[name];
      return {
        name,
        node,
        dumped: isDict(dumped) ? dumped : {},
        component: componentOf(node),
        inputs: {},
      };
    });
    for (const state of states) await this.#resolveInputs(state);
    for (const state of states) await this.#resolveDependencies(state);
    for (const state of states) await this.#resolveComponent(state);
    return Object.fromEntries(states.map((s) => [s.name, this.#restNode(s, options.withNames)]));
  }

  /** Resolves a job-level `component:` (a reference, or a local pipeline component). */
  async resolveJobComponent(component: string | Component, dumped: unknown): Promise<string> {
    const state: NodeState = {
      name: '',
      node: { type: 'pipeline', component },
      dumped: { component: dumped },
      component,
      inputs: {},
    };
    await this.#resolveComponent(state);
    return state.componentId ?? '';
  }

  async #resolveInputs(state: NodeState): Promise<void> {
    if (state.node.type === 'automl') return;
    const inputs = state.node.inputs ?? {};
    for (const [key, input] of Object.entries(inputs)) {
      state.inputs[key] = nodeInputToRest(input, await this.#resolveInputPath(input));
    }
  }

  async #resolveInputPath(input: JobInput | null | undefined): Promise<string | undefined> {
    if (!isDict(input)) return undefined;
    const data = input as { type?: string; path?: string; datastore?: string };
    if (data.path === undefined || isBinding(data.path)) return undefined;
    return this.#context.resolver.resolveInput(
      { type: data.type ?? 'uri_folder', path: data.path, datastore: data.datastore },
      this.#rc,
    );
  }

  #stateOf(component: object): ComponentState {
    let state = this.#components.get(component);
    if (state === undefined) {
      state = {};
      this.#components.set(component, state);
    }
    return state;
  }

  async #resolveDependencies(state: NodeState): Promise<void> {
    const { node, component } = state;
    const resolver = this.#context.resolver;
    if (typeof component === 'object' && (component.type as string) !== 'pipeline') {
      const cs = this.#stateOf(component);
      const task = (component as { task?: { code?: string; environment?: JobEnvironment } }).task;
      if (component.type === 'parallel' && isDict(node['task']) && task !== undefined) {
        if (task.code !== undefined && cs.codeId === undefined) {
          cs.codeId = await resolver.resolveCode({ path: task.code }, this.#rc);
        }
        if (task.environment !== undefined && cs.environmentId === undefined) {
          cs.environmentId = await resolver.resolveEnvironment(task.environment, this.#rc);
        }
      }
      const environment =
        component.type === 'parallel'
          ? task?.environment
          : (component as { environment?: JobEnvironment }).environment;
      if (environment !== undefined && cs.environmentId === undefined) {
        cs.environmentId = await resolver.resolveEnvironment(environment, this.#rc);
      }
    }
    const compute = node.compute;
    const pipelineNode = node.type === 'pipeline';
    if (typeof compute === 'string' && !pipelineNode) {
      state.computeId = isBinding(compute)
        ? compute
        : await resolver.resolveCompute(compute, this.#rc);
    }
  }

  async #resolveComponent(state: NodeState): Promise<void> {
    const { component, node } = state;
    if (node.type === 'automl' || component === undefined) return;
    const resolveComponent = this.#context.resolver.resolveComponent?.bind(this.#context.resolver);
    if (resolveComponent === undefined) {
      throw new WireFormatError({
        message: `Cannot build the REST body of pipeline node '${state.name}': expected a resolver with resolveComponent (components must be registered), received a resolver without it.`,
        path: `jobs.${state.name}.component`,
      });
    }
    if (typeof component === 'string') {
      state.componentId = await resolveComponent({ reference: component }, this.#rc);
      return;
    }
    const dumped = dumpedComponentOf(node, state.dumped) ?? {};
    const key = sortedJson({
      dumped: { ...dumped, name: undefined, version: undefined },
      nodeName: component.displayName === undefined ? state.name : undefined,
    });
    const known = this.#registered.get(key);
    if (known !== undefined) {
      state.componentId = known;
      return;
    }
    let id: string;
    if (component.type === 'pipeline') {
      const nested = await this.resolveScope(
        (component as { jobs?: Record<string, PipelineNode> }).jobs ?? {},
        isDict(dumped['jobs']) ? dumped['jobs'] : {},
        { withNames: false },
      );
      id = await resolveComponent(
        {
          anonymous: true,
          hashKind: PIPELINE_COMPONENT_REST_SPEC,
          hashInput: pipelineComponentHashInput(dumped, nested),
        },
        this.#rc,
      );
    } else {
      const cs = this.#stateOf(component);
      const code =
        component.type === 'parallel'
          ? (component as { task?: { code?: string } }).task?.code
          : (component as { code?: string }).code;
      if (cs.codeId === undefined) {
        if (code !== undefined) {
          cs.codeId = await this.#context.resolver.resolveCode({ path: code }, this.#rc);
        } else if (component.type === 'command') {
          cs.codeId = await this.#context.resolver.resolveCode({ placeholder: true }, this.#rc);
        }
      }
      id = await resolveComponent(
        {
          anonymous: true,
          hashKind: COMPONENT_TO_DICT,
          hashInput: componentHashInput(dumped, {
            nodeName: state.name,
            codeId: cs.codeId,
            environmentId: cs.environmentId,
          }),
        },
        this.#rc,
      );
    }
    this.#registered.set(key, id);
    state.componentId = id;
  }

  #restNode(state: NodeState, withName: boolean): Dict {
    const { node, dumped } = state;
    const raw = rawRestNode(node);
    if (raw !== undefined) return this.#restNodeFromRaw(state, raw, withName);
    if (node.type === 'automl') {
      const out: Dict = { ...dumped };
      out['properties'] ??= {};
      out['tags'] ??= {};
      if ('search_space' in out) out['search_space'] = searchSpaceToNodeRest(out['search_space']);
      return out;
    }
    const out: Dict = { ...dumped };
    delete out['component'];
    delete out['compute'];
    // A node read from REST keeps its `_source`; a node loaded from YAML gets it from its component.
    out['_source'] =
      typeof node['_source'] === 'string' ? node['_source'] : nodeSource(state.component);
    if (withName) out['name'] = state.name;
    if (node.type === 'sweep') {
      out['trial'] = { componentId: state.componentId };
    } else if (state.componentId !== undefined) {
      out['componentId'] = state.componentId;
    }
    if (state.computeId !== undefined) out['computeId'] = state.computeId;
    if (Object.keys(state.inputs).length > 0) out['inputs'] = state.inputs;
    else delete out['inputs'];
    const outputs = this.#outputs(node.outputs);
    if (Object.keys(outputs).length > 0) out['outputs'] = outputs;
    else delete out['outputs'];
    if (isDict(out['distribution']))
      out['distribution'] = distributionToNodeRest(out['distribution']);
    if (node.type === 'command' && isDict(out['limits'])) {
      out['limits'] = commandLimitsToNodeRest(out['limits']);
    }
    if (isDict(out['identity'])) out['identity'] = identityToNodeRest(out['identity']);
    if (node.type === 'spark') {
      if (isDict(out['conf'])) out['conf'] = sparkConfToNodeRest(out['conf']);
      if (isDict(out['entry'])) out['entry'] = sparkEntryToNodeRest(out['entry']);
    }
    if (node.type === 'parallel') {
      if ('mini_batch_size' in out) {
        out['mini_batch_size'] = miniBatchSizeToNodeRest(out['mini_batch_size']);
      }
      if ('partition_keys' in out) {
        out['partition_keys'] = partitionKeysToNodeRest(out['partition_keys']);
      }
      if (isDict(out['task'])) out['task'] = this.#parallelTask(state, out['task']);
    }
    return out;
  }

  /** A node read from REST: its dict as received, with the entity's component, compute and I/O. */
  #restNodeFromRaw(state: NodeState, raw: Dict, withName: boolean): Dict {
    const out: Dict = { ...raw };
    if (state.node.type === 'automl') return out;
    if (withName) out['name'] = state.name;
    else delete out['name'];
    delete out['componentId'];
    delete out['computeId'];
    if (state.node.type === 'sweep') out['trial'] = { componentId: state.componentId };
    else if (state.componentId !== undefined) out['componentId'] = state.componentId;
    if (state.computeId !== undefined) out['computeId'] = state.computeId;
    if (Object.keys(state.inputs).length > 0) out['inputs'] = state.inputs;
    else delete out['inputs'];
    const outputs = this.#outputs(state.node.outputs);
    if (Object.keys(outputs).length > 0) out['outputs'] = outputs;
    else delete out['outputs'];
    return out;
  }

  #parallelTask(state: NodeState, task: Dict): Dict {
    const out = { ...task };
    const cs = isDict(state.component) ? this.#components.get(state.component) : undefined;
    if ('code' in out && cs?.codeId !== undefined) out['code'] = componentAssetReference(cs.codeId);
    if ('environment' in out && cs?.environmentId !== undefined) {
      out['environment'] = componentAssetReference(cs.environmentId);
    }
    return out;
  }

  #outputs(outputs: Readonly<Record<string, NodeOutput>> | undefined): Dict {
    const out: Dict = {};
    for (const [key, output] of Object.entries(outputs ?? {})) {
      const rest = nodeOutputToRest(output);
      if (rest !== undefined) out[key] = rest;
    }
    return out;
  }
}
