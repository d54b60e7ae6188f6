import { resolveCodePath } from '../entities/code.js';
import { environmentToYaml } from '../entities/environment.js';
import type { CommandJobLimits } from '../entities/command-limits.js';
import type { Distribution } from '../entities/distribution.js';
import type { JobEnvironment } from '../entities/environment.js';
import type { Identity } from '../entities/identity.js';
import type { JobInput } from '../entities/job-input.js';
import type { JobOutput } from '../entities/job-output.js';
import type { QueueSettings } from '../entities/queue-settings.js';
import type { JobResources } from '../entities/resources.js';
import { Job } from '../job.js';
import type { JobOptions } from '../job.js';
import { commandJobSchema } from './command-job-schema.js';
import { defineJobType } from './job-type.js';

/** Constructor options of {@link CommandJob} (camelCase). */
export interface CommandJobOptions extends JobOptions {
  /** Shell command; may use `${{inputs.x}}` and `${{outputs.y}}`. */
  command?: string | undefined;
  /** Code folder/file (relative to `basePath`), URL, `git+` path or `azureml:` reference. */
  code?: string | undefined;
  /** Environment reference (`azureml:name:version`…) or inline environment. */
  environment?: JobEnvironment | undefined;
  /** Environment variables (string values). */
  environmentVariables?: Record<string, string> | undefined;
  /** Distributed training configuration. */
  distribution?: Distribution | undefined;
  /** Compute resources. */
  resources?: JobResources | undefined;
  /** Limits (`timeout` in seconds). */
  limits?: CommandJobLimits | undefined;
  /** Inputs: literals or data inputs. */
  inputs?: Record<string, JobInput> | undefined;
  /** Outputs (`null` = a default `uri_folder` output). */
  outputs?: Record<string, JobOutput | null> | undefined;
  /** Identity the job runs as. */
  identity?: Identity | undefined;
  /** Queue settings (job tier, priority). */
  queueSettings?: QueueSettings | undefined;
  /** Read-only: MLflow parameters logged by the run, set by clients reading from a service. */
  parameters?: Record<string, unknown> | undefined;
}

/**
 * A command job: one command run in an environment on a compute target.
 *
 * @example
 * ```ts
 * const job = new CommandJob({
 *   command: 'python train.py --lr ${{inputs.lr}}',
 *   code: './src',
 *   environment: 'azureml:AzureML-sklearn-1.5@latest',
 *   compute: 'cpu-cluster',
 *   inputs: { lr: 0.1 },
 * });
 * ```
 */
export class CommandJob extends Job {
  /** Always `'command'`. */
  readonly type = 'command' as const;
  /** Shell command. */
  command: string | undefined;
  /** Code location, as written (local paths are resolved against `basePath` on dump). */
  code: string | undefined;
  /** Environment. */
  environment: JobEnvironment | undefined;
  /** Environment variables. */
  environmentVariables: Record<string, string>;
  /** Distribution. */
  distribution: Distribution | undefined;
  /** Resources. */
  resources: JobResources | undefined;
  /** Limits. */
  limits: CommandJobLimits | undefined;
  /** Inputs. */
  inputs: Record<string, JobInput>;
  /** Outputs. */
  outputs: Record<string, JobOutput | null>;
  /** Identity. */
  identity: Identity | undefined;
  /** Queue settings. */
  queueSettings: QueueSettings | undefined;
  /** MLflow parameters (read-only). */
  readonly parameters: Record<string, unknown>;

  constructor(options: CommandJobOptions = {}) {
    super(options);
    this.command = options.command;
    this.code = options.code;
    this.environment = options.environment;
    this.environmentVariables = { ...options.environmentVariables };
    this.distribution = options.distribution;
    this.resources = options.resources;
    this.limits = options.limits;
    this.inputs = { ...options.inputs };
    this.outputs = { ...options.outputs };
    this.identity = options.identity;
    this.queueSettings = options.queueSettings;
    this.parameters = { ...options.parameters };
  }

  protected toYamlFields(): Record<string, unknown> {
    const out = commandJobSchema.dump(this as never);
    out['type'] = this.type;
    if (this.code !== undefined) out['code'] = resolveCodePath(this.code, this.basePath);
    if (this.environment !== undefined) out['environment'] = environmentToYaml(this.environment);
    out['parameters'] = { ...this.parameters };
    return out;
  }
}

/** Registry entry of `type: command`. */
export const commandJobType = defineJobType({
  type: 'command',
  schema: commandJobSchema,
  build: (value, context) => new CommandJob({ ...value, basePath: context.basePath }),
});
