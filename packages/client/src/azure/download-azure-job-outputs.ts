import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { formatWorkspaceId, parseAssetReference } from '@amlkit/core';
import type { WorkspaceScope } from '@amlkit/core';
import { AssetResolutionError } from '../resolver/asset-resolution-error.js';
import type { Transport } from '../transport/create-transport.js';
import type { AzureDatastore } from './azure-uploader.js';
import { loadStorageBlob } from './internal/load-storage-blob.js';

/** Options of {@link downloadAzureJobOutputs}. */
export interface DownloadAzureJobOutputsOptions {
  /** The ARM transport. */
  readonly transport: Transport;
  /** Looks a datastore up by name (`AzureResolver.getDatastore`). */
  readonly getDatastore: (name: string, signal?: AbortSignal) => Promise<AzureDatastore>;
  /** The folder files are written under (`artifacts/`, `named-outputs/<name>/`). */
  readonly destination: string;
  /** Only this output (`default` is the job's artifacts). */
  readonly outputName?: string | undefined;
  /**
   * Every output: the default artifacts and each named output.
   * @default false (the default artifacts only, as azure-ai-ml)
   */
  readonly all?: boolean | undefined;
  /**
   * The blob service URL of a datastore.
   * @default `${protocol}://${accountName}.blob.${endpoint}`
   */
  readonly serviceUrl?: ((datastore: AzureDatastore) => string) | undefined;
  /** Aborts the download. */
  readonly signal?: AbortSignal | undefined;
}

/** One file {@link downloadAzureJobOutputs} wrote. */
export interface AzureDownloadedFile {
  /** The output it belongs to (`default` for the artifacts). */
  readonly output: string;
  /** The absolute path written. */
  readonly path: string;
  /** Its size in bytes. */
  readonly size: number;
}

const TERMINAL = new Set(['Completed', 'Failed', 'Canceled', 'NotResponding', 'Paused']);

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function fail(message: string, reference: string): AssetResolutionError {
  return new AssetResolutionError({ message, reference, assetKind: 'output' });
}

/**
 * `jobs.download` for Azure, as azure-ai-ml does it: `GET` the job (following a reused job to
 * the one it reused), require a terminal status, map each output to its datastore URI (the job's
 * `outputs.<name>.uri`; else `azureml://datastores/workspaceartifactstore/paths/ExperimentRun/dcid.<job>/`
 * for `default` and `azureml://datastores/workspaceblobstore/paths/azureml/<job>/<output>/` for the
 * others), then download every blob under it: the default artifacts to `<destination>/artifacts/`,
 * a named output to `<destination>/named-outputs/<name>/`. Blob names that would leave the
 * destination are refused.
 *
 * @throws AssetResolutionError when the job is not finished, an output is unknown or its URI is
 *   not a datastore path; HttpError for failed requests.
 * @example
 * ```ts
 * const files = await downloadAzureJobOutputs('olden_deer_2xqthlj4m4', workspace, {
 *   transport, getDatastore: (name) => resolver.getDatastore(name), destination: './out', all: true,
 * });
 * ```
 */
export async function downloadAzureJobOutputs(
  name: string,
  workspace: WorkspaceScope,
  options: DownloadAzureJobOutputsOptions,
): Promise<readonly AzureDownloadedFile[]> {
  const ws = formatWorkspaceId(workspace);
  const signal = options.signal;
  const getJob = async (jobName: string): Promise<Record<string, unknown>> => {
    const { body } = await options.transport.request({
      method: 'GET',
      path: `${ws}/jobs/${encodeURIComponent(jobName)}`,
      signal,
    });
    return record(record(body)['properties']);
  };
  let jobName = name;
  let properties = await getJob(jobName);
  const tags = record(properties['properties']);
  const reused = tags['azureml.reusedrunid'];
  if (tags['azureml.isreused'] === 'true' && typeof reused === 'string' && reused !== '') {
    jobName = reused;
    properties = await getJob(jobName);
  }
  const status = String(properties['status']);
  if (!TERMINAL.has(status)) {
    throw fail(
      `Cannot download the outputs of the job '${name}': expected one of the states ${[...TERMINAL].join(', ')}, received ${status}`,
      name,
    );
  }
  const outputs = record(properties['outputs']);
  const uriOf = (output: string): string => {
    const uri = record(outputs[output])['uri'];
    if (typeof uri === 'string' && uri !== '') return uri;
    return output === 'default'
      ? `azureml://datastores/workspaceartifactstore/paths/ExperimentRun/dcid.${jobName}/`
      : `azureml://datastores/workspaceblobstore/paths/azureml/${jobName}/${output}/`;
  };
  let wanted: string[];
  if (options.outputName !== undefined) {
    if (options.outputName !== 'default' && !(options.outputName in outputs)) {
      throw fail(
        `Cannot download the output '${options.outputName}' of the job '${name}': expected one of ${[...new Set(['default', ...Object.keys(outputs)])].join(', ')}, received '${options.outputName}'`,
        options.outputName,
      );
    }
    wanted = [options.outputName];
  } else if (options.all === true) {
    wanted = ['default', ...Object.keys(outputs).filter((output) => output !== 'default')];
  } else {
    wanted = ['default'];
  }
  const root = resolve(options.destination);
  const written: AzureDownloadedFile[] = [];
  for (const output of wanted) {
    const uri = uriOf(output);
    let reference;
    try {
      reference = parseAssetReference(uri);
    } catch (error) {
      throw new AssetResolutionError({
        message: `Cannot download the output '${output}' of the job '${name}': expected an azureml://datastores/<name>/paths/<path> URI, received ${JSON.stringify(uri)}`,
        reference: uri,
        assetKind: 'output',
        cause: error,
      });
    }
    if (reference.kind !== 'datastorePath') {
      throw fail(
        `Cannot download the output '${output}' of the job '${name}': expected an azureml://datastores/<name>/paths/<path> URI, received ${JSON.stringify(uri)}`,
        uri,
      );
    }
    const datastore = await options.getDatastore(reference.datastore, signal);
    const container = await containerOf(datastore, options.serviceUrl);
    const target =
      output === 'default' ? join(root, 'artifacts') : join(root, 'named-outputs', output);
    const prefix = reference.path.replace(/^\/+/, '');
    for await (const blob of container.listBlobsFlat({ prefix })) {
      signal?.throwIfAborted();
      const relative = blob.name.slice(prefix.length).replace(/^\/+/, '');
      const path = resolve(target, relative === '' ? (blob.name.split('/').pop() ?? '') : relative);
      if (!path.startsWith(`${target}${sep}`)) {
        throw fail(
          `Cannot download the blob ${JSON.stringify(blob.name)} of the output '${output}': expected a path inside ${target}, received one that leaves it`,
          blob.name,
        );
      }
      const data = await container
        .getBlobClient(blob.name)
        .downloadToBuffer(
          undefined,
          undefined,
          signal === undefined ? {} : { abortSignal: signal },
        );
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, data);
      written.push({ output, path, size: data.length });
    }
  }
  return written;
}

async function containerOf(
  datastore: AzureDatastore,
  serviceUrlOf: ((datastore: AzureDatastore) => string) | undefined,
) {
  const { BlobServiceClient, StorageSharedKeyCredential } = await loadStorageBlob();
  const serviceUrl = (
    serviceUrlOf?.(datastore) ??
    `${datastore.protocol}://${datastore.accountName}.blob.${datastore.endpoint}`
  ).replace(/\/+$/, '');
  const secret = datastore.secret;
  const service =
    secret.kind === 'accountKey'
      ? new BlobServiceClient(
          serviceUrl,
          new StorageSharedKeyCredential(datastore.accountName, secret.key),
        )
      : new BlobServiceClient(
          secret.kind === 'sas' ? `${serviceUrl}?${secret.token.replace(/^\?/, '')}` : serviceUrl,
        );
  return service.getContainerClient(datastore.containerName);
}
