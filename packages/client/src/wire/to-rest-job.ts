import { defaultExperimentName, generateJobName } from '@amlkit/core';
import type { Job } from '@amlkit/core';
import type { AssetResolver, ResolveContext } from '../resolver/asset-resolver.js';
import { CONVERTERS } from './internal/converters.js';
import { commonRestProperties } from './internal/common-properties.js';
import { mergeWithRaw, restOriginResolver } from './internal/raw-merge.js';
import { isUnchangedSinceRead, rawOf } from './internal/raw-store.js';
import { restOnlyConverter } from './internal/rest-only-converter.js';
import { isRestOnlyJob } from './rest-only-job.js';
import type { ToRestContext } from './rest-job-converter.js';
import type { RestJobRequestBody } from './types.js';
import { WireFormatError } from './wire-format-error.js';

/** Submission defaults of {@link toRestJob}. */
export interface ToRestJobDefaults {
  /** The name used when the job has none. @default generateJobName() */
  readonly name?: string;
  /**
   * The experiment used when the job has none.
   * @default the name of the job YAML's folder (`basePath`), spaces removed, or `Default`
   */
  readonly experimentName?: string;
}

/** Options of {@link toRestJob}. */
export interface ToRestJobOptions {
  /** Resolves code, environments, computes, inputs (and components) to ARM ids. */
  readonly resolver: AssetResolver;
  /** Submission defaults. */
  readonly defaults?: ToRestJobDefaults;
  /** Aborts the conversion (and the resolver's calls). */
  readonly signal?: AbortSignal;
}

/**
 * Builds the `PUT …/jobs/<name>` body of a job, following the submission steps of
 * azure-ai-ml 1.4.0 `jobs.create_or_update`: `compute: local` adds
 * `AZUREML_COMPUTE_USE_COMMON_RUNTIME=true`, references are resolved through `resolver`
 * (code, environment, inputs, components; the compute), then the REST object is built with
 * the defaults (generated name, `displayName` = name, `experimentName` = the job folder's name).
 * The name itself is not in the body (it travels in the URL): read it from `job.name` or pass
 * `defaults.name`.
 *
 * A job read with `fromRestJob` keeps the fields this version does not model: they are sent back.
 *
 * @throws {WireFormatError} for a job type the wire format does not know.
 * @throws {AssetResolutionError} when the resolver cannot resolve a reference.
 * @example
 * ```ts
 * const job = await loadJob('job.yml');
 * const resolver = createOfflineResolver({ subscriptionId, resourceGroup, workspaceName });
 * const body = await toRestJob(job, { resolver });
 * // { properties: { jobType: 'Command', command: '…', computeId: '/subscriptions/…', … } }
 * ```
 */
export async function toRestJob(job: Job, options: ToRestJobOptions): Promise<RestJobRequestBody> {
  const converter =
    CONVERTERS.get(job.type) ?? (isRestOnlyJob(job) ? restOnlyConverter : undefined);
  if (converter === undefined) {
    throw new WireFormatError({
      message: `Cannot build the REST body of a '${job.type}' job: expected one of the job types ${[...CONVERTERS.keys()].join(', ')}, received type '${job.type}'.`,
      path: 'type',
    });
  }
  options.signal?.throwIfAborted();
  const name = job.name ?? options.defaults?.name ?? generateJobName();
  const resolveContext: ResolveContext = {
    jobDir: job.basePath,
    baseDir: job.basePath,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
  const raw = rawOf(job);
  const rawProperties = raw?.properties as Record<string, unknown> | undefined;
  const context: ToRestContext = {
    resolver:
      rawProperties === undefined
        ? options.resolver
        : restOriginResolver(options.resolver, rawProperties),
    resolveContext,
    name,
    signal: options.signal,
  };
  const experimentName =
    job.experimentName ?? options.defaults?.experimentName ?? defaultExperimentName(job.basePath);
  const common = await commonRestProperties(job, context, {
    experimentName,
    jobType: converter.jobType,
  });
  options.signal?.throwIfAborted();
  const specific = await converter.toRest(job, context);
  options.signal?.throwIfAborted();
  const merged = Object.fromEntries(
    Object.entries({ ...common, ...specific }).filter(([, value]) => value !== undefined),
  );
  if (rawProperties === undefined)
    return { properties: merged as RestJobRequestBody['properties'] };
  const defaulted = new Set(['isArchived']);
  if (job.displayName === undefined) defaulted.add('displayName');
  if (job.experimentName === undefined) defaulted.add('experimentName');
  return {
    properties: mergeWithRaw(merged, rawProperties, {
      defaulted,
      unchanged: isUnchangedSinceRead(job),
    }) as RestJobRequestBody['properties'],
  };
}
