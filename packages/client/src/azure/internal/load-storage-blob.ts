// `@azure/storage-blob` is loaded on the first upload or download, not when the module is
// imported: the CLI bundles this package and its local commands never touch Azure storage.
import type * as StorageBlob from '@azure/storage-blob';

let loaded: Promise<typeof StorageBlob> | undefined;

/** `import('@azure/storage-blob')`, once. */
export function loadStorageBlob(): Promise<typeof StorageBlob> {
  loaded ??= import('@azure/storage-blob');
  return loaded;
}
