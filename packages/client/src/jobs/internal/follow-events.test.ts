import { CommandJob } from '@amlkit/core';
import { describe, expect, it } from 'vitest';

import { createTransport } from '../../transport/create-transport.js';
import type { LogChunk } from '../jobs-api.js';
import { followJobEvents } from './follow-events.js';

const PATH = '/amlkit/v1/subscriptions/s/resourceGroups/r/providers/x/workspaces/w/jobs/j/events';

function event(name: string, id: string, data: unknown): string {
  return `id: ${id}\nevent: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

function status(value: string, second: number): unknown {
  return { status: value, at: new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString() };
}

/** A fetch that answers each call with the next body (or a 404 when the list says so). */
function scriptedFetch(bodies: readonly (string | 404)[]) {
  const seen: { url: string; lastEventId: string | null }[] = [];
  const fetchImpl = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    seen.push({
      url: input instanceof Request ? input.url : input.toString(),
      lastEventId: headers.get('last-event-id'),
    });
    const body = bodies[seen.length - 1];
    if (body === undefined) throw new Error(`unexpected request ${seen.length}`);
    if (body === 404) {
      return Promise.resolve(
        new Response(JSON.stringify({ error: { code: 'NotFound', message: 'no route' } }), {
          status: 404,
          headers: { 'content-type': 'application/json' },
        }),
      );
    }
    return Promise.resolve(
      new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    );
  };
  return { fetch: fetchImpl, seen };
}

function round(fetchImpl: typeof globalThis.fetch) {
  return {
    transport: createTransport({ baseUrl: 'http://127.0.0.1:1', fetch: fetchImpl, maxRetries: 0 }),
    eventsPath: PATH,
    get: () => {
      const job = new CommandJob({ command: 'echo hi', environment: 'azureml:e:1' });
      return Promise.resolve(job);
    },
  };
}

describe('followJobEvents', () => {
  it('reports every status and selected log in order, and reconnects with Last-Event-ID after a drop', async () => {
    const { fetch, seen } = scriptedFetch([
      event('status', 'a', status('NotStarted', 0)) +
        event('status', 'b', status('Running', 1)) +
        event('log', 'c', { file: 'user_logs/std_log.txt', offset: 0, text: 'one\n' }) +
        event('log', 'c2', { file: 'system_logs/executor.txt', offset: 0, text: 'sys\n' }),
      event('log', 'd', { file: 'user_logs/std_log.txt', offset: 4, text: 'two\n' }) +
        event('status', 'e', status('Completed', 2)) +
        event('end', 'f', { status: 'Completed' }),
    ]);
    const statuses: string[] = [];
    const logs: LogChunk[] = [];
    const result = await followJobEvents('j', round(fetch), {
      onStatus: (t) => statuses.push(t.to),
      onLog: (chunk) => logs.push(chunk),
    });
    expect(statuses).toEqual(['NotStarted', 'Running', 'Completed']);
    expect(result?.history.entries.map((e) => [e.status, e.source])).toEqual([
      ['NotStarted', 'event'],
      ['Running', 'event'],
      ['Completed', 'event'],
    ]);
    expect(logs.map((c) => [c.file, c.offset, c.nextOffset, c.text])).toEqual([
      ['user_logs/std_log.txt', 0, 4, 'one\n'],
      ['user_logs/std_log.txt', 4, 8, 'two\n'],
    ]);
    expect(result?.status).toBe('Completed');
    expect(result?.cursor).toEqual({ offsets: { 'user_logs/std_log.txt': 8 } });
    expect(seen.map((s) => s.lastEventId)).toEqual([null, 'c2']);
    expect(seen[0]?.url.split('?')[0]).toBe(`http://127.0.0.1:1${PATH}`);
  });

  it('sends a starting cursor as ?offsets= and resolves undefined when the service has no events route', async () => {
    const { fetch, seen } = scriptedFetch([404]);
    const result = await followJobEvents('j', round(fetch), {
      cursor: { offsets: { 'user_logs/std_log.txt': 12 } },
    });
    expect(result).toBeUndefined();
    expect(new URL(seen[0]?.url ?? '').searchParams.get('offsets')).toBe(
      'user_logs/std_log.txt:12',
    );
  });

  it('gives up after a bounded number of dropped connections', async () => {
    const drop = event('status', 'a', status('Running', 0));
    const { fetch, seen } = scriptedFetch([drop, drop, drop, drop, drop, drop]);
    await expect(followJobEvents('j', round(fetch), {})).rejects.toMatchObject({
      name: 'ConnectionError',
      message: expect.stringMatching(/dropped 6 times: expected it to reach an 'end' event/),
    });
    expect(seen).toHaveLength(6);
  });
});
