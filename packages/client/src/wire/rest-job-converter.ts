import type { Job, JobOptions } from '@amlkit/core';
import type { AssetResolver, ResolveContext } from '../resolver/asset-resolver.js';
import type { RestJobProperties, RestJobType } from './types.js';

/** What a {@link RestJobConverter} gets when building a REST body. */
export interface ToRestContext {
  /** The resolver every reference goes through (in submission order). */
  readonly resolver: AssetResolver;
  /** The resolve context of the job itself (`jobDir` = `baseDir` = the job's `basePath`). */
  readonly resolveContext: ResolveContext;
  /** The job's name after defaults (given or generated). */
  readonly name: string;
  /** Aborts the conversion. */
  readonly signal?: AbortSignal | undefined;
}

/** What a {@link RestJobConverter} gets when reading a REST body. */
export interface FromRestContext {
  /** The common options already read from the envelope and base properties (name, id, status, compute, …). */
  readonly common: JobOptions;
}

/**
 * How one job type plugs into `toRestJob`/`fromRestJob` (see `src/wire/README.md`).
 * `toRest` returns the type-specific properties; the common ones (`jobType`, `displayName`,
 * `description`, `tags`, `properties`, `experimentName`, `computeId`, `services`,
 * `isArchived`) are added by `toRestJob` and may be overridden.
 */
export interface RestJobConverter {
  /** The entity `type` (`command`, `sweep`, `pipeline`, `spark`, `automl`). */
  readonly type: string;
  /** The REST `jobType` (`Command`, `Sweep`, …). */
  readonly jobType: RestJobType;
  /**
   * Type-specific REST properties of `job` (async: references go through the resolver). A key
   * set to `undefined` removes that common property from the body (Spark sends no `properties`).
   */
  toRest(job: Job, context: ToRestContext): Promise<Readonly<Record<string, unknown>>>;
  /** The entity for `properties` (already known to have this converter's `jobType`). */
  fromRest(properties: RestJobProperties, context: FromRestContext): Job;
}
