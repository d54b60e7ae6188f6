// The Azure client of the CLI: a credential chosen by `--auth`, the Azure resolver with the
// blob uploader (code snapshots and local inputs go to the workspace's default datastore), and
// the run-history URL from the workspace's discovery document (for `job stream`).
import type { AmlClient, WorkspaceConfig } from '@amlkit/client';
import { createClient, createTransport, isAmlkitClientError } from '@amlkit/client';
import {
  createAzureBlobUploader,
  createAzureJobOutputDownloader,
  createAzureResolver,
  discoverWorkspaceEndpoints,
  nodeFileSystem,
} from '@amlkit/client/node';
import { authError, createAzureCredential } from './azure-credential.js';
import type { AzureCredentialOptions } from './azure-credential.js';

/** Options of {@link connectAzure}. */
export interface ConnectAzureOptions extends AzureCredentialOptions {
  /** `--auth`. @default 'default' */
  readonly auth?: string | undefined;
  /** The ARM endpoint. @default 'https://management.azure.com' */
  readonly endpoint?: string | undefined;
  /** The command, for messages. */
  readonly command: string;
  /** Aborts the discovery. */
  readonly signal?: AbortSignal | undefined;
  /** The `fetch` of every request (tests). @default globalThis.fetch */
  readonly fetch?: typeof globalThis.fetch | undefined;
}

const SIGN_IN_ERRORS = new Set(['AuthenticationError', 'CredentialError']);

/**
 * Builds the {@link AmlClient} of an Azure workspace. The first ARM request (the workspace
 * `GET` of the discovery) proves the sign-in: a credential failure or a 401 becomes a CliError
 * (exit 9) with the one-line fix.
 */
export async function connectAzure(
  workspace: WorkspaceConfig,
  options: ConnectAzureOptions,
): Promise<AmlClient> {
  const credential = await createAzureCredential(options.auth ?? 'default', options);
  const endpoint = options.endpoint ?? 'https://management.azure.com';
  const fetchOption = options.fetch === undefined ? {} : { fetch: options.fetch };
  const transport = createTransport({ baseUrl: endpoint, credential, ...fetchOption });
  let historyUrl: string;
  try {
    ({ historyUrl } = await discoverWorkspaceEndpoints(transport, workspace, {
      signal: options.signal,
      ...fetchOption,
    }));
  } catch (error) {
    if (isAmlkitClientError(error) && SIGN_IN_ERRORS.has(error.name)) {
      throw authError(error.cause ?? error, options.command);
    }
    throw error;
  }
  return createClient({
    endpoint,
    // Azure even on a loopback stand-in of ARM (tests): the client must not treat it as local.
    backend: 'azure',
    workspace,
    credential,
    historyUrl,
    fileSystem: nodeFileSystem,
    resolver: createAzureResolver(workspace, { transport, uploader: createAzureBlobUploader() }),
    outputDownloader: createAzureJobOutputDownloader(),
    ...fetchOption,
  });
}
