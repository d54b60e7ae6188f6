import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { open } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';

import { isFinalStatus } from '@amlkit/status';

import type { StoredJob, StoredStatusEntry } from '../../store/job-store.js';
import { badRequest } from '../http.js';
import { jobDir } from '../service-context.js';
import type { ServiceContext } from '../service-context.js';
import { listFiles } from './job-files.js';

const CHUNK_BYTES = 64 * 1024;
const POLL_MS = 250;
const RUN_OR_LATER = new Set([
  'Running',
  'Finalizing',
  'CancelRequested',
  'Completed',
  'Failed',
  'Canceled',
  'NotResponding',
  'Paused',
]);

/** Where a client is in a job's event stream: next status index and bytes read per log. */
interface Cursor {
  s: number;
  o: Record<string, number>;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (typeof value === 'object' && value !== null) {
      const { s, o } = value as { s?: unknown; o?: unknown };
      if (
        typeof s === 'number' &&
        Number.isInteger(s) &&
        s >= 0 &&
        typeof o === 'object' &&
        o !== null
      ) {
        const offsets: Record<string, number> = {};
        for (const [file, offset] of Object.entries(o)) {
          if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0)
            offsets[file] = offset;
        }
        return { s, o: offsets };
      }
    }
  } catch {
    // fall through
  }
  throw badRequest(
    `Invalid Last-Event-ID: expected the id of an event of this stream, received ${JSON.stringify(text.slice(0, 80))}`,
  );
}

/** `?offsets=user_logs/std_log.txt:120,system_logs/executor.txt:0`. */
function parseOffsets(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const colon = part.lastIndexOf(':');
    const offset = Number(part.slice(colon + 1));
    if (colon <= 0 || !Number.isInteger(offset) || offset < 0) {
      throw badRequest(
        `Invalid offsets: expected 'file:byteOffset' pairs separated by commas, received ${JSON.stringify(part.slice(0, 80))}`,
      );
    }
    out[part.slice(0, colon)] = offset;
  }
  return out;
}

/** How many bytes of `buffer` form whole UTF-8 characters. */
function utf8Boundary(buffer: Buffer, length: number): number {
  let end = length;
  let back = 0;
  while (end > 0 && back < 4 && ((buffer[end - 1] ?? 0) & 0xc0) === 0x80) {
    end -= 1;
    back += 1;
  }
  if (end > 0) {
    const lead = buffer[end - 1] ?? 0;
    const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    if (need > back + 1) return end - 1;
  }
  return length;
}

/**
 * `GET /amlkit/v1/…/jobs/{name}/events`: a `text/event-stream` of `status`, `log` and `end`
 * events. Logs are tailed from disk in 64 KiB reads (fs.watch plus a 250 ms stat poll), never
 * held whole; every event id is a resume cursor for `Last-Event-ID`.
 */
export async function streamJobEvents(
  ctx: ServiceContext,
  req: IncomingMessage,
  res: ServerResponse,
  job: StoredJob,
  query: URLSearchParams,
): Promise<void> {
  let cursor: Cursor = { s: 0, o: {} };
  const lastEventId = req.headers['last-event-id'];
  if (typeof lastEventId === 'string' && lastEventId !== '') cursor = decodeCursor(lastEventId);
  const offsets = query.get('offsets');
  if (offsets !== null) cursor.o = { ...cursor.o, ...parseOffsets(offsets) };
  const statusFrom = query.get('statusFrom');
  if (statusFrom !== null) {
    const n = Number(statusFrom);
    if (!Number.isInteger(n) || n < 0)
      throw badRequest(
        `Invalid statusFrom: expected an integer ≥ 0, received ${JSON.stringify(statusFrom)}`,
      );
    cursor.s = n;
  }

  const logsDir = join(jobDir(ctx, job), 'logs');
  const pendingStatuses: { entry: StoredStatusEntry; live: boolean }[] = [];
  let closed = false;
  let userLogsOpen = false;
  let busy = false;
  let again = false;
  let ended = false;
  let watcher: FSWatcher | undefined;

  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write(': amlkit job events\n\n');

  const write = async (event: string, data: unknown): Promise<void> => {
    if (closed) return;
    const ok = res.write(
      `id: ${encodeCursor(cursor)}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`,
    );
    if (!ok && !closed) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  };

  /** Sends new log bytes of every file; with `flush`, also a trailing partial line. */
  const drainLogs = async (flush: boolean): Promise<void> => {
    const { files } = await listFiles(logsDir);
    for (const file of files) {
      // A process may write before its Running status is recorded: hold user logs until then.
      if (!flush && !userLogsOpen && file.path.startsWith('user_logs/')) continue;
      let offset = cursor.o[file.path] ?? 0;
      if (file.size <= offset) continue;
      const handle = await open(join(logsDir, ...file.path.split('/')), 'r').catch(() => undefined);
      if (handle === undefined) continue;
      try {
        const buffer = Buffer.alloc(CHUNK_BYTES);
        for (;;) {
          if (closed) return;
          const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, offset);
          if (bytesRead === 0) break;
          let take = buffer.lastIndexOf(0x0a, bytesRead - 1) + 1;
          if (take === 0) {
            if (!flush && bytesRead < CHUNK_BYTES) break;
            take = utf8Boundary(buffer, bytesRead);
            if (take === 0) break;
          }
          const text = buffer.toString('utf8', 0, take);
          const start = offset;
          offset += take;
          cursor.o[file.path] = offset;
          await write('log', { file: file.path, offset: start, nextOffset: offset, text });
          if (bytesRead < CHUNK_BYTES && take === bytesRead) break;
        }
      } finally {
        await handle.close();
      }
    }
  };

  const sendStatus = async (entry: StoredStatusEntry, live: boolean): Promise<void> => {
    if (entry.index < cursor.s) return;
    const final = isFinalStatus(entry.status);
    if (live || final) await drainLogs(final);
    cursor.s = entry.index + 1;
    await write('status', {
      status: entry.status,
      at: entry.at,
      ...(entry.reason === undefined ? {} : { reason: entry.reason }),
    });
    if (RUN_OR_LATER.has(entry.status)) userLogsOpen = true;
    if (final) {
      ended = true;
      const current = ctx.store.getJobBySeq(job.seq);
      await write('end', {
        status: entry.status,
        ...(current?.error === undefined ? {} : { error: current.error }),
      });
      cleanup();
      res.end();
    }
  };

  const pump = async (): Promise<void> => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      do {
        again = false;
        while (pendingStatuses.length > 0 && !ended && !closed) {
          const next = pendingStatuses.shift()!;
          await sendStatus(next.entry, next.live);
        }
        if (!ended && !closed) await drainLogs(false);
        if (!ended && !closed) startWatcher();
      } while (again && !ended && !closed);
    } catch {
      cleanup();
      res.destroy();
    } finally {
      busy = false;
    }
  };

  const onStatus = (seq: number, entry: StoredStatusEntry): void => {
    if (seq !== job.seq) return;
    pendingStatuses.push({ entry, live: true });
    void pump();
  };
  const onLogFile = (seq: number): void => {
    if (seq === job.seq) void pump();
  };
  const startWatcher = (): void => {
    if (watcher !== undefined) return;
    try {
      watcher = watch(logsDir, { recursive: true }, () => void pump());
      watcher.on('error', () => {
        watcher?.close();
      });
    } catch {
      // the folder does not exist yet; the poll covers it
    }
  };
  const jobGone = (): boolean => {
    try {
      return ctx.store.getJobBySeq(job.seq) === undefined;
    } catch {
      return true; // the store is closing with the service
    }
  };
  const poll = setInterval(() => {
    if (!busy && !closed && jobGone()) {
      // The job was deleted while not running: nothing more will come.
      void write('end', { status: 'Deleted' }).then(() => {
        cleanup();
        res.end();
      });
      return;
    }
    void pump();
  }, POLL_MS);
  const heartbeat = setInterval(() => {
    if (!closed) res.write(': heartbeat\n\n');
  }, ctx.heartbeatMs);
  const cleanup = (): void => {
    closed = true;
    clearInterval(poll);
    clearInterval(heartbeat);
    watcher?.close();
    ctx.events.off('status', onStatus);
    ctx.events.off('logfile', onLogFile);
  };
  ctx.events.on('status', onStatus);
  ctx.events.on('logfile', onLogFile);
  req.on('close', cleanup);
  res.on('close', cleanup);

  // Live entries that raced with the replay are de-duplicated by index in sendStatus.
  for (const entry of ctx.store.statusHistory(job.seq, cursor.s)) {
    pendingStatuses.push({ entry, live: false });
  }
  pendingStatuses.sort((a, b) => a.entry.index - b.entry.index);
  if (pendingStatuses.length === 0) userLogsOpen = true;
  const current = ctx.store.getJobBySeq(job.seq);
  if (pendingStatuses.length === 0 && current !== undefined && isFinalStatus(current.status)) {
    // The cursor is past the final status: send what is left of the logs, then end.
    await drainLogs(true);
    await write('end', {
      status: current.status,
      ...(current.error === undefined ? {} : { error: current.error }),
    });
    cleanup();
    res.end();
    return;
  }
  await pump();
}
