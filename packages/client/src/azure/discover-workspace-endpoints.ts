import type { WorkspaceScope } from '@amlkit/core';
import { formatWorkspaceId } from '@amlkit/core';
import { AssetResolutionError } from '../resolver/asset-resolution-error.js';
import type { Transport } from '../transport/create-transport.js';

/** Options of {@link discoverWorkspaceEndpoints}. */
export interface DiscoverWorkspaceEndpointsOptions {
  /**
   * The `fetch` for the discovery document (it is public: no credential is sent).
   * @default globalThis.fetch
   */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Aborts both requests. */
  readonly signal?: AbortSignal | undefined;
}

/** The data-plane endpoints of a workspace. */
export interface WorkspaceEndpoints {
  /** The workspace's `properties.discoveryUrl`. */
  readonly discoveryUrl: string;
  /** The run-history base URL (the discovery document's `api` key), for `createClient({ historyUrl })`. */
  readonly historyUrl: string;
  /** The workspace region (`location`), when the workspace says. */
  readonly location: string | undefined;
  /** Every service the discovery document lists (`api`, `catalog`, `experimentation`, …). */
  readonly services: Readonly<Record<string, string>>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isAllowedUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}

function fail(message: string, workspace: WorkspaceScope, cause?: unknown): AssetResolutionError {
  return new AssetResolutionError({
    message,
    reference: workspace.workspaceName,
    assetKind: 'workspace',
    ...(cause === undefined ? {} : { cause }),
  });
}

/**
 * Finds a workspace's run-history data plane as azure-ai-ml does: ARM `GET` of the workspace,
 * then `GET` of its `properties.discoveryUrl`, whose `api` entry is the run-history base URL
 * (`https://<region>.api.azureml.ms`) that `jobs.stream` and `jobs.list({ parentJobName })` use.
 *
 * @throws AssetResolutionError (code `ASSET_RESOLUTION`) when the workspace has no discovery URL,
 *   the URL is not https, or the document has no `api` entry; HttpError for failed requests.
 * @example
 * ```ts
 * const { historyUrl } = await discoverWorkspaceEndpoints(transport, workspace);
 * const client = createClient({ workspace, credential, historyUrl });
 * ```
 */
export async function discoverWorkspaceEndpoints(
  transport: Transport,
  workspace: WorkspaceScope,
  options: DiscoverWorkspaceEndpointsOptions = {},
): Promise<WorkspaceEndpoints> {
  const path = formatWorkspaceId(workspace);
  const { body } = await transport.request({ method: 'GET', path, signal: options.signal });
  const resource = (typeof body === 'object' && body !== null ? body : {}) as Record<
    string,
    unknown
  >;
  const properties = (resource['properties'] ?? {}) as Record<string, unknown>;
  const discoveryUrl = properties['discoveryUrl'];
  if (typeof discoveryUrl !== 'string' || discoveryUrl === '') {
    throw fail(
      `Cannot find the data plane of the workspace '${workspace.workspaceName}': expected properties.discoveryUrl in GET ${path}, received ${JSON.stringify(discoveryUrl ?? null)}`,
      workspace,
    );
  }
  let url: URL;
  try {
    url = new URL(discoveryUrl);
  } catch (error) {
    throw fail(
      `Cannot read the discovery URL of the workspace '${workspace.workspaceName}': expected an absolute URL, received ${JSON.stringify(discoveryUrl)}`,
      workspace,
      error,
    );
  }
  if (!isAllowedUrl(url)) {
    throw fail(
      `Cannot use the discovery URL of the workspace '${workspace.workspaceName}': expected https (or http on loopback), received ${JSON.stringify(discoveryUrl)}`,
      workspace,
    );
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const response = await fetchImpl(url, {
    headers: { accept: 'application/json' },
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const text = await response.text();
  let services: Record<string, string> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) {
      services = Object.fromEntries(
        Object.entries(parsed).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        ),
      );
    }
  } catch {
    // Reported below as a missing `api` entry.
  }
  const api = services['api'];
  if (!response.ok || api === undefined || !URL.canParse(api) || !isAllowedUrl(new URL(api))) {
    throw fail(
      `Cannot read the discovery document ${discoveryUrl}: expected HTTP 200 with an https 'api' entry, received HTTP ${String(response.status)} ${JSON.stringify(text.slice(0, 200))}`,
      workspace,
    );
  }
  return {
    discoveryUrl,
    historyUrl: api.replace(/\/+$/, ''),
    location: typeof resource['location'] === 'string' ? resource['location'] : undefined,
    services,
  };
}
