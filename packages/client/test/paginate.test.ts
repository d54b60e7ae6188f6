import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createStaticTokenCredential,
  createTransport,
  isUntrustedUrlError,
  jobsPath,
  MalformedResponseError,
  paginate,
  RequestAbortedError,
  UntrustedUrlError,
} from '../src/index.js';
import type { Transport } from '../src/index.js';
import { startArmTestServer, TOKEN, WORKSPACE } from './support/arm-test-server.js';
import type { ArmTestServer } from './support/arm-test-server.js';

let server: ArmTestServer;
let other: ArmTestServer;

beforeAll(async () => {
  [server, other] = await Promise.all([startArmTestServer(), startArmTestServer()]);
});
afterAll(async () => {
  await Promise.all([server.close(), other.close()]);
});
afterEach(() => {
  server.requests.length = 0;
  other.requests.length = 0;
  server.list = { total: 250, pageSize: 100 };
});

function transport(): Transport {
  return createTransport({
    baseUrl: server.origin,
    credential: createStaticTokenCredential(TOKEN),
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 5,
    timeoutMs: 2_000,
  });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected the promise to reject with an Error');
}

describe('paginate', () => {
  it('does follow nextLink through 250 jobs in three pages, in order', async () => {
    const jobs = await collect(paginate<{ name: string }>(transport(), jobsPath(WORKSPACE)));
    expect(jobs).toHaveLength(250);
    expect(jobs[0]?.name).toBe('job-000');
    expect(jobs[249]?.name).toBe('job-249');
    expect(new Set(jobs.map((j) => j.name)).size).toBe(250);
    expect(
      server.requests.map((r) => new URL(r.url, server.origin).searchParams.get('$skip')),
    ).toEqual([null, '100', '200']);
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('does expose pages with byPage()', async () => {
    const pages = await collect(paginate(transport(), jobsPath(WORKSPACE)).byPage());
    expect(pages.map((p) => p.items.length)).toEqual([100, 100, 50]);
    expect(pages[0]?.nextLink).toMatch(/\$skip=100$/);
    expect(pages[2]?.nextLink).toBeUndefined();
  });

  it('does stop at maxResults without fetching further pages', async () => {
    const jobs = await collect(paginate(transport(), jobsPath(WORKSPACE), { maxResults: 120 }));
    expect(jobs).toHaveLength(120);
    expect(server.requests).toHaveLength(2);
    const none = await collect(paginate(transport(), jobsPath(WORKSPACE), { maxResults: 0 }));
    expect(none).toEqual([]);
    expect(server.requests).toHaveLength(2);
  });

  it('does send filters on the first request and map items', async () => {
    server.list = { total: 3, pageSize: 100 };
    const names = await collect(
      paginate(transport(), jobsPath(WORKSPACE), {
        query: { jobType: 'Command', listViewType: 'All' },
        mapItem: (item) => (item as { name: string }).name.toUpperCase(),
      }),
    );
    expect(names).toEqual(['JOB-000', 'JOB-001', 'JOB-002']);
    const url = new URL(server.requests[0]!.url, server.origin);
    expect(url.searchParams.get('jobType')).toBe('Command');
    expect(url.searchParams.get('listViewType')).toBe('All');
    expect(url.searchParams.get('api-version')).toBe('2025-12-01');
  });

  it('does refuse a nextLink to another host and never contact it', async () => {
    server.list = { total: 250, pageSize: 100, nextLinkOrigin: other.origin };
    const seen: unknown[] = [];
    const error = await failure(
      (async () => {
        for await (const job of paginate(transport(), jobsPath(WORKSPACE))) seen.push(job);
      })(),
    );
    expect(error).toBeInstanceOf(UntrustedUrlError);
    expect(isUntrustedUrlError(error)).toBe(true);
    expect(error.message).toContain(`Refused the nextLink "${other.origin}/subscriptions/`);
    expect(error.message).toContain(`expected a URL on ${server.origin}`);
    expect(seen).toHaveLength(100);
    expect(other.requests).toHaveLength(0);
  });

  it('does reject a page without a value array', async () => {
    server.inject('GET /subscriptions', [{ kind: 'status', status: 200, body: { items: [] } }]);
    const error = await failure(collect(paginate(transport(), jobsPath(WORKSPACE))));
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.message).toContain(
      'expected { "value": [...], "nextLink"?: string }, received an object with keys items',
    );
  });

  it('does reject malformed JSON in a later page', async () => {
    server.inject('$skip=100', [{ kind: 'malformed' }]);
    const error = await failure(collect(paginate(transport(), jobsPath(WORKSPACE))));
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(server.requests).toHaveLength(2);
  });

  it('does stop a nextLink loop instead of spinning', async () => {
    server.list = { total: 250, pageSize: 100, loop: true };
    server.inject('GET /subscriptions', []);
    const first = await failure(
      collect(
        paginate(
          transport(),
          `${server.origin}${jobsPath(WORKSPACE)}?api-version=2025-12-01&$skip=0`,
        ),
      ),
    );
    expect(first).toBeInstanceOf(MalformedResponseError);
    expect(first.message).toContain('already followed');
    expect(server.requests).toHaveLength(1);
  });

  it('does end with RequestAbortedError when the signal is aborted', async () => {
    const controller = new AbortController();
    const iterator = paginate(transport(), jobsPath(WORKSPACE), { signal: controller.signal })[
      Symbol.asyncIterator
    ]();
    await iterator.next();
    controller.abort();
    const error = await failure(
      (async () => {
        for (let i = 0; i < 300; i += 1) {
          const { done } = await iterator.next();
          if (done === true) return;
        }
      })(),
    );
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(server.requests).toHaveLength(1);
  });
});
