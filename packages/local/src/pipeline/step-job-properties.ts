import { isRecord } from '../internal/http.js';
import { LocalServiceError } from '../local-service-error.js';
import type { PipelineStep, StepInputSource } from './plan-pipeline.js';
import { sweepStepProperties } from './sweep-step.js';

/** The node types that run locally (a sweep node's trial is a command component). */
const RUNNABLE_STEPS: ReadonlySet<string> = new Set(['command', 'sweep']);

/** What {@link stepJobProperties} builds a step's child job from. */
export interface StepJobSource {
  /** The pipeline job's name (the child's `parentJobName`). */
  readonly pipelineName: string;
  /** The pipeline job's REST `properties` (`inputs`, `experimentName`). */
  readonly pipeline: Readonly<Record<string, unknown>>;
  /** The planned step. */
  readonly step: PipelineStep;
  /** The step's component: the `componentSpec` it was registered with (YAML-shaped). */
  readonly spec: Readonly<Record<string, unknown>>;
  /** The child job name of an upstream step (it exists: the step runs after it completed). */
  readonly childNameOf: (step: string) => string;
}

type Dict = Record<string, unknown>;

function fail(where: string, message: string): never {
  throw new LocalServiceError('InvalidPipeline', `${where}: ${message}`);
}

/** `azureml:/subscriptions/…` as a component field carries a resolved id → the bare ARM id. */
function armId(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  return /^azureml:\/subscriptions\//i.test(value) ? value.slice('azureml:'.length) : value;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function withMode(input: Dict, mode: string | undefined): Dict {
  return mode === undefined ? input : { ...input, mode };
}

/** A REST input of the pipeline (`{ jobInputType, value | uri, mode }`) for a step. */
function pipelineInput(raw: unknown, mode: string | undefined, where: string): Dict | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) return { jobInputType: 'literal', value: text(raw) };
  const type = raw.jobInputType ?? raw.job_input_type;
  if (typeof type !== 'string' || type.toLowerCase() === 'literal') {
    if (raw.value === undefined || raw.value === null) return undefined;
    return { jobInputType: 'literal', value: text(raw.value) };
  }
  if (typeof raw.uri !== 'string') fail(where, `expected a ${type} pipeline input with a uri`);
  const copy: Dict = { jobInputType: type, uri: raw.uri };
  const ownMode = mode ?? raw.mode;
  return typeof ownMode === 'string' ? { ...copy, mode: ownMode } : copy;
}

function declaredType(spec: Readonly<Dict>, kind: 'inputs' | 'outputs', name: string): string {
  const declared = isRecord(spec[kind]) ? spec[kind][name] : undefined;
  const type = isRecord(declared) ? declared.type : undefined;
  return typeof type === 'string' ? type : 'uri_folder';
}

function stepInput(source: StepInputSource, name: string, args: StepJobSource): Dict | undefined {
  const where = `properties.jobs.${args.step.name}.inputs.${name}`;
  switch (source.kind) {
    case 'literal':
      return { jobInputType: 'literal', value: source.value };
    case 'uri':
      return withMode({ jobInputType: source.type, uri: source.uri }, source.mode);
    case 'pipelineInput': {
      const inputs = isRecord(args.pipeline.inputs) ? args.pipeline.inputs : {};
      return pipelineInput(inputs[source.input], source.mode, where);
    }
    case 'stepOutput':
      // The local service resolves this URI to the upstream job's output folder (or file).
      return withMode(
        {
          jobInputType: declaredType(args.spec, 'inputs', name),
          uri: `azureml://jobs/${args.childNameOf(source.step)}/outputs/${source.output}`,
        },
        source.mode,
      );
  }
}

const DISTRIBUTION_TYPES: Readonly<Record<string, string>> = {
  pytorch: 'PyTorch',
  mpi: 'Mpi',
  tensorflow: 'TensorFlow',
  ray: 'Ray',
};

/** A node's REST distribution (`distribution_type`) or a component's YAML one (`type`). */
function distribution(raw: unknown): Dict | undefined {
  if (!isRecord(raw)) return undefined;
  const type = raw.distribution_type ?? raw.distributionType ?? raw.type;
  if (typeof type !== 'string') return undefined;
  const count = raw.process_count_per_instance ?? raw.processCountPerInstance;
  return {
    distributionType: DISTRIBUTION_TYPES[type.toLowerCase()] ?? type,
    ...(typeof count === 'number' ? { processCountPerInstance: count } : {}),
  };
}

function instanceCount(raw: unknown): number | undefined {
  if (!isRecord(raw)) return undefined;
  const count = raw.instance_count ?? raw.instanceCount;
  return typeof count === 'number' ? count : undefined;
}

/**
 * The REST `properties` of the child job that runs one pipeline step — a Command job, or for a
 * sweep node a Sweep job whose trial is the component: the component's
 * command, code and environment; the step's inputs bound to literals, the pipeline's inputs or
 * upstream outputs (`azureml://jobs/<child>/outputs/<output>`), and the component's defaults for
 * inputs the step leaves out; every output the component declares; the node's environment
 * variables, resources, distribution and timeout. The child is tagged as Azure ML tags step
 * runs: `parentJobName`, `azureml.parentJobName` and `azureml.nodeid`.
 *
 * @throws {LocalServiceError} `InvalidPipeline` when the step is not a command or sweep node,
 *   its component is not a command component or has no command, or a sweep node's search space
 *   is malformed.
 */
export function stepJobProperties(args: StepJobSource): Dict {
  const { step, spec } = args;
  const where = `properties.jobs.${step.name}`;
  const specType = typeof spec.type === 'string' ? spec.type : 'command';
  if (!RUNNABLE_STEPS.has(step.type) || specType !== 'command') {
    fail(
      where,
      `is a ${RUNNABLE_STEPS.has(step.type) ? `${step.type} step of a ${specType} component` : `${step.type} step`}: the local backend runs command and sweep steps (of command components) only`,
    );
  }
  if (typeof spec.command !== 'string' || spec.command.trim() === '') {
    fail(where, `its component has no command: expected a command component`);
  }
  const node = step.node;
  const inputs: Dict = {};
  for (const [name, source] of Object.entries(step.inputs)) {
    const input = stepInput(source, name, args);
    if (input !== undefined) inputs[name] = input;
  }
  for (const [name, declared] of Object.entries(isRecord(spec.inputs) ? spec.inputs : {})) {
    if (name in inputs || !isRecord(declared) || declared.default === undefined) continue;
    inputs[name] = { jobInputType: 'literal', value: text(declared.default) };
  }
  const outputs: Dict = {};
  for (const name of Object.keys(isRecord(spec.outputs) ? spec.outputs : {})) {
    const own = step.outputs[name];
    outputs[name] = {
      jobOutputType: own?.kind === 'own' ? own.type : declaredType(spec, 'outputs', name),
      ...(own?.kind === 'own' && own.mode !== undefined ? { mode: own.mode } : {}),
    };
  }
  const environmentVariables: Dict = {
    ...(isRecord(spec.environment_variables) ? spec.environment_variables : {}),
    ...(isRecord(node.environment_variables) ? node.environment_variables : {}),
  };
  const count = instanceCount(node.resources) ?? instanceCount(spec.resources);
  const dist = distribution(node.distribution) ?? distribution(spec.distribution);
  const limits = isRecord(node.limits) ? node.limits : {};
  const codeId = armId(spec.code);
  const environmentId = armId(spec.environment);
  const displayName = node.display_name ?? node.displayName;
  const run: Dict = {
    command: spec.command,
    ...(codeId === undefined ? {} : { codeId }),
    ...(environmentId === undefined ? {} : { environmentId }),
    environmentVariables,
    ...(count === undefined ? {} : { resources: { instanceCount: count } }),
    ...(dist === undefined ? {} : { distribution: dist }),
  };
  const common: Dict = {
    displayName: typeof displayName === 'string' ? displayName : step.name,
    experimentName: args.pipeline.experimentName ?? 'Default',
    parentJobName: args.pipelineName,
    inputs,
    outputs,
    properties: {
      'azureml.parentJobName': args.pipelineName,
      'azureml.nodeid': step.name,
    },
    tags: isRecord(node.tags) ? node.tags : {},
  };
  if (step.type === 'sweep') {
    // The trial is the component; its sampled values reach it as inputs of the same name.
    return { jobType: 'Sweep', ...common, trial: run, ...sweepStepProperties(node, where) };
  }
  return {
    jobType: 'Command',
    ...common,
    ...run,
    ...(typeof limits.timeout === 'string'
      ? { limits: { jobLimitsType: 'Command', timeout: limits.timeout } }
      : {}),
  };
}
