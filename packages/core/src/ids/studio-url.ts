import { quote } from './internal/quote.js';
import type { WorkspaceScope } from './arm-id.js';

/** The Azure ML studio host of each Azure cloud (the SDK's `aml_resource_id`). */
export const STUDIO_HOSTS = {
  /** Public Azure. */
  AzureCloud: 'https://ml.azure.com',
  /** Azure China. */
  AzureChinaCloud: 'https://ml.azure.cn',
  /** Azure US Government. */
  AzureUSGovernment: 'https://ml.azure.us',
} as const;

/** One of the clouds in {@link STUDIO_HOSTS}. */
export type AzureCloudName = keyof typeof STUDIO_HOSTS;

/** Options of {@link studioUrl} and {@link formatStudioUrl}. */
export interface StudioUrlOptions {
  /**
   * The cloud whose studio host to use.
   * @default 'AzureCloud'
   */
  readonly cloud?: AzureCloudName;
  /**
   * A studio base URL that replaces the cloud's host, e.g. the local backend's
   * `http://127.0.0.1:8765/studio`. A trailing `/` is removed.
   */
  readonly baseUrl?: string;
}

/** What {@link studioUrl} reads from a job. */
export interface StudioUrlSource {
  /** The job's ARM id. */
  readonly id?: string | undefined;
  /** The job's services; a `Studio` service endpoint wins. */
  readonly services?:
    Readonly<Record<string, { readonly endpoint?: string | undefined } | undefined>> | undefined;
}

// The SDK's pattern: case-sensitive `resourceGroups` and provider, `[\w,-]` segments
// (Python's Unicode \w), matched to the end so that a name with `.` gives no URL.
const JOB_ID =
  /^\/subscriptions\/([\p{L}\p{N}_,-]+)\/resourceGroups\/([\p{L}\p{N}_,-]+)\/providers\/Microsoft\.MachineLearningServices\/workspaces\/([\p{L}\p{N}_,-]+)\/jobs\/([\p{L}\p{N}_,-]+)$/u;

function host(options: StudioUrlOptions): string {
  const base = options.baseUrl ?? STUDIO_HOSTS[options.cloud ?? 'AzureCloud'];
  if (typeof base !== 'string' || base === '') {
    throw new TypeError(
      `studioUrl: expected baseUrl to be a URL or cloud to be one of ${Object.keys(STUDIO_HOSTS).join(', ')}, received ${quote(String(options.baseUrl ?? options.cloud))}`,
    );
  }
  return base.endsWith('/') ? base.slice(0, -1) : base;
}

/**
 * Builds the studio URL of a job from its workspace and name, always:
 * `https://ml.azure.com/runs/<job>?wsid=/subscriptions/<s>/resourcegroups/<rg>/workspaces/<ws>`
 * (note the lowercase `resourcegroups`, as the SDK writes it). The job name is URL-encoded.
 *
 * @throws {TypeError} for an unknown cloud or an empty base URL.
 * @example
 * ```ts
 * formatStudioUrl({ subscriptionId: 's', resourceGroup: 'rg', workspaceName: 'ws' }, 'olden_deer_2xqthlj4m4');
 * // 'https://ml.azure.com/runs/olden_deer_2xqthlj4m4?wsid=/subscriptions/s/resourcegroups/rg/workspaces/ws'
 * ```
 */
export function formatStudioUrl(
  scope: WorkspaceScope,
  jobName: string,
  options: StudioUrlOptions = {},
): string {
  return `${host(options)}/runs/${encodeURIComponent(jobName)}?wsid=/subscriptions/${scope.subscriptionId}/resourcegroups/${scope.resourceGroup}/workspaces/${scope.workspaceName}`;
}

/**
 * The `studio_url` of a job, as the Python SDK derives it: the `Studio` service endpoint
 * when the job has one; otherwise, when `id` is a job ARM id (case-sensitive
 * `resourceGroups`, segments of letters, digits, `_`, `,` and `-`), the URL built by
 * {@link formatStudioUrl}; otherwise `undefined` (for example for a job name with `.`).
 *
 * @example
 * ```ts
 * studioUrl({ id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/jobs/j1' });
 * // 'https://ml.azure.com/runs/j1?wsid=/subscriptions/s/resourcegroups/rg/workspaces/ws'
 * ```
 */
export function studioUrl(
  job: StudioUrlSource,
  options: StudioUrlOptions = {},
): string | undefined {
  const endpoint = job.services?.Studio?.endpoint;
  if (typeof endpoint === 'string' && endpoint !== '') return endpoint;
  if (typeof job.id !== 'string') return undefined;
  const match = JOB_ID.exec(job.id);
  if (match === null) return undefined;
  return formatStudioUrl(
    { subscriptionId: match[1]!, resourceGroup: match[2]!, workspaceName: match[3]! },
    match[4]!,
    options,
  );
}
