import { isRecord } from '../internal/http.js';
import { LocalServiceError } from '../local-service-error.js';

/** Where a step input's value comes from. */
export type StepInputSource =
  /** A literal value (`{ job_input_type: 'literal', value }` without a binding). */
  | { readonly kind: 'literal'; readonly value: string }
  /** A data URI (`uri_folder`, `uri_file`, …): an upload or a datastore path. */
  | { readonly kind: 'uri'; readonly type: string; readonly uri: string; readonly mode?: string }
  /** `${{parent.inputs.<input>}}`: a pipeline input. */
  | { readonly kind: 'pipelineInput'; readonly input: string; readonly mode?: string }
  /** `${{parent.jobs.<step>.outputs.<output>}}`: another step's output folder or file. */
  | {
      readonly kind: 'stepOutput';
      readonly step: string;
      readonly output: string;
      readonly mode?: string;
    };

/** Where a step output goes. */
export type StepOutputTarget =
  /** The step's own output (`{ job_output_type, mode }`). */
  | { readonly kind: 'own'; readonly type: string; readonly mode?: string }
  /** `${{parent.outputs.<output>}}`: promoted to a pipeline output. */
  | { readonly kind: 'pipelineOutput'; readonly output: string };

/** One step of a planned pipeline. */
export interface PipelineStep {
  /** The node name (the key in `properties.jobs`). */
  readonly name: string;
  /** The node type (`command`, `sweep`, …); `command` when absent. */
  readonly type: string;
  /** `componentId` (or `trial.componentId` for a sweep node); may be absent for inline nodes. */
  readonly componentId?: string;
  readonly inputs: Readonly<Record<string, StepInputSource>>;
  readonly outputs: Readonly<Record<string, StepOutputTarget>>;
  /** The steps whose outputs this one reads, sorted by name. */
  readonly dependsOn: readonly string[];
  /** The node dict as stored, for what the planner does not interpret. */
  readonly node: Readonly<Record<string, unknown>>;
}

/** A pipeline's steps in a topological order (each after the steps it depends on). */
export interface PipelinePlan {
  readonly steps: readonly PipelineStep[];
  /** `settings.continue_on_step_failure` (`false` when absent). */
  readonly continueOnStepFailure: boolean;
  /** The pipeline's inputs that a step binds but the body does not define (left out). */
  readonly missingPipelineInputs: readonly string[];
}

const PARENT_BINDING = /^\$\{\{\s*parent\.(inputs|jobs|outputs)\.(.+?)\s*\}\}$/;
const STEP_OUTPUT = /^([^.]+)\.outputs\.([^.]+)$/;

function fail(where: string, message: string): never {
  throw new LocalServiceError('InvalidPipeline', `${where}: ${message}`);
}

function optionalMode(value: unknown): { mode?: string } {
  return typeof value === 'string' ? { mode: value } : {};
}

function truthy(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.toLowerCase() === 'true';
  return false;
}

function readInput(
  raw: unknown,
  where: string,
  pipelineInputs: Readonly<Record<string, unknown>>,
  missing: Set<string>,
): StepInputSource | undefined {
  if (!isRecord(raw)) {
    if (raw === null || raw === undefined) return undefined;
    return { kind: 'literal', value: typeof raw === 'string' ? raw : JSON.stringify(raw) };
  }
  const rawType = raw.job_input_type ?? raw.jobInputType ?? raw.type;
  const type =
    typeof rawType === 'string' ? rawType : raw.uri === undefined ? 'literal' : 'uri_folder';
  const value = raw.value;
  if (type.toLowerCase() === 'literal') {
    if (typeof value === 'string') {
      const match = PARENT_BINDING.exec(value.trim());
      if (match !== null) {
        const [, scope = '', path = ''] = match;
        if (scope === 'inputs') {
          if (!(path in pipelineInputs)) {
            missing.add(path);
            return undefined;
          }
          return { kind: 'pipelineInput', input: path, ...optionalMode(raw.mode) };
        }
        if (scope === 'jobs') {
          const step = STEP_OUTPUT.exec(path);
          if (step === null) {
            fail(
              where,
              `expected a binding \${{parent.jobs.<step>.outputs.<output>}}, received ${JSON.stringify(value)}`,
            );
          }
          return {
            kind: 'stepOutput',
            step: step[1] ?? '',
            output: step[2] ?? '',
            ...optionalMode(raw.mode),
          };
        }
        fail(where, `an input cannot bind a pipeline output, received ${JSON.stringify(value)}`);
      }
      return { kind: 'literal', value };
    }
    if (value === undefined || value === null) return undefined;
    return { kind: 'literal', value: JSON.stringify(value) };
  }
  const uri = raw.uri ?? raw.path;
  if (typeof uri !== 'string' || uri === '') {
    fail(where, `expected a ${type} input with a uri, received ${JSON.stringify(raw)}`);
  }
  return { kind: 'uri', type, uri, ...optionalMode(raw.mode) };
}

function readOutput(raw: unknown, where: string): StepOutputTarget | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (!isRecord(raw)) fail(where, `expected an output mapping, received ${JSON.stringify(raw)}`);
  const value = raw.value ?? raw.path;
  if (typeof value === 'string') {
    const match = PARENT_BINDING.exec(value.trim());
    if (match?.[1] === 'outputs') return { kind: 'pipelineOutput', output: match[2] ?? '' };
    if (match !== null) {
      fail(
        where,
        `an output can only bind \${{parent.outputs.<name>}}, received ${JSON.stringify(value)}`,
      );
    }
  }
  const type = raw.job_output_type ?? raw.jobOutputType ?? raw.type;
  return {
    kind: 'own',
    type: typeof type === 'string' && type !== 'literal' ? type : 'uri_folder',
    ...optionalMode(raw.mode),
  };
}

function topologicalOrder(steps: ReadonlyMap<string, PipelineStep>): PipelineStep[] {
  const order: PipelineStep[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: readonly string[]): void => {
    const seen = state.get(name);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...path.slice(path.indexOf(name)), name];
      fail('properties.jobs', `the steps form a cycle: ${cycle.join(' → ')}; expected a DAG`);
    }
    state.set(name, 'visiting');
    const step = steps.get(name);
    for (const dep of step?.dependsOn ?? []) visit(dep, [...path, name]);
    state.set(name, 'done');
    if (step !== undefined) order.push(step);
  };
  for (const name of [...steps.keys()].sort()) visit(name, []);
  return order;
}

/**
 * Plans a stored pipeline job from its REST `properties` (`jobs`, `inputs`, `settings`): each
 * node becomes a step whose dependencies are the steps named by its
 * `${{parent.jobs.<step>.outputs.<output>}}` inputs. Steps come out in a topological order
 * (ties by name). A binding to a pipeline input the body leaves out (an optional input with no
 * value) drops that step input and is listed in `missingPipelineInputs`.
 *
 * @throws {LocalServiceError} `InvalidPipeline` when `jobs` is missing or empty, a binding
 *   names an unknown step or has a bad form, a step depends on itself, or the steps form a
 *   cycle (the message lists it).
 */
export function planPipeline(properties: Readonly<Record<string, unknown>>): PipelinePlan {
  const jobs = properties.jobs;
  if (!isRecord(jobs) || Object.keys(jobs).length === 0) {
    fail(
      'properties.jobs',
      `expected at least one step, received ${JSON.stringify(jobs ?? null)} (a pipeline from a pipeline component cannot run locally)`,
    );
  }
  const pipelineInputs = isRecord(properties.inputs) ? properties.inputs : {};
  const missing = new Set<string>();
  const steps = new Map<string, PipelineStep>();
  for (const [name, node] of Object.entries(jobs)) {
    const where = `properties.jobs.${name}`;
    if (!isRecord(node)) fail(where, `expected a node mapping, received ${JSON.stringify(node)}`);
    const inputs: Record<string, StepInputSource> = {};
    for (const [input, raw] of Object.entries(isRecord(node.inputs) ? node.inputs : {})) {
      const source = readInput(raw, `${where}.inputs.${input}`, pipelineInputs, missing);
      if (source !== undefined) inputs[input] = source;
    }
    const outputs: Record<string, StepOutputTarget> = {};
    for (const [output, raw] of Object.entries(isRecord(node.outputs) ? node.outputs : {})) {
      const target = readOutput(raw, `${where}.outputs.${output}`);
      if (target !== undefined) outputs[output] = target;
    }
    const dependsOn = new Set<string>();
    for (const [input, source] of Object.entries(inputs)) {
      if (source.kind !== 'stepOutput') continue;
      if (!(source.step in jobs)) {
        fail(
          `${where}.inputs.${input}`,
          `binds the output of step '${source.step}', expected one of ${Object.keys(jobs).join(', ')}`,
        );
      }
      if (source.step === name)
        fail(`${where}.inputs.${input}`, 'a step cannot read its own output');
      dependsOn.add(source.step);
    }
    const trial = isRecord(node.trial) ? node.trial : {};
    const componentId = node.componentId ?? trial.componentId;
    steps.set(name, {
      name,
      type: typeof node.type === 'string' ? node.type : 'command',
      ...(typeof componentId === 'string' ? { componentId } : {}),
      inputs,
      outputs,
      dependsOn: [...dependsOn].sort(),
      node,
    });
  }
  const settings = isRecord(properties.settings) ? properties.settings : {};
  return {
    steps: topologicalOrder(steps),
    continueOnStepFailure: truthy(
      settings.continue_on_step_failure ?? settings.continueOnStepFailure,
    ),
    missingPipelineInputs: [...missing].sort(),
  };
}
