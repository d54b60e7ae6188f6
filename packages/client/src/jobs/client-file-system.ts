/** What a path is, as {@link ClientFileSystem.stat} reports it. */
export type ClientFileKind = 'file' | 'directory' | 'other';

/** One entry of {@link ClientFileSystem.readDirectory}. */
export interface ClientDirectoryEntry {
  /** The entry's name (no separators). */
  readonly name: string;
  /** What it is (symbolic links are reported as what they point to). */
  readonly kind: ClientFileKind;
}

/** What {@link ClientFileSystem.stat} returns for an existing path. */
export interface ClientFileStat {
  /** What the path is. */
  readonly kind: ClientFileKind;
  /** The size in bytes (files). */
  readonly size: number;
  /** The permission bits (`0o644`, `0o755`, …). */
  readonly mode: number;
}

/**
 * The file access the client needs to upload code snapshots and local inputs and to download
 * outputs. The main entry stays browser-safe by taking it as an option; `@amlkit/client/node`
 * exports `nodeFileSystem`. Paths are absolute and may use `/` on every platform.
 */
export interface ClientFileSystem {
  /** The kind, size and mode of `path`, or `undefined` when it does not exist. */
  stat(path: string): Promise<ClientFileStat | undefined>;
  /** The entries of a directory (any order). */
  readDirectory(path: string): Promise<readonly ClientDirectoryEntry[]>;
  /** A whole file's bytes. */
  readFile(path: string): Promise<Uint8Array>;
  /** Writes a file, creating its parent directories; an existing file is replaced. */
  writeFile(path: string, data: Uint8Array): Promise<void>;
}
