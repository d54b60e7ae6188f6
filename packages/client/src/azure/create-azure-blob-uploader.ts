import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createIgnoreMatcher, IGNORE_FILE_NAMES, parseIgnoreFile } from '@amlkit/core';
import type {
  BlobServiceClient,
  ContainerClient,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import type { TokenCredential } from '../auth/token-credential.js';
import { AssetResolutionError } from '../resolver/asset-resolution-error.js';
import type {
  AzureDatastore,
  AzureUploader,
  AzureUploadOptions,
  AzureUploadResult,
} from './azure-uploader.js';
import { loadStorageBlob } from './internal/load-storage-blob.js';

/** The Azure ML code snapshot limit (300 MiB). */
export const DEFAULT_MAX_SNAPSHOT_BYTES = 300 * 1024 * 1024;

/**
 * Compiles the text of an ignore file into a predicate over paths relative to the uploaded
 * folder (`/`-separated); `true` leaves the path out (for a folder: everything in it).
 */
export type IgnoreRulesFactory = (
  text: string,
  file: string,
) => (relativePath: string, isDirectory: boolean) => boolean;

/** Options of {@link createAzureBlobUploader}. */
export interface AzureBlobUploaderOptions {
  /**
   * Compiles the root `.amlignore` (else `.gitignore`) of an uploaded folder.
   * @default `@amlkit/core`'s gitwildmatch rules (`parseIgnoreFile` + `createIgnoreMatcher`), as azure-ai-ml applies them
   */
  readonly ignoreRules?: IgnoreRulesFactory | undefined;
  /**
   * The largest code snapshot, in bytes (ignored files excluded).
   * @default 314_572_800 (300 MiB)
   */
  readonly maxSnapshotBytes?: number | undefined;
  /**
   * The blob service URL of a datastore.
   * @default `${protocol}://${accountName}.blob.${endpoint}`
   */
  readonly serviceUrl?: ((datastore: AzureDatastore) => string) | undefined;
  /** The credential for identity-based datastores (scope `https://storage.azure.com/.default`). */
  readonly credential?: TokenCredential | undefined;
  /**
   * Files uploaded at the same time.
   * @default 4
   */
  readonly concurrency?: number | undefined;
}

interface LocalFile {
  readonly absolute: string;
  /** Relative to the uploaded folder (`/`-separated); the file name for a single file. */
  readonly relative: string;
  readonly size: number;
}

const STATUS_KEY = 'upload_status';
const COMPLETED = 'completed';
const MAX_DEPTH = 64;

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${String(bytes)} B`;
}

function defaultIgnoreRules(
  text: string,
  file: string,
): (relativePath: string, isDirectory: boolean) => boolean {
  return createIgnoreMatcher(parseIgnoreFile(text, { file }));
}

function defaultServiceUrl(datastore: AzureDatastore): string {
  return `${datastore.protocol}://${datastore.accountName}.blob.${datastore.endpoint}`;
}

/**
 * The Node {@link AzureUploader}: walks a file or folder without following symbolic links,
 * leaves out what the root `.amlignore` (else `.gitignore`) excludes, checks the code snapshot
 * size limit (naming the largest files), hashes every file's path and bytes (SHA-256) and uploads
 * to `LocalUpload/<hash>/<name>` on the datastore's container with `@azure/storage-blob`. A prefix
 * whose indicator blob says `upload_status: completed` is not uploaded again; the first blob
 * carries that metadata plus the asset name and version.
 *
 * @example
 * ```ts
 * import { createAzureBlobUploader } from '@amlkit/client/node';
 * const uploader = createAzureBlobUploader();
 * const resolver = createAzureResolver(workspace, { transport, uploader });
 * ```
 */
export function createAzureBlobUploader(options: AzureBlobUploaderOptions = {}): AzureUploader {
  const maxBytes = options.maxSnapshotBytes ?? DEFAULT_MAX_SNAPSHOT_BYTES;
  if (!(maxBytes > 0)) {
    throw new RangeError(
      `createAzureBlobUploader: expected maxSnapshotBytes > 0, received ${String(maxBytes)}`,
    );
  }
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const serviceUrlOf = options.serviceUrl ?? defaultServiceUrl;

  async function containerOf(
    datastore: AzureDatastore,
  ): Promise<{ client: ContainerClient; url: string }> {
    const { BlobServiceClient, StorageSharedKeyCredential } = await loadStorageBlob();
    const serviceUrl = serviceUrlOf(datastore).replace(/\/+$/, '');
    const secret = datastore.secret;
    let service: BlobServiceClient;
    if (secret.kind === 'accountKey') {
      service = new BlobServiceClient(
        serviceUrl,
        new StorageSharedKeyCredential(datastore.accountName, secret.key),
      );
    } else if (secret.kind === 'sas') {
      service = new BlobServiceClient(`${serviceUrl}?${secret.token.replace(/^\?/, '')}`);
    } else {
      if (options.credential === undefined) {
        throw new AssetResolutionError({
          message: `Cannot upload to the datastore '${datastore.name}': it has no account key or SAS token, so an identity is needed: expected the credential option of createAzureBlobUploader, received none`,
          reference: datastore.name,
          assetKind: 'datastore',
        });
      }
      const credential = options.credential;
      // Our TokenCredential is the @azure/core-auth shape, up to `exactOptionalPropertyTypes`.
      const adapted = {
        getToken: (scopes: string | string[]) => credential.getToken(scopes),
      } as unknown as StorageSharedKeyCredential;
      service = new BlobServiceClient(serviceUrl, adapted);
    }
    return {
      client: service.getContainerClient(datastore.containerName),
      url: `${serviceUrl}/${datastore.containerName}`,
    };
  }

  async function ignoreOf(
    root: string,
  ): Promise<((relative: string, isDirectory: boolean) => boolean) | undefined> {
    for (const name of IGNORE_FILE_NAMES) {
      const file = join(root, name);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        continue;
      }
      try {
        return (options.ignoreRules ?? defaultIgnoreRules)(text, file);
      } catch (error) {
        throw new AssetResolutionError({
          message: `Cannot upload ${JSON.stringify(root)}: expected valid ${name} rules, received ${error instanceof Error ? error.message : String(error)}`,
          reference: file,
          assetKind: 'path',
          cause: error,
        });
      }
    }
    return undefined;
  }

  async function collect(root: string, signal: AbortSignal | undefined): Promise<LocalFile[]> {
    let stats;
    try {
      stats = await lstat(root);
    } catch (error) {
      throw new AssetResolutionError({
        message: `Cannot upload ${JSON.stringify(root)}: expected an existing file or folder, received a path that does not exist`,
        reference: root,
        assetKind: 'path',
        cause: error,
      });
    }
    if (stats.isSymbolicLink()) {
      throw new AssetResolutionError({
        message: `Cannot upload ${JSON.stringify(root)}: expected a file or folder, received a symbolic link (links are not followed)`,
        reference: root,
        assetKind: 'path',
      });
    }
    if (stats.isFile()) return [{ absolute: root, relative: basename(root), size: stats.size }];
    const ignored = await ignoreOf(root);
    const out: LocalFile[] = [];
    const walk = async (dir: string, relative: string, depth: number): Promise<void> => {
      if (depth > MAX_DEPTH) return;
      signal?.throwIfAborted();
      const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      );
      for (const entry of entries) {
        // Symbolic links, sockets and devices are not uploaded (links are never followed).
        if (!entry.isFile() && !entry.isDirectory()) continue;
        const rel = relative === '' ? entry.name : `${relative}/${entry.name}`;
        if (ignored?.(rel, entry.isDirectory()) === true) continue;
        const absolute = join(dir, entry.name);
        if (entry.isDirectory()) await walk(absolute, rel, depth + 1);
        else out.push({ absolute, relative: rel, size: (await lstat(absolute)).size });
      }
    };
    await walk(root, '', 0);
    return out;
  }

  function checkSize(root: string, files: readonly LocalFile[]): void {
    const total = files.reduce((sum, file) => sum + file.size, 0);
    if (total <= maxBytes) return;
    const largest = [...files]
      .sort((a, b) => b.size - a.size)
      .slice(0, 5)
      .map((file) => `${file.relative} (${formatBytes(file.size)})`)
      .join(', ');
    throw new AssetResolutionError({
      message: `Cannot upload the code snapshot ${JSON.stringify(root)}: expected at most ${formatBytes(maxBytes)}, received ${formatBytes(total)} in ${String(files.length)} files; the largest are ${largest}. Leave files out with an .amlignore file.`,
      reference: root,
      assetKind: 'code',
    });
  }

  async function contentHash(files: readonly LocalFile[]): Promise<string> {
    const manifest = createHash('sha256');
    for (const file of files) {
      manifest.update(`${file.relative}\0${await sha256File(file.absolute)}\n`);
    }
    return manifest.digest('hex').slice(0, 32);
  }

  /** The metadata of a completed upload of exactly this blob path (file or folder), if any. */
  async function existing(
    container: ContainerClient,
    blobPath: string,
  ): Promise<Record<string, string> | undefined> {
    for await (const blob of container.listBlobsFlat({ prefix: blobPath, includeMetadata: true })) {
      const inside = blob.name === blobPath || blob.name.startsWith(`${blobPath}/`);
      if (inside && blob.metadata?.[STATUS_KEY] === COMPLETED) return blob.metadata;
    }
    return undefined;
  }

  return {
    async upload(
      absolutePath: string,
      uploadOptions: AzureUploadOptions,
    ): Promise<AzureUploadResult> {
      const root = absolutePath.replace(/(?<=.)[/\\]+$/, '');
      const signal = uploadOptions.signal;
      const files = await collect(root, signal);
      if (uploadOptions.kind === 'code') checkSize(root, files);
      const hash = await contentHash(files);
      const name = basename(root);
      const blobPath = `LocalUpload/${hash}/${name}`;
      const { client, url } = await containerOf(uploadOptions.datastore);
      const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
      const found = await existing(client, blobPath);
      const base = {
        hash,
        blobPath,
        url: `${url}/${blobPath}`,
        fileCount: files.length,
        totalBytes,
      };
      if (found !== undefined) {
        return {
          ...base,
          uploaded: false,
          assetName: found['name'],
          assetVersion: found['version'],
        };
      }
      const single = files.length === 1 && files[0]?.absolute === root;
      const blobName = (file: LocalFile): string =>
        single ? blobPath : `${blobPath}/${file.relative}`;
      const queue = [...files];
      const worker = async (): Promise<void> => {
        for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
          signal?.throwIfAborted();
          await client
            .getBlockBlobClient(blobName(file))
            .uploadFile(file.absolute, signal === undefined ? {} : { abortSignal: signal });
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
      // The indicator: the first file carries the completion marker and the asset identity.
      const metadata: Record<string, string> = { [STATUS_KEY]: COMPLETED };
      if (uploadOptions.assetName !== undefined) metadata['name'] = uploadOptions.assetName;
      metadata['version'] = uploadOptions.assetVersion ?? '1';
      const indicator = files[0];
      if (indicator === undefined) {
        await client.getBlockBlobClient(`${blobPath}/.amlkit-empty`).upload('', 0, { metadata });
      } else {
        await client.getBlockBlobClient(blobName(indicator)).setMetadata(metadata);
      }
      return {
        ...base,
        uploaded: true,
        assetName: uploadOptions.assetName,
        assetVersion: metadata['version'],
      };
    },
  };
}
