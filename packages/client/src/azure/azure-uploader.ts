/**
 * What an Azure datastore is, as the resolver discovers it (`GET …/datastores?isDefault=true` or
 * `GET …/datastores/{name}`, then `POST …/listSecrets`) and hands to an {@link AzureUploader}.
 */
export interface AzureDatastore {
  /** The datastore name (e.g. `workspaceblobstore`). */
  readonly name: string;
  /** The storage account name. */
  readonly accountName: string;
  /** The blob container name. */
  readonly containerName: string;
  /**
   * The storage endpoint suffix.
   * @default 'core.windows.net'
   */
  readonly endpoint: string;
  /**
   * The protocol.
   * @default 'https'
   */
  readonly protocol: string;
  /** The secret `listSecrets` returned, or `none` for identity-based datastores. */
  readonly secret: AzureDatastoreSecret;
}

/** The datastore secret: an account key, a SAS token, or none (use the caller's identity). */
export type AzureDatastoreSecret =
  | { readonly kind: 'accountKey'; readonly key: string }
  | { readonly kind: 'sas'; readonly token: string }
  | { readonly kind: 'none' };

/** What the resolver uploads: a `code:` snapshot, an environment build context or a local input. */
export type AzureUploadKind = 'code' | 'build' | 'input';

/** Options of {@link AzureUploader.upload}. */
export interface AzureUploadOptions {
  /** The datastore to upload to. */
  readonly datastore: AzureDatastore;
  /** What is uploaded (the snapshot size limit applies to `code` only). */
  readonly kind: AzureUploadKind;
  /** The asset name and version to record on a new upload (code versions). */
  readonly assetName?: string | undefined;
  /** @default '1' */
  readonly assetVersion?: string | undefined;
  /** Aborts the upload. */
  readonly signal?: AbortSignal | undefined;
}

/** What {@link AzureUploader.upload} did. */
export interface AzureUploadResult {
  /** The content hash of the upload (every file's path and bytes; ignored files excluded). */
  readonly hash: string;
  /** The blob path of the uploaded file or folder: `LocalUpload/<hash>/<name>`. */
  readonly blobPath: string;
  /** The `https://<account>.blob.<endpoint>/<container>/<blobPath>` URL (no SAS). */
  readonly url: string;
  /** `false` when an earlier complete upload with the same hash was found and nothing was sent. */
  readonly uploaded: boolean;
  /** The asset name recorded with the first upload of this hash (reused on later uploads). */
  readonly assetName: string | undefined;
  /** The asset version recorded with the first upload of this hash. */
  readonly assetVersion: string | undefined;
  /** How many files the upload holds. */
  readonly fileCount: number;
  /** Their total size in bytes. */
  readonly totalBytes: number;
}

/**
 * Uploads a local file or folder to an Azure blob datastore, the way azure-ai-ml does before it
 * registers a code version or rewrites a local input: under `LocalUpload/<content hash>/<name>`,
 * skipped when a complete upload with that hash exists. `createAzureBlobUploader` from
 * `@amlkit/client/node` implements it with `@azure/storage-blob`.
 */
export interface AzureUploader {
  /** Uploads `absolutePath` (a file or a folder). */
  upload(absolutePath: string, options: AzureUploadOptions): Promise<AzureUploadResult>;
}
