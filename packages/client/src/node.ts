/**
 * `@amlkit/client/node`: the Node-only helpers (file system access). The main
 * entry stays browser-safe.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { resolveWorkspace } from './workspace/resolve-workspace.js';
import type { ResolvedWorkspace, ResolveWorkspaceOptions } from './workspace/resolve-workspace.js';

const MISSING: ReadonlySet<string> = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/**
 * Reads a UTF-8 file, resolving to `undefined` when it does not exist (or is a
 * directory); other failures (permissions, I/O) reject.
 */
export async function readTextFileIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && MISSING.has(code)) return undefined;
    throw error;
  }
}

/**
 * {@link resolveWorkspace} with Node defaults: `env` is `process.env`, `cwd` is
 * `process.cwd()` (made absolute), and config files are read with `node:fs`.
 *
 * @throws WorkspaceConfigError when a field is found nowhere or a config file is malformed.
 * @example
 * import { loadWorkspaceConfig } from '@amlkit/client/node';
 * const workspace = await loadWorkspaceConfig({ workspaceName: argv.workspace });
 */
export function loadWorkspaceConfig(
  options: ResolveWorkspaceOptions = {},
): Promise<ResolvedWorkspace> {
  return resolveWorkspace({
    env: process.env,
    readFile: readTextFileIfExists,
    ...options,
    cwd: resolve(options.cwd ?? process.cwd()),
  });
}

export { nodeFileSystem } from './jobs/node-file-system.js';
export {
  createAzureBlobUploader,
  DEFAULT_MAX_SNAPSHOT_BYTES,
} from './azure/create-azure-blob-uploader.js';
export type {
  AzureBlobUploaderOptions,
  IgnoreRulesFactory,
} from './azure/create-azure-blob-uploader.js';

// Azure Machine Learning workspaces (browser-safe, exported here until the main entry lists them)
export { createAzureResolver } from './azure/create-azure-resolver.js';
export type { AzureResolver, AzureResolverOptions } from './azure/create-azure-resolver.js';
export type {
  AzureDatastore,
  AzureDatastoreSecret,
  AzureUploader,
  AzureUploadKind,
  AzureUploadOptions,
  AzureUploadResult,
} from './azure/azure-uploader.js';
export { discoverWorkspaceEndpoints } from './azure/discover-workspace-endpoints.js';
export type {
  DiscoverWorkspaceEndpointsOptions,
  WorkspaceEndpoints,
} from './azure/discover-workspace-endpoints.js';
export { downloadAzureJobOutputs } from './azure/download-azure-job-outputs.js';
export type {
  AzureDownloadedFile,
  DownloadAzureJobOutputsOptions,
} from './azure/download-azure-job-outputs.js';
export { createAzureJobOutputDownloader } from './azure/create-azure-job-output-downloader.js';
export type { AzureJobOutputDownloaderOptions } from './azure/create-azure-job-output-downloader.js';
export { readAzCliDefaults } from './azure/read-az-cli-defaults.js';
export type { AzCliDefaults, ReadAzCliDefaultsOptions } from './azure/read-az-cli-defaults.js';
