import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  assertValidJobName,
  createStaticTokenCredential,
  createTransport,
  isOperationTimeoutError,
  jobCancelPath,
  jobPath,
  MalformedResponseError,
  NotFoundError,
  OperationTimeoutError,
  pollLocation,
  RequestAbortedError,
  UntrustedUrlError,
} from '../src/index.js';
import type { PollEvent, Transport } from '../src/index.js';
import {
  armError,
  readExample,
  startArmTestServer,
  TOKEN,
  WORKSPACE,
} from './support/arm-test-server.js';
import type { ArmTestServer } from './support/arm-test-server.js';
import { asInstance } from './support/as-instance.js';

let server: ArmTestServer;

beforeAll(async () => {
  server = await startArmTestServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.requests.length = 0;
  server.operation = { pendingPolls: 2, retryAfter: '0' };
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

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected the promise to reject with an Error');
}

describe('pollLocation', () => {
  it('does poll a cancel (202 + Location) until 200', async () => {
    const t = transport();
    const accepted = await t.request({ method: 'POST', path: jobCancelPath(WORKSPACE, 'my-job') });
    expect(accepted.status).toBe(202);
    const polls: PollEvent[] = [];
    const done = await pollLocation(t, accepted, {
      timeoutMs: 5_000,
      onPoll: (e) => polls.push(e),
    });
    expect(done.status).toBe(200);
    expect(polls.map((p) => p.poll)).toEqual([1, 2, 3]);
    expect(polls.every((p) => p.delayMs === 0)).toBe(true);
    const gets = server.requests.filter((r) => r.url.includes('mfeOperationResults'));
    expect(gets).toHaveLength(3);
    expect(gets[0]?.url).toMatch(
      /\/locations\/local\/mfeOperationResults\/op-\d+\?api-version=2025-12-01$/,
    );
  });

  it('does poll a delete and return at once for 204 (already gone)', async () => {
    const t = transport();
    const accepted = await t.request({ method: 'DELETE', path: jobPath(WORKSPACE, 'my-job') });
    expect((await pollLocation(t, accepted, { timeoutMs: 5_000 })).status).toBe(200);
    server.requests.length = 0;
    const gone = await t.request({ method: 'DELETE', path: jobPath(WORKSPACE, 'missing') });
    expect(gone.status).toBe(204);
    expect((await pollLocation(t, gone)).status).toBe(204);
    expect(server.requests).toHaveLength(1);
  });

  it('does use defaultIntervalMs without Retry-After and cap the server hint at maxIntervalMs', async () => {
    const t = transport();
    server.operation = { pendingPolls: 1 };
    const polls: PollEvent[] = [];
    await pollLocation(
      t,
      await t.request({ method: 'POST', path: jobCancelPath(WORKSPACE, 'a') }),
      {
        defaultIntervalMs: 7,
        onPoll: (e) => polls.push(e),
      },
    );
    expect(polls.map((p) => p.delayMs)).toEqual([7, 7]);
    server.operation = { pendingPolls: 0, retryAfter: '600' };
    polls.length = 0;
    await pollLocation(
      t,
      await t.request({ method: 'POST', path: jobCancelPath(WORKSPACE, 'a') }),
      {
        maxIntervalMs: 10,
        onPoll: (e) => polls.push(e),
      },
    );
    expect(polls.map((p) => p.delayMs)).toEqual([10]);
  });

  it('does bound an endless 202 with OperationTimeoutError', async () => {
    const t = transport();
    server.operation = { pendingPolls: Number.POSITIVE_INFINITY, retryAfter: '0' };
    const accepted = await t.request({ method: 'POST', path: jobCancelPath(WORKSPACE, 'a') });
    const error = await failure(
      pollLocation(t, accepted, { timeoutMs: 3_000, defaultIntervalMs: 5, maxIntervalMs: 5 }),
    );
    expect(error).toBeInstanceOf(OperationTimeoutError);
    expect(isOperationTimeoutError(error)).toBe(true);
    const e = asInstance(error, OperationTimeoutError);
    expect(e.timeoutMs).toBe(3_000);
    expect(e.polls).toBeGreaterThan(0);
    expect(e.message).toMatch(
      /^Polling http:\/\/127\.0\.0\.1:\d+\/.+\/mfeOperationResults\/op-\d+ timed out: expected 200 or 204 within 3000 ms, received only 202 Accepted \(\d+ polls answered\)$/,
    );
  });

  it('does reject a 202 without Location', async () => {
    const t = transport();
    server.operation = { pendingPolls: 1, omitLocation: true };
    const accepted = await t.request({ method: 'POST', path: jobCancelPath(WORKSPACE, 'a') });
    const error = await failure(pollLocation(t, accepted));
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.message).toContain('answered 202 Accepted without a Location header');
  });

  it('does refuse a Location on another origin', async () => {
    const t = transport();
    server.operation = { pendingPolls: 1, locationOrigin: 'http://169.254.169.254' };
    const accepted = await t.request({ method: 'POST', path: jobCancelPath(WORKSPACE, 'a') });
    const error = await failure(pollLocation(t, accepted));
    expect(error).toBeInstanceOf(UntrustedUrlError);
    expect(error.message).toContain('Refused the Location header "http://169.254.169.254/');
    expect(server.requests).toHaveLength(1);
  });

  it("does refuse the spec example's placeholder Location (http://subscriptions/…)", async () => {
    const example = readExample('delete.json').responses['202']!;
    const location = example.headers!.location!;
    const t = transport();
    const accepted = {
      status: 202,
      headers: new Headers({ location, 'retry-after': '0' }),
      body: undefined,
      requestId: 'r',
      url: `${server.origin}${jobPath(WORKSPACE, 'my-favorite-aml-job')}`,
    };
    const error = await failure(pollLocation(t, accepted));
    expect(error).toBeInstanceOf(UntrustedUrlError);
    expect(server.requests).toHaveLength(0);
  });

  it('does surface an ARM error from the operation as its HttpError class', async () => {
    const t = transport();
    const accepted = await t.request({ method: 'POST', path: jobCancelPath(WORKSPACE, 'a') });
    server.inject('mfeOperationResults', [
      { kind: 'status', status: 404, body: armError('ResourceNotFound', 'gone') },
    ]);
    const error = await failure(pollLocation(t, accepted));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain('failed with 404 Not Found: ResourceNotFound: gone');
  });

  it('does stop with RequestAbortedError when the signal aborts', async () => {
    const t = transport();
    server.operation = { pendingPolls: Number.POSITIVE_INFINITY, retryAfter: '0' };
    const accepted = await t.request({ method: 'POST', path: jobCancelPath(WORKSPACE, 'a') });
    const controller = new AbortController();
    const pending = pollLocation(t, accepted, {
      signal: controller.signal,
      defaultIntervalMs: 5,
      maxIntervalMs: 5,
      timeoutMs: 5_000,
    });
    setTimeout(() => {
      controller.abort();
    }, 30);
    expect(await failure(pending)).toBeInstanceOf(RequestAbortedError);
  });

  it('does reject a job name that breaks the service rule before any request', () => {
    expect(() => jobPath(WORKSPACE, 'bad name')).toThrow(RangeError);
    expect(() => jobCancelPath(WORKSPACE, '-leading-dash')).toThrow(/expected a letter or digit/);
    expect(() => {
      assertValidJobName(42);
    }).toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });
});
