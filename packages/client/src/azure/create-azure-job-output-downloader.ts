import { relative, resolve, sep } from 'node:path';
import type { DownloadedFile } from '../jobs/jobs-api.js';
import type { JobOutputDownloader } from '../jobs/job-output-downloader.js';
import type { AzureDatastore } from './azure-uploader.js';
import { createAzureResolver } from './create-azure-resolver.js';
import { downloadAzureJobOutputs } from './download-azure-job-outputs.js';
import type { DownloadAzureJobOutputsOptions } from './download-azure-job-outputs.js';

/** Options of {@link createAzureJobOutputDownloader}. */
export interface AzureJobOutputDownloaderOptions {
  /**
   * The blob service URL of a datastore.
   * @default `${protocol}://${accountName}.blob.${endpoint}`
   */
  readonly serviceUrl?: DownloadAzureJobOutputsOptions['serviceUrl'];
}

type GetDatastore = (name: string, signal?: AbortSignal) => Promise<AzureDatastore>;

function datastoreLookup(resolver: object): GetDatastore | undefined {
  const candidate = (resolver as { getDatastore?: unknown }).getDatastore;
  if (typeof candidate !== 'function') return undefined;
  return (name, signal) =>
    (candidate as (name: string, signal?: AbortSignal) => Promise<AzureDatastore>).call(
      resolver,
      name,
      signal,
    );
}

/**
 * The `outputDownloader` of an Azure client: `jobs.download` through
 * {@link downloadAzureJobOutputs}, with the datastore lookup of the client's Azure resolver (or
 * of a new one on the client's transport). Files land in `<destination>/artifacts/` (the
 * `default` output) and `<destination>/named-outputs/<name>/`; each `DownloadedFile`'s `path`
 * is relative to that folder and `destination` is the absolute path written.
 *
 * @example
 * ```ts
 * import { createClient } from '@amlkit/client';
 * import { createAzureJobOutputDownloader } from '@amlkit/client/node';
 * const client = createClient({
 *   workspace, credential, outputDownloader: createAzureJobOutputDownloader(),
 * });
 * await client.jobs.download('olden_deer_2xqthlj4m4', { destination: './out', all: true });
 * ```
 */
export function createAzureJobOutputDownloader(
  options: AzureJobOutputDownloaderOptions = {},
): JobOutputDownloader {
  return async (name, request) => {
    let getDatastore = datastoreLookup(request.resolver);
    if (getDatastore === undefined) {
      const resolver = createAzureResolver(request.workspace, { transport: request.transport });
      getDatastore = (datastore, signal) => resolver.getDatastore(datastore, signal);
    }
    const files = await downloadAzureJobOutputs(name, request.workspace, {
      transport: request.transport,
      getDatastore,
      destination: request.destination,
      outputName: request.outputName,
      all: request.all,
      signal: request.signal,
      serviceUrl: options.serviceUrl,
    });
    const root = resolve(request.destination);
    return files.map((file): DownloadedFile => {
      const inside = relative(root, file.path).split(sep);
      const skip = inside[0] === 'named-outputs' ? 2 : 1;
      return {
        outputName: file.output,
        path: inside.slice(skip).join('/'),
        destination: file.path,
        size: file.size,
      };
    });
  };
}
