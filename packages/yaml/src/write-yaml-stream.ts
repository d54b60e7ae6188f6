import { YamlError } from './yaml-error.js';

function failure(reason: string, cause?: unknown): YamlError {
  const message = `Could not write YAML to the stream: ${reason}`;
  return new YamlError(
    'YAML_WRITE_FAILED',
    `<stream>: ${message} (expected a writable stream, received ${reason})`,
    {
      diagnostics: [
        {
          code: 'YAML_WRITE_FAILED',
          path: [],
          file: '<stream>',
          line: 1,
          col: 1,
          message,
          expected: 'a writable stream',
          received: reason,
        },
      ],
      ...(cause === undefined ? {} : { cause }),
    },
  );
}

interface StreamState {
  destroyed?: boolean;
  writable?: boolean;
  writableEnded?: boolean;
  writableFinished?: boolean;
  errored?: unknown;
}

/**
 * Writes `text` to a writable stream (stdout, a file stream, a socket…) and
 * resolves once the chunk is handed over. The stream is not ended.
 *
 * @throws {YamlError} `YAML_WRITE_FAILED` if the stream is destroyed, ended,
 *   errored, or fails or closes before the write completes (never hangs on
 *   such a stream).
 */
export function writeYamlStream(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (typeof text !== 'string')
    return Promise.reject(
      new TypeError(`writeYamlStream: expected the text as a string, received ${typeof text}`),
    );
  const state = stream as unknown as StreamState;
  if (state.errored !== undefined && state.errored !== null)
    return Promise.reject(failure('a stream that has errored', state.errored));
  if (state.destroyed === true) return Promise.reject(failure('a destroyed stream'));
  if (state.writableEnded === true || state.writableFinished === true)
    return Promise.reject(failure('an ended stream'));
  if (state.writable === false) return Promise.reject(failure('a stream that is not writable'));

  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const cleanup = (): void => {
      stream.removeListener('error', onError);
      stream.removeListener('close', onClose);
    };
    const settle = (err?: YamlError): void => {
      if (settled) return;
      settled = true;
      cleanup();
      if (err) reject(err);
      else resolve();
    };
    const onError = (err: unknown): void => {
      settle(failure(err instanceof Error ? err.message : String(err), err));
    };
    const onClose = (): void => {
      settle(failure('a stream that closed before the write completed'));
    };
    stream.on('error', onError);
    stream.on('close', onClose);
    try {
      stream.write(text, (err?: Error | null) => {
        if (err) settle(failure(err.message, err));
        else settle();
      });
    } catch (err) {
      settle(failure(err instanceof Error ? err.message : String(err), err));
    }
  });
}
