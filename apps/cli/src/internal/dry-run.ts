// `job create --dry-run`: the request `job create` would send, built with the offline resolver
// (no network, no service). Bundled into `dist/runtime.cjs`.
import type { Job } from '@amlkit/core';
import type { WorkspaceConfig } from '@amlkit/client';
import { createOfflineResolver, DEFAULT_API_VERSION, jobPath, toRestJob } from '@amlkit/client';
import { generateJobName } from '@amlkit/core';

/** The placeholder workspace of a dry run when none is configured. */
export const PLACEHOLDER_WORKSPACE: WorkspaceConfig = {
  subscriptionId: '00000000-0000-0000-0000-000000000000',
  resourceGroup: 'resource-group',
  workspaceName: 'workspace',
};

/** The HTTP request of a dry run. */
export interface DryRunRequest {
  /** Always `PUT` (jobs are created or updated by name). */
  readonly method: 'PUT';
  /** The full URL, `api-version` included. */
  readonly url: string;
  /** The job's name (the last path segment). */
  readonly name: string;
  /** The JSON body. */
  readonly body: unknown;
}

/** Options of {@link buildDryRunRequest}. */
export interface DryRunOptions {
  /** The service root. */
  readonly endpoint: string;
  /** The workspace of the URL and of the ARM ids in the body. */
  readonly workspace: WorkspaceConfig;
  /** `--name`. @default job.name, else a generated name */
  readonly name?: string | undefined;
  /** Aborts the conversion. */
  readonly signal?: AbortSignal | undefined;
}

/** Builds the `PUT …/jobs/{name}` request of a job with the offline resolver. */
export async function buildDryRunRequest(job: Job, options: DryRunOptions): Promise<DryRunRequest> {
  const name = options.name ?? job.name ?? generateJobName();
  const body = await toRestJob(job, {
    resolver: createOfflineResolver(options.workspace),
    defaults: { name },
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const url = `${options.endpoint}${jobPath(options.workspace, name)}?api-version=${DEFAULT_API_VERSION}`;
  return { method: 'PUT', url, name, body };
}
