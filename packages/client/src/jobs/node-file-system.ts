import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type {
  ClientDirectoryEntry,
  ClientFileKind,
  ClientFileSystem,
} from './client-file-system.js';

const MISSING: ReadonlySet<string> = new Set(['ENOENT', 'ENOTDIR']);

function kindOf(value: { isFile(): boolean; isDirectory(): boolean }): ClientFileKind {
  if (value.isFile()) return 'file';
  if (value.isDirectory()) return 'directory';
  return 'other';
}

/**
 * The {@link ClientFileSystem} of Node (`node:fs/promises`): symbolic links are followed,
 * `writeFile` creates parent folders. Exported from `@amlkit/client/node`.
 */
export const nodeFileSystem: ClientFileSystem = {
  async stat(path) {
    try {
      const info = await stat(path);
      return { kind: kindOf(info), size: info.size, mode: info.mode & 0o7777 };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && MISSING.has(code)) return undefined;
      throw error;
    }
  },

  async readDirectory(path) {
    const entries = await readdir(path, { withFileTypes: true });
    const out: ClientDirectoryEntry[] = [];
    for (const entry of entries) {
      if (entry.isSymbolicLink()) {
        const target = await nodeFileSystem.stat(`${path}/${entry.name}`);
        out.push({ name: entry.name, kind: target?.kind ?? 'other' });
      } else {
        out.push({ name: entry.name, kind: kindOf(entry) });
      }
    }
    return out;
  },

  async readFile(path) {
    return new Uint8Array(await readFile(path));
  },

  async writeFile(path, data) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data);
  },
};
