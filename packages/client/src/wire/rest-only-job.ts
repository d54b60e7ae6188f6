import { Job } from '@amlkit/core';
import type { JobOptions } from '@amlkit/core';
import type { RestJobProperties } from './types.js';

/** Constructor options of {@link RestOnlyJob}. */
export interface RestOnlyJobOptions extends JobOptions {
  /** The REST `jobType` (`FineTuning`, `Distillation`, or one this version does not know). */
  readonly jobType: string;
  /** The REST `properties`, kept as received. */
  readonly restProperties: RestJobProperties;
}

/**
 * A job of a type `@amlkit/core` does not model (`FineTuning`, `Distillation`, or a `jobType`
 * newer than this package), read by `fromRestJob`. The common fields are filled in; the rest
 * stays in `restProperties` and is sent back unchanged by `toRestJob`.
 */
export class RestOnlyJob extends Job {
  /** The REST `jobType`, used as the entity `type`. */
  readonly type: string;
  /** The REST `properties`, as received. */
  readonly restProperties: RestJobProperties;

  /** @param options - see {@link RestOnlyJobOptions}. */
  constructor(options: RestOnlyJobOptions) {
    super(options);
    this.type = options.jobType;
    this.restProperties = structuredClone(options.restProperties);
  }

  /** The YAML-shaped dictionary: the common fields plus `type` (the REST-only fields are not YAML). */
  protected toYamlFields(): Record<string, unknown> {
    const out: Record<string, unknown> = { type: this.type };
    if (this.name !== undefined) out['name'] = this.name;
    if (this.displayName !== undefined) out['display_name'] = this.displayName;
    if (this.description !== undefined) out['description'] = this.description;
    if (this.experimentName !== undefined) out['experiment_name'] = this.experimentName;
    if (this.compute !== undefined) out['compute'] = this.compute;
    out['tags'] = { ...this.tags };
    out['properties'] = { ...this.properties };
    return out;
  }
}

/** Whether `value` is a {@link RestOnlyJob} (checked by shape, so duplicate installs agree). */
export function isRestOnlyJob(value: unknown): value is RestOnlyJob {
  return (
    value instanceof Job &&
    typeof (value as { restProperties?: unknown }).restProperties === 'object' &&
    (value as { restProperties?: unknown }).restProperties !== null
  );
}
