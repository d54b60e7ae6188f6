import type { Identity } from '../../entities/identity.js';
import { jobInputSchema } from '../../entities/job-input.js';
import type { JobInput } from '../../entities/job-input.js';
import { jobOutputSchema } from '../../entities/job-output.js';
import type { JobOutput } from '../../entities/job-output.js';
import { Job } from '../../job.js';
import type { JobOptions } from '../../job.js';
import { defineJobType } from '../job-type.js';
import type { Component } from './component.js';
import { pipelineComponentToComponentForm, toComponentForm } from './internal/to-component-form.js';
import { pipelineJobSchema } from './pipeline-job-schema.js';
import { dumpPipelineJobSettings } from './pipeline-job-settings.js';
import type { PipelineJobSettings } from './pipeline-job-settings.js';
import { dumpComponent, pipelineNodesSchema } from './pipeline-node.js';
import type { PipelineNode } from './pipeline-node.js';

/** Constructor options of {@link PipelineJob} (camelCase). */
export interface PipelineJobOptions extends JobOptions {
  /** The nodes: node name → node. Inline (job-form) nodes become anonymous-component nodes. */
  jobs?: Record<string, PipelineNode> | undefined;
  /** A pipeline component to run instead of `jobs` (a reference string or a loaded component). */
  component?: string | Component | undefined;
  /** Pipeline inputs: literals or data inputs (dotted names for parameter groups). */
  inputs?: Record<string, JobInput> | undefined;
  /** Pipeline outputs (`null` = a default `uri_folder` output). */
  outputs?: Record<string, JobOutput | null> | undefined;
  /** Settings: default compute/datastore, continue on step failure, force rerun… */
  settings?: PipelineJobSettings | undefined;
  /** Identity the pipeline's nodes run as. */
  identity?: Identity | undefined;
}

/**
 * A pipeline job: a graph of nodes (command, sweep, parallel, spark, pipeline and AutoML
 * steps) wired by `${{parent.…}}` bindings.
 *
 * @example
 * ```ts
 * const job = new PipelineJob({
 *   settings: { defaultCompute: 'cpu-cluster' },
 *   inputs: { greeting: 'hello' },
 *   jobs: {
 *     say: {
 *       type: 'command',
 *       command: 'echo ${{inputs.text}}',
 *       environment: 'azureml:AzureML-sklearn-1.5@latest',
 *       inputs: { text: '${{parent.inputs.greeting}}' },
 *     },
 *   },
 * });
 * job.toYamlObject().jobs; // { say: { type: 'command', component: { name: 'azureml_anonymous', … }, … } }
 * ```
 */
export class PipelineJob extends Job {
  /** Always `'pipeline'`. */
  readonly type = 'pipeline' as const;
  /** The nodes. */
  jobs: Record<string, PipelineNode>;
  /** A pipeline component run instead of `jobs`. */
  component: string | Component | undefined;
  /** Inputs. */
  inputs: Record<string, JobInput>;
  /** Outputs. */
  outputs: Record<string, JobOutput | null>;
  /** Settings (never undefined, as the SDK's getter). */
  settings: PipelineJobSettings;
  /** Identity. */
  identity: Identity | undefined;

  constructor(options: PipelineJobOptions = {}) {
    super(options);
    this.jobs = { ...options.jobs };
    this.component = options.component;
    this.inputs = { ...options.inputs };
    this.outputs = { ...options.outputs };
    this.settings = { ...options.settings };
    this.identity = options.identity;
    toComponentForm({ inputs: this.inputs, outputs: this.outputs, jobs: this.jobs });
    pipelineComponentToComponentForm(this.component);
  }

  protected toYamlFields(): Record<string, unknown> {
    const out = pipelineJobSchema.dump({
      name: this.name,
      displayName: this.displayName,
      description: this.description,
      experimentName: this.experimentName,
      compute: this.compute,
      identity: this.identity,
    } as never);
    out['type'] = this.type;
    if (Object.keys(this.tags).length > 0) out['tags'] = { ...this.tags };
    if (Object.keys(this.properties).length > 0) out['properties'] = { ...this.properties };
    if (Object.keys(this.inputs).length > 0) {
      out['inputs'] = Object.fromEntries(
        Object.entries(this.inputs).map(([k, v]) => [k, jobInputSchema.dump(v)]),
      );
    }
    const outputs = Object.entries(this.outputs).filter(([, v]) => v !== null) as [
      string,
      JobOutput,
    ][];
    if (outputs.length > 0)
      out['outputs'] = Object.fromEntries(outputs.map(([k, v]) => [k, jobOutputSchema.dump(v)]));
    const settings = dumpPipelineJobSettings(this.settings);
    if (Object.keys(settings).length > 0) out['settings'] = settings;
    if (Object.keys(this.jobs).length > 0 || this.component === undefined)
      out['jobs'] = pipelineNodesSchema.dump(this.jobs);
    if (this.component !== undefined)
      out['component'] =
        typeof this.component === 'string' ? this.component : dumpComponent(this.component);
    return out;
  }
}

/** Registry entry of `type: pipeline`. */
export const pipelineJobType = defineJobType({
  type: 'pipeline',
  schema: pipelineJobSchema,
  build: (value, context) =>
    new PipelineJob({ ...(value as PipelineJobOptions), basePath: context.basePath }),
});
