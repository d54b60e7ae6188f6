import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What a running service writes to `<home>/server.json` (removed on a clean stop). */
export interface ServerInfo {
  /** The process id of the service. */
  readonly pid: number;
  /** The base URL, e.g. `http://127.0.0.1:7070`. */
  readonly url: string;
  /** ISO-8601 start time. */
  readonly startedAt: string;
  /** The `@amlkit/local` version serving. */
  readonly version: string;
}

/** Options of {@link readServerInfo}. */
export interface ReadServerInfoOptions {
  /** Aborts the read. */
  readonly signal?: AbortSignal;
}

function isServerInfo(value: unknown): value is ServerInfo {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.pid === 'number' &&
    typeof v.url === 'string' &&
    typeof v.startedAt === 'string' &&
    typeof v.version === 'string'
  );
}

/** Whether a process with this id exists (signal 0; EPERM means it exists). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The service running on `home`, or `undefined` when none is: no `server.json`, an
 * unreadable one, or one left behind by a dead process.
 *
 * @example
 * ```ts
 * const info = await readServerInfo(defaultHome());
 * if (info) console.log(`service ${info.pid} at ${info.url}`);
 * ```
 */
export async function readServerInfo(
  home: string,
  options: ReadServerInfoOptions = {},
): Promise<ServerInfo | undefined> {
  let text: string;
  try {
    text = await readFile(join(home, 'server.json'), {
      encoding: 'utf8',
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isServerInfo(value) || !isProcessAlive(value.pid)) return undefined;
  return value;
}
