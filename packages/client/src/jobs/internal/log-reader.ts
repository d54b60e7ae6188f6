import { isHttpError } from '../../errors/http-error.js';
import { ConnectionError, createHttpError } from '../../errors/http-error.js';
import type { Transport } from '../../transport/create-transport.js';
import type { LogChunk, LogCursor } from '../jobs-api.js';

/** The Python SDK's common-runtime log pattern (rank 0 only). */
const COMMON_RUNTIME_LOG = /^user_logs\/std_log[\D]*[0]*(?:_ps)?\.txt$/;
/** A partial line longer than this is emitted anyway (cut at a UTF-8 boundary). */
const MAX_PENDING_BYTES = 64 * 1024;

/** The SDK's legacy per-type patterns (command, pipeline, sweep), used when there is no common-runtime log. */
const LEGACY_LOGS: readonly RegExp[] = [
  /^azureml-logs\/\d{2}.+\.txt$/,
  /^logs\/azureml\/executionlogs\.txt$/,
  /^azureml-logs\/hyperdrive\.txt$/,
];

/**
 * The SDK's log choice (`stream_logs_until_completion`): the common-runtime user log of rank 0
 * when present, else the legacy driver/pipeline/sweep logs; system logs are never streamed.
 */
export function defaultLogSelection(files: readonly string[]): readonly string[] {
  const preferred = files.filter((file) => COMMON_RUNTIME_LOG.test(file));
  if (preferred.length > 0) return preferred;
  return files.filter((file) => LEGACY_LOGS.some((pattern) => pattern.test(file)));
}

/** The length of the longest prefix of `bytes` that does not end inside a UTF-8 sequence. */
export function utf8Boundary(bytes: Uint8Array, end = bytes.length): number {
  let start = end;
  // Walk back over at most 3 continuation bytes to the lead byte.
  while (start > 0 && end - start < 4 && ((bytes[start - 1] ?? 0) & 0xc0) === 0x80) start -= 1;
  if (start === 0) return end;
  const lead = bytes[start - 1] ?? 0;
  let length = 1;
  if ((lead & 0xe0) === 0xc0) length = 2;
  else if ((lead & 0xf0) === 0xe0) length = 3;
  else if ((lead & 0xf8) === 0xf0) length = 4;
  if (length === 1) return end;
  return end - (start - 1) >= length ? end : start - 1;
}

/** How much of `bytes` to emit now: whole lines; everything once final (or a long partial line). */
export function emittableLength(bytes: Uint8Array, final: boolean): number {
  if (final) return bytes.length;
  const lastNewline = bytes.lastIndexOf(0x0a);
  if (lastNewline >= 0) return lastNewline + 1;
  return bytes.length > MAX_PENDING_BYTES ? utf8Boundary(bytes) : 0;
}

/** Options of {@link createLogReader}. */
export interface LogReaderOptions {
  /** The run-history transport (its origin is trusted; log URLs there get the bearer token). */
  readonly transport: Transport;
  /** The run-details path. */
  readonly detailsPath: string;
  /** For log URLs on other origins (SAS URLs), sent without credentials. */
  readonly fetch: typeof globalThis.fetch;
  readonly cursor: LogCursor | undefined;
  readonly logFilter: ((file: string) => boolean) | undefined;
  readonly onLog: ((chunk: LogChunk) => void) | undefined;
}

/** Reads run-details `logFiles` by byte offset, round after round. */
export interface LogReader {
  /** Reads every selected file from its offset; `final` also emits trailing partial lines. */
  read(signal: AbortSignal, final: boolean): Promise<void>;
  /** The current offsets. */
  cursor(): LogCursor;
}

/** Creates a {@link LogReader}. */
export function createLogReader(options: LogReaderOptions): LogReader {
  const offsets = new Map<string, number>(Object.entries(options.cursor?.offsets ?? {}));
  const decoder = new TextDecoder('utf-8');

  async function fetchFrom(url: string, offset: number, signal: AbortSignal): Promise<Uint8Array> {
    const headers = offset > 0 ? { range: `bytes=${offset}-` } : undefined;
    let status: number;
    let bytes: Uint8Array;
    if (options.transport.isTrustedUrl(url)) {
      try {
        const response = await options.transport.request({
          method: 'GET',
          url,
          headers,
          signal,
          responseType: 'text',
          raw: true,
        });
        status = response.status;
        bytes = new Uint8Array(await (response.raw as Response).arrayBuffer());
      } catch (error) {
        if (isHttpError(error) && error.status === 416) return new Uint8Array();
        throw error;
      }
    } else {
      let response: Response;
      try {
        response = await options.fetch(url, { headers: headers ?? {}, signal });
      } catch (error) {
        if (signal.aborted) throw error;
        throw new ConnectionError({ method: 'GET', url, cause: error });
      }
      if (response.status === 416) return new Uint8Array();
      if (!response.ok) {
        throw createHttpError({
          method: 'GET',
          url,
          status: response.status,
          headers: response.headers,
          bodyText: await response.text(),
        });
      }
      status = response.status;
      bytes = new Uint8Array(await response.arrayBuffer());
    }
    // A server that ignored the range sent the whole file.
    return status === 206 ? bytes : bytes.subarray(Math.min(offset, bytes.length));
  }

  return {
    async read(signal, final) {
      const response = await options.transport.request({
        method: 'GET',
        path: options.detailsPath,
        signal,
      });
      const logFiles = (response.body as { logFiles?: unknown } | undefined)?.logFiles;
      const urls: Record<string, string> = {};
      if (typeof logFiles === 'object' && logFiles !== null) {
        for (const [file, url] of Object.entries(logFiles)) {
          if (typeof url === 'string') urls[file] = url;
        }
      }
      const names = Object.keys(urls).sort();
      const selected =
        options.logFilter === undefined
          ? defaultLogSelection(names)
          : names.filter(options.logFilter);
      for (const file of selected) {
        const url = urls[file];
        if (url === undefined) continue;
        const offset = offsets.get(file) ?? 0;
        const bytes = await fetchFrom(url, offset, signal);
        const length = emittableLength(bytes, final);
        if (length === 0) continue;
        const nextOffset = offset + length;
        offsets.set(file, nextOffset);
        options.onLog?.({
          file,
          offset,
          nextOffset,
          text: decoder.decode(bytes.subarray(0, length)),
        });
      }
    },
    cursor() {
      return { offsets: Object.fromEntries(offsets) };
    },
  };
}
