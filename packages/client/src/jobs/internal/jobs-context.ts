import type { AssetResolver } from '../../resolver/asset-resolver.js';
import type { Transport } from '../../transport/create-transport.js';
import type { WorkspaceConfig } from '../../workspace/resolve-workspace.js';
import type { ClientFileSystem } from '../client-file-system.js';
import type { JobOutputDownloader } from '../job-output-downloader.js';

/** Which kind of service a client talks to. */
export type Backend = 'azure' | 'local';

/** Everything the jobs operations need from the client. */
export interface JobsContext {
  /** The ARM transport. */
  readonly transport: Transport;
  /**
   * The run-history data plane transport, or `undefined` when there is none. For Azure without
   * a `historyUrl` option it runs the workspace discovery on the first call (once, cached).
   */
  readonly historyTransport: (signal: AbortSignal | undefined) => Promise<Transport | undefined>;
  /** Downloads Azure outputs (`createAzureJobOutputDownloader` from `@amlkit/client/node`). */
  readonly outputDownloader: JobOutputDownloader | undefined;
  readonly workspace: WorkspaceConfig;
  readonly resolver: AssetResolver;
  readonly backend: Backend;
  /** Whether the service lists jobs newest first (enables the early stop of `createdAfter`). */
  readonly newestFirst: boolean;
  /** The fixed poll interval, or `undefined` for the SDK's sigmoid. */
  readonly pollIntervalMs: number | undefined;
  readonly fileSystem: ClientFileSystem | undefined;
  /** For URLs on other origins (SAS log URLs): sent without credentials. */
  readonly fetch: typeof globalThis.fetch;
}
