import type { AssetResolver } from '../resolver/asset-resolver.js';
import type { Transport } from '../transport/create-transport.js';
import type { WorkspaceConfig } from '../workspace/resolve-workspace.js';
import type { DownloadedFile, DownloadJobOptions } from './jobs-api.js';

/** What a {@link JobOutputDownloader} receives: the request of `jobs.download` and the client's parts. */
export interface JobOutputDownloadRequest extends DownloadJobOptions {
  /** The client's ARM transport (with its credential). */
  readonly transport: Transport;
  /** The client's workspace. */
  readonly workspace: WorkspaceConfig;
  /** The client's resolver (an Azure resolver supplies `getDatastore`). */
  readonly resolver: AssetResolver;
}

/**
 * Downloads the outputs of an Azure job for `jobs.download` (the `outputDownloader` option of
 * `createClient`). Azure outputs live in storage accounts, which need Node modules: the main
 * entry stays browser-safe and `azureJobOutputDownloader` from `@amlkit/client/node` is the
 * implementation.
 */
export type JobOutputDownloader = (
  name: string,
  request: JobOutputDownloadRequest,
) => Promise<readonly DownloadedFile[]>;
