import { createStaticTokenCredential } from './auth/static-token-credential.js';
import type { TokenCredential } from './auth/token-credential.js';
import { discoverWorkspaceEndpoints } from './azure/discover-workspace-endpoints.js';
import type { ClientFileSystem } from './jobs/client-file-system.js';
import { createJobsApi } from './jobs/internal/create-jobs-api.js';
import type { JobOutputDownloader } from './jobs/job-output-downloader.js';
import type { JobsApi } from './jobs/jobs-api.js';
import type { AssetResolver } from './resolver/asset-resolver.js';
import { createOfflineResolver } from './resolver/create-offline-resolver.js';
import { createLocalResolver, LOCAL_WORKSPACE_SCOPE } from './resolver/local-resolver.js';
import type { LocalResolverOptions } from './resolver/local-resolver.js';
import { createTransport } from './transport/create-transport.js';
import type { Transport, TransportOptions } from './transport/create-transport.js';
import type { WorkspaceConfig } from './workspace/resolve-workspace.js';

/** The Azure Resource Manager endpoint. */
export const DEFAULT_ENDPOINT = 'https://management.azure.com';

/** Options of {@link createClient}. */
export interface AmlClientOptions {
  /**
   * The service root: ARM, or the local service's URL.
   * @default 'https://management.azure.com'
   */
  readonly endpoint?: string | undefined;
  /** The workspace the jobs live in. */
  readonly workspace: WorkspaceConfig;
  /** Supplies bearer tokens (`@azure/identity` for Azure, `createStaticTokenCredential` locally). */
  readonly credential: TokenCredential;
  /**
   * Turns `code:`, environments, computes and inputs into ARM ids on `jobs.create`.
   * @default createOfflineResolver(workspace) (nothing is uploaded)
   */
  readonly resolver?: AssetResolver | undefined;
  /**
   * The `fetch` to use.
   * @default globalThis.fetch
   */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /**
   * The `api-version` of ARM requests.
   * @default '2025-12-01'
   */
  readonly apiVersion?: string | undefined;
  /**
   * Retries after the first attempt of idempotent requests.
   * @default 3
   */
  readonly maxRetries?: number | undefined;
  /**
   * The per-attempt timeout.
   * @default 60_000
   */
  readonly timeoutMs?: number | undefined;
  /** A product token placed before `amlkit/<version>` in the user agent. */
  readonly userAgent?: string | undefined;
  /**
   * The run-history data plane (the workspace discovery document's `api` URL, e.g.
   * `https://eastus.api.azureml.ms`), used by `jobs.stream` and `list({ parentJobName })`.
   * For Azure without it, the first call that needs run history (`jobs.stream`,
   * `list({ parentJobName })`) finds it with `discoverWorkspaceEndpoints` (once per client;
   * a failed discovery is tried again by the next call).
   * @default the endpoint for the local backend; discovered on first use for Azure
   */
  readonly historyUrl?: string | undefined;
  /**
   * The wait between status polls of `jobs.wait`/`jobs.stream` and the LRO default.
   * @default the Python SDK's sigmoid (2 s rising to 60 s) for Azure; 250 for the local backend
   */
  readonly pollIntervalMs?: number | undefined;
  /**
   * Whether the service lists jobs newest first, which lets `list({ createdAfter })` stop
   * at the first older job. The ARM spec does not document the order.
   * @default true for the local backend, false for Azure
   */
  readonly listsNewestFirst?: boolean | undefined;
  /** File access for `jobs.download` (`nodeFileSystem` from `@amlkit/client/node`). */
  readonly fileSystem?: ClientFileSystem | undefined;
  /**
   * Which kind of service `endpoint` is: the embedded local service or Azure (ARM, or a
   * stand-in for it on loopback, as in tests).
   * @default 'local' for a loopback endpoint, else 'azure'
   */
  readonly backend?: 'azure' | 'local' | undefined;
  /**
   * Downloads Azure job outputs for `jobs.download` (they live in storage accounts, which need
   * Node): `createAzureJobOutputDownloader()` from `@amlkit/client/node`.
   * @default none (`jobs.download` of an Azure client throws a TypeError)
   */
  readonly outputDownloader?: JobOutputDownloader | undefined;
}

/** A client of one workspace. Create it with {@link createClient} or {@link createLocalClient}. */
export interface AmlClient {
  /** The options the client was built with. */
  readonly options: Readonly<AmlClientOptions>;
  /** Whether the endpoint is the embedded local service (a loopback URL) or Azure. */
  readonly backend: 'azure' | 'local';
  /** The jobs operations. */
  readonly jobs: JobsApi;
  /** A new client with some options replaced; this one is unchanged. */
  withOptions(overrides: Partial<AmlClientOptions>): AmlClient;
}

function isLoopback(endpoint: string): boolean {
  try {
    const host = new URL(endpoint).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
  } catch {
    return false;
  }
}

function checkOptions(options: AmlClientOptions): void {
  if (typeof options !== 'object' || (options as unknown) === null) {
    throw new TypeError(
      `createClient: expected an options object, received ${options === null ? 'null' : typeof options}`,
    );
  }
  if (typeof options.workspace !== 'object' || (options.workspace as unknown) === null) {
    throw new TypeError(
      `createClient: expected workspace to be { subscriptionId, resourceGroup, workspaceName }, received ${options.workspace === null ? 'null' : typeof options.workspace}`,
    );
  }
  if (typeof options.credential?.getToken !== 'function') {
    throw new TypeError(
      'createClient: expected credential to be a TokenCredential (an object with getToken), received none',
    );
  }
}

/**
 * Creates a client of an Azure ML workspace (or of the embedded local service, when
 * `endpoint` is a loopback URL): `client.jobs` creates, reads, lists, cancels, deletes,
 * archives, waits for and streams jobs.
 *
 * @throws {TypeError} for missing or malformed options.
 * @example
 * ```ts
 * import { createClient } from '@amlkit/client';
 * import { DefaultAzureCredential } from '@azure/identity';
 * const client = createClient({
 *   workspace: { subscriptionId, resourceGroup: 'rg', workspaceName: 'ws' },
 *   credential: new DefaultAzureCredential(),
 * });
 * const job = await client.jobs.get('sharp_pen_4k2mzq8wbd');
 * ```
 */
export function createClient(options: AmlClientOptions): AmlClient {
  checkOptions(options);
  const endpoint = options.endpoint ?? DEFAULT_ENDPOINT;
  const backend = options.backend ?? (isLoopback(endpoint) ? 'local' : 'azure');
  const transportOptions: TransportOptions = {
    baseUrl: endpoint,
    credential: options.credential,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.apiVersion === undefined ? {} : { apiVersion: options.apiVersion }),
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
  };
  const transport = createTransport(transportOptions);
  const historyUrl = options.historyUrl ?? (backend === 'local' ? endpoint : undefined);
  const historyOf = (url: string): Transport =>
    url === endpoint ? transport : transport.withOptions({ baseUrl: url });
  let history: Promise<Transport> | undefined =
    historyUrl === undefined ? undefined : Promise.resolve(historyOf(historyUrl));
  const historyTransport = (signal: AbortSignal | undefined): Promise<Transport> => {
    if (history === undefined) {
      const discovery = discoverWorkspaceEndpoints(transport, options.workspace, {
        signal,
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      }).then((endpoints) => historyOf(endpoints.historyUrl));
      history = discovery;
      discovery.catch(() => {
        if (history === discovery) history = undefined;
      });
    }
    return history;
  };
  const jobs = createJobsApi({
    transport,
    historyTransport,
    workspace: options.workspace,
    resolver: options.resolver ?? createOfflineResolver(options.workspace),
    backend,
    newestFirst: options.listsNewestFirst ?? backend === 'local',
    pollIntervalMs: options.pollIntervalMs ?? (backend === 'local' ? 250 : undefined),
    fileSystem: options.fileSystem,
    outputDownloader: options.outputDownloader,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
  });
  const client: AmlClient = {
    options: Object.freeze({ ...options }),
    backend,
    jobs,
    withOptions: (overrides) => createClient({ ...options, ...overrides }),
  };
  return client;
}

/** Options of {@link createLocalClient}. */
export interface LocalClientOptions extends Omit<
  AmlClientOptions,
  'endpoint' | 'workspace' | 'credential' | 'resolver'
> {
  /** The local service's URL (`LocalService.url`, or `url` in `<home>/server.json`). */
  readonly url: string;
  /** The bearer token (`LocalService.token`, or `<home>/token`). */
  readonly token: string;
  /**
   * The workspace.
   * @default 00000000-0000-0000-0000-000000000000 / local / local
   */
  readonly workspace?: WorkspaceConfig | undefined;
  /**
   * Leaves files out of code and input uploads (relative path, whether it is a folder).
   * @default nothing is left out
   */
  readonly ignore?: ((relativePath: string, isDirectory: boolean) => boolean) | undefined;
  /**
   * Compiles a folder's root `.amlignore` (else `.gitignore`) rules into a predicate, replacing
   * the built-in rules (see `createLocalResolver`).
   * @default `@amlkit/core`'s gitwildmatch rules, as azure-ai-ml applies them
   */
  readonly ignoreRules?: LocalResolverOptions['ignoreRules'];
}

/**
 * A client of the embedded local service: the local workspace, a static bearer token and the
 * local resolver (code folders and local inputs are uploaded as content-addressed snapshots;
 * pass `fileSystem: nodeFileSystem` from `@amlkit/client/node` for that).
 *
 * @throws {TypeError} for a malformed URL or token.
 * @example
 * ```ts
 * import { loadJob } from '@amlkit/core';
 * import { createLocalClient } from '@amlkit/client';
 * import { nodeFileSystem } from '@amlkit/client/node';
 * const client = createLocalClient({ url: service.url, token: service.token, fileSystem: nodeFileSystem });
 * const job = await client.jobs.create(await loadJob('job.yml'));
 * const { status } = await client.jobs.stream(job.name!, { onLog: (c) => process.stdout.write(c.text) });
 * ```
 */
export function createLocalClient(options: LocalClientOptions): AmlClient {
  const { url, token, ignore, ignoreRules, workspace, ...rest } = options;
  const credential = createStaticTokenCredential(token);
  const scope = workspace ?? LOCAL_WORKSPACE_SCOPE;
  const transport = createTransport({
    baseUrl: url,
    credential,
    ...(rest.fetch === undefined ? {} : { fetch: rest.fetch }),
    ...(rest.maxRetries === undefined ? {} : { maxRetries: rest.maxRetries }),
    ...(rest.timeoutMs === undefined ? {} : { timeoutMs: rest.timeoutMs }),
    ...(rest.userAgent === undefined ? {} : { userAgent: rest.userAgent }),
    ...(rest.apiVersion === undefined ? {} : { apiVersion: rest.apiVersion }),
  });
  const resolver = createLocalResolver({
    transport,
    credential,
    workspace: scope,
    fetch: rest.fetch,
    fileSystem: rest.fileSystem,
    ignore,
    ignoreRules,
  });
  return createClient({
    ...rest,
    endpoint: url,
    workspace: scope,
    credential,
    resolver,
    listsNewestFirst: rest.listsNewestFirst ?? true,
    pollIntervalMs: rest.pollIntervalMs ?? 250,
    historyUrl: rest.historyUrl ?? url,
  });
}
