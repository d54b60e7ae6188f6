import { YamlError } from './yaml-error.js';

/** Options for {@link writeYamlFile}. */
export interface WriteYamlFileOptions {
  /** Aborts the write; a partly written file is removed and the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
    ? err.code
    : undefined;
}

function writeError(path: string, err: unknown): YamlError {
  const code = errnoCode(err);
  if (code === 'EEXIST') {
    return new YamlError(
      'YAML_FILE_EXISTS',
      `${path}: Refusing to overwrite an existing file (expected a path that does not exist yet, received an existing file)`,
      {
        diagnostics: [
          {
            code: 'YAML_FILE_EXISTS',
            path: [],
            file: path,
            line: 1,
            col: 1,
            message: 'Refusing to overwrite an existing file',
            expected: 'a path that does not exist yet',
            received: 'an existing file',
          },
        ],
        cause: err,
      },
    );
  }
  const received =
    code === 'ENOENT'
      ? 'a missing parent directory'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'a directory'
          : (code ?? String(err));
  return new YamlError(
    'YAML_WRITE_FAILED',
    `${path}: Could not write the YAML file (expected a writable path in an existing directory, received ${received})`,
    {
      diagnostics: [
        {
          code: 'YAML_WRITE_FAILED',
          path: [],
          file: path,
          line: 1,
          col: 1,
          message: 'Could not write the YAML file',
          expected: 'a writable path in an existing directory',
          received,
        },
      ],
      cause: err,
    },
  );
}

/**
 * Writes `text` to a new file (exclusive create, flag `wx`): an existing file
 * is never overwritten.
 *
 * @throws {YamlError} `YAML_FILE_EXISTS` if the path exists, `YAML_WRITE_FAILED`
 *   for any other file-system error (missing parent directory, permissions…).
 * @example
 * ```ts
 * await writeYamlFile('out/job.yml', stringifyYaml(job));
 * ```
 */
export async function writeYamlFile(
  path: string,
  text: string,
  options: WriteYamlFileOptions = {},
): Promise<void> {
  if (typeof path !== 'string' || path === '') {
    throw new TypeError(`writeYamlFile: expected a file path, received ${JSON.stringify(path)}`);
  }
  if (typeof text !== 'string')
    throw new TypeError(`writeYamlFile: expected the text as a string, received ${typeof text}`);
  const { signal } = options;
  signal?.throwIfAborted();
  const fs = await import('node:fs/promises');
  let handle: Awaited<ReturnType<typeof fs.open>>;
  try {
    handle = await fs.open(path, 'wx');
  } catch (err) {
    throw writeError(path, err);
  }
  try {
    signal?.throwIfAborted();
    await handle.writeFile(text, signal ? { encoding: 'utf8', signal } : { encoding: 'utf8' });
    await handle.close();
  } catch (err) {
    // We created the file exclusively, so it is ours to remove.
    await handle.close().catch(() => undefined);
    await fs.rm(path, { force: true }).catch(() => undefined);
    if (signal?.aborted === true) throw signal.reason;
    throw writeError(path, err);
  }
}
