import { resolveCodePath } from '../entities/code.js';
import { environmentToYaml } from '../entities/environment.js';
import type { EarlyTerminationPolicy } from '../entities/early-termination.js';
import type { Identity } from '../entities/identity.js';
import type { JobInput } from '../entities/job-input.js';
import type { JobOutput } from '../entities/job-output.js';
import type { Objective } from '../entities/objective.js';
import type { QueueSettings } from '../entities/queue-settings.js';
import type { JobResources } from '../entities/resources.js';
import type { SamplingAlgorithm } from '../entities/sampling-algorithm.js';
import type { SearchDistribution } from '../entities/search-space.js';
import type { SweepJobLimits } from '../entities/sweep-limits.js';
import { Job } from '../job.js';
import type { JobOptions } from '../job.js';
import { defineJobType } from './job-type.js';
import { sweepJobSchema } from './sweep-job-schema.js';
import type { SweepTrial } from './sweep-job-schema.js';

/** Constructor options of {@link SweepJob} (camelCase). */
export interface SweepJobOptions extends JobOptions {
  /** The trial: command, code, environment, environment variables, distribution, resources. */
  trial?: SweepTrial | undefined;
  /** Inputs shared by every trial. */
  inputs?: Record<string, JobInput> | undefined;
  /** Outputs of every trial. */
  outputs?: Record<string, JobOutput | null> | undefined;
  /** Identity the trials run as. */
  identity?: Identity | undefined;
  /** Queue settings. */
  queueSettings?: QueueSettings | undefined;
  /** Resources of every trial (newer SDKs). */
  resources?: JobResources | undefined;
  /** `random`, `grid`, `bayesian` or a mapping with settings. */
  samplingAlgorithm?: SamplingAlgorithm | undefined;
  /** Hyperparameter → distribution. */
  searchSpace?: Record<string, SearchDistribution> | undefined;
  /** The metric to optimize. */
  objective?: Objective | undefined;
  /** Early-termination policy. */
  earlyTermination?: EarlyTerminationPolicy | undefined;
  /** Limits (`maxTotalTrials` required in YAML). */
  limits?: SweepJobLimits | undefined;
}

/**
 * A hyperparameter sweep: runs `trial` with values sampled from `searchSpace`,
 * optimizing `objective` within `limits`.
 *
 * @example
 * ```ts
 * const sweep = new SweepJob({
 *   trial: { command: 'python train.py --lr ${{search_space.lr}}', environment: 'azureml:AzureML-sklearn-1.5@latest' },
 *   compute: 'cpu-cluster',
 *   searchSpace: { lr: { type: 'uniform', minValue: 0.01, maxValue: 0.1 } },
 *   objective: { goal: 'maximize', primaryMetric: 'accuracy' },
 *   limits: { maxTotalTrials: 10 },
 * });
 * ```
 */
export class SweepJob extends Job {
  /** Always `'sweep'`. */
  readonly type = 'sweep' as const;
  /** The trial. */
  trial: SweepTrial | undefined;
  /** Inputs. */
  inputs: Record<string, JobInput>;
  /** Outputs. */
  outputs: Record<string, JobOutput | null>;
  /** Identity. */
  identity: Identity | undefined;
  /** Queue settings. */
  queueSettings: QueueSettings | undefined;
  /** Resources. */
  resources: JobResources | undefined;
  /** Sampling algorithm. */
  samplingAlgorithm: SamplingAlgorithm | undefined;
  /** Search space. */
  searchSpace: Record<string, SearchDistribution> | undefined;
  /** Objective. */
  objective: Objective | undefined;
  /** Early-termination policy. */
  earlyTermination: EarlyTerminationPolicy | undefined;
  /** Limits. */
  limits: SweepJobLimits | undefined;

  constructor(options: SweepJobOptions = {}) {
    super(options);
    this.trial =
      options.trial === undefined
        ? undefined
        : { ...options.trial, environmentVariables: { ...options.trial.environmentVariables } };
    this.inputs = { ...options.inputs };
    this.outputs = { ...options.outputs };
    this.identity = options.identity;
    this.queueSettings = options.queueSettings;
    this.resources = options.resources;
    this.samplingAlgorithm = options.samplingAlgorithm;
    this.searchSpace = options.searchSpace;
    this.objective = options.objective;
    this.earlyTermination = options.earlyTermination;
    this.limits = options.limits;
  }

  protected toYamlFields(): Record<string, unknown> {
    const out = sweepJobSchema.dump(this as never);
    out['type'] = this.type;
    const trial = out['trial'] as Record<string, unknown> | undefined;
    if (trial !== undefined && this.trial !== undefined) {
      if (this.trial.code !== undefined)
        trial['code'] = resolveCodePath(this.trial.code, this.basePath);
      trial['environment'] = environmentToYaml(this.trial.environment);
    }
    return out;
  }
}

/** Registry entry of `type: sweep`. */
export const sweepJobType = defineJobType({
  type: 'sweep',
  schema: sweepJobSchema,
  build: (value, context) => new SweepJob({ ...value, basePath: context.basePath }),
});
