import type * as FsPromises from 'node:fs/promises';
import { firstInvalidUtf8Offset } from './internal/check-text.js';
import { linePosOf } from './internal/display.js';
import { errorFromDiagnostics } from './internal/error-from-diagnostics.js';
import { DEFAULT_MAX_BYTES, parseYaml } from './parse-yaml.js';
import type { ParsedYaml, ParseYamlOptions } from './parse-yaml.js';
import { YamlError } from './yaml-error.js';

/** Options for {@link readYamlFile}. */
export type ReadYamlFileOptions = Omit<ParseYamlOptions, 'file'> & {
  /** Aborts the read; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
};

function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
    ? err.code
    : undefined;
}

function isAbort(err: unknown): boolean {
  return (
    typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError'
  );
}

function fileError(path: string, err: unknown): YamlError {
  const code = errnoCode(err);
  if (code === 'ENOENT') {
    return errorFromDiagnostics(
      [
        {
          code: 'YAML_FILE_NOT_FOUND',
          path: [],
          file: path,
          line: 1,
          col: 1,
          message: 'File not found',
          expected: 'an existing YAML file',
          received: 'no such file or directory',
        },
      ],
      err,
    );
  }
  const reason =
    code === 'EISDIR'
      ? 'a directory'
      : (code ?? (err instanceof Error ? err.message : String(err)));
  return errorFromDiagnostics(
    [
      {
        code: 'YAML_READ_FAILED',
        path: [],
        file: path,
        line: 1,
        col: 1,
        message: 'Could not read the YAML file',
        expected: 'a readable file',
        received: reason,
      },
    ],
    err,
  );
}

type Fs = typeof FsPromises;

/** Reads a non-regular file (pipe, device) until EOF, stopping one byte past `maxBytes`. */
async function readCapped(
  fs: Fs,
  path: string,
  maxBytes: number,
  signal: AbortSignal | undefined,
): Promise<Uint8Array> {
  const handle = await fs.open(path, 'r');
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      signal?.throwIfAborted();
      const buffer = new Uint8Array(64 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) break;
    }
    const out = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  } finally {
    await handle.close();
  }
}

/**
 * Reads and parses a YAML file. The size is checked with `stat` before
 * reading (pipes and devices are read up to `maxBytes`); the bytes must be valid
 * UTF-8 (a UTF-8 BOM is skipped).
 *
 * @throws {YamlError} `YAML_FILE_NOT_FOUND`, `YAML_READ_FAILED`,
 *   `YAML_TOO_LARGE`, `YAML_BINARY`, or any {@link parseYaml} error.
 * @example
 * ```ts
 * const { value, sourceMap } = await readYamlFile('job.yml');
 * ```
 */
export async function readYamlFile(
  path: string,
  options: ReadYamlFileOptions = {},
): Promise<ParsedYaml> {
  if (typeof path !== 'string' || path === '') {
    throw new TypeError(`readYamlFile: expected a file path, received ${JSON.stringify(path)}`);
  }
  const { signal, ...parseOptions } = options;
  signal?.throwIfAborted();
  const maxBytes = parseOptions.maxBytes ?? DEFAULT_MAX_BYTES;
  const fs = await import('node:fs/promises');
  let bytes: Uint8Array;
  try {
    const info = await fs.stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (info.size > maxBytes) {
      throw errorFromDiagnostics([
        {
          code: 'YAML_TOO_LARGE',
          path: [],
          file: path,
          line: 1,
          col: 1,
          message: 'File is too large to parse',
          expected: `at most ${maxBytes} bytes`,
          received: `${info.size} bytes`,
        },
      ]);
    }
    signal?.throwIfAborted();
    bytes = info.isFile()
      ? await fs.readFile(path, signal ? { signal } : {})
      : await readCapped(fs, path, maxBytes, signal); // a pipe such as <(cat job.yml), or a device
  } catch (err) {
    if (
      err instanceof YamlError ||
      isAbort(err) ||
      (signal?.aborted === true && err === signal.reason)
    )
      throw err;
    throw fileError(path, err);
  }
  if (bytes.length > maxBytes) {
    throw errorFromDiagnostics([
      {
        code: 'YAML_TOO_LARGE',
        path: [],
        file: path,
        line: 1,
        col: 1,
        message: 'File is too large to parse',
        expected: `at most ${maxBytes} bytes`,
        received: `${bytes.length} bytes`,
      },
    ]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (err) {
    const offset = firstInvalidUtf8Offset(bytes);
    const utf16 =
      (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const { line, col } = linePosOf(prefix, prefix.length);
    throw errorFromDiagnostics(
      [
        {
          code: 'YAML_BINARY',
          path: [],
          file: path,
          line,
          col,
          message: utf16 ? 'File is UTF-16 encoded, not UTF-8' : 'File is not UTF-8 text',
          expected: 'UTF-8 encoded text',
          received: `byte 0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at offset ${offset}`,
          ...(utf16 ? { hint: 'Save the file as UTF-8' } : {}),
        },
      ],
      err,
    );
  }
  return parseYaml(text, { ...parseOptions, file: path });
}
