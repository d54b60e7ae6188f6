import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  CredentialError,
  createStaticTokenCredential,
  createTransport,
  HttpError,
  InternalServerError,
  isAuthenticationError,
  isCredentialError,
  isHttpError,
  isRateLimitError,
  jobCancelPath,
  jobPath,
  jobsPath,
  MalformedResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestAbortedError,
  RequestTimeoutError,
  UntrustedUrlError,
} from '../src/index.js';
import type { RetryEvent, TokenCredential, Transport, TransportOptions } from '../src/index.js';
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
let retries: RetryEvent[];

beforeAll(async () => {
  server = await startArmTestServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.requests.length = 0;
});

function transport(overrides: Partial<TransportOptions> = {}): Transport {
  retries = [];
  return createTransport({
    baseUrl: server.origin,
    credential: createStaticTokenCredential(TOKEN),
    retryBaseDelayMs: 5,
    retryMaxDelayMs: 50,
    timeoutMs: 2_000,
    onRetry: (event) => retries.push(event),
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`expected an Error, received ${String(error)}`);
  }
  throw new Error('expected the promise to reject, it resolved');
}

function expectNoSecret(error: Error): void {
  expect(error.message).not.toContain(TOKEN);
  expect(String(error)).not.toContain(TOKEN);
  expect(JSON.stringify(error)).not.toContain(TOKEN);
}

describe('createTransport against a loopback ARM server', () => {
  it('does GET a job and returns the spec example body with the request id', async () => {
    const response = await transport().request({
      method: 'GET',
      path: jobPath(WORKSPACE, 'my-job'),
    });
    const example = readExample('CommandJob/get.json').responses['200']!.body as Record<
      string,
      unknown
    >;
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: 'my-job', properties: example.properties });
    expect(response.requestId).toMatch(/^srv-/);
    expect(server.requests).toHaveLength(1);
  });

  it('does send api-version, a bearer token, a client request id and the user agent', async () => {
    await transport({ userAgent: 'amlkit-cli/1.2.3' }).request({
      method: 'PUT',
      path: jobPath(WORKSPACE, 'my-job'),
      body: { properties: { jobType: 'Command' } },
    });
    const [sent] = server.requests;
    expect(sent?.url).toContain('api-version=2025-12-01');
    expect(sent?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sent?.headers['x-ms-client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent?.headers['user-agent']).toBe('amlkit-cli/1.2.3 amlkit/0.1.0 (node)');
    expect(sent?.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('does retry 503 twice and keep one client request id across attempts', async () => {
    server.inject('GET /subscriptions', [
      { kind: 'status', status: 503, body: armError('ServiceError', 'busy') },
      { kind: 'status', status: 503, body: armError('ServiceError', 'busy') },
    ]);
    const response = await transport().request({ method: 'GET', path: jobPath(WORKSPACE, 'a') });
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(3);
    expect(retries.map((r) => r.retry)).toEqual([1, 2]);
    const ids = new Set(server.requests.map((r) => r.headers['x-ms-client-request-id']));
    expect(ids.size).toBe(1);
    for (const r of retries) {
      expect(r.error).toBeInstanceOf(InternalServerError);
      expect(r.delayMs).toBeGreaterThanOrEqual(0);
      expect(r.delayMs).toBeLessThanOrEqual(50);
    }
  });

  it('does honour retry-after-ms on 429 (capped) and then succeed', async () => {
    server.inject('GET /subscriptions', [
      {
        kind: 'status',
        status: 429,
        headers: { 'retry-after-ms': '30' },
        body: armError('TooManyRequests', 'slow down'),
      },
      {
        kind: 'status',
        status: 429,
        headers: { 'retry-after': '3600' },
        body: armError('TooManyRequests', 'slow down'),
      },
    ]);
    const response = await transport().request({ method: 'GET', path: jobPath(WORKSPACE, 'a') });
    expect(response.status).toBe(200);
    expect(retries.map((r) => r.delayMs)).toEqual([30, 50]);
  });

  it('does give up after maxRetries with a RateLimitError carrying the ARM body', async () => {
    server.inject(
      'GET /subscriptions',
      Array.from({ length: 3 }, () => ({
        kind: 'status' as const,
        status: 429,
        headers: { 'retry-after-ms': '1' },
        body: armError('TooManyRequests', 'Subscription read limit reached.'),
      })),
    );
    const error = await failure(
      transport({ maxRetries: 2 }).request({ method: 'GET', path: jobPath(WORKSPACE, 'a') }),
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect(isRateLimitError(error)).toBe(true);
    expect(server.requests).toHaveLength(3);
    const e = asInstance(error, RateLimitError);
    expect(e.status).toBe(429);
    expect(e.error?.code).toBe('TooManyRequests');
    expect(e.requestId).toMatch(/^srv-/);
    expect(e.message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/subscriptions\/.+\/jobs\/a failed with 429 Too Many Requests: TooManyRequests: Subscription read limit reached\. \(request id srv-[0-9a-f]+\)$/,
    );
  });

  it('does not retry a POST (not idempotent) on 503', async () => {
    server.inject('POST /subscriptions', [
      { kind: 'status', status: 503, body: armError('ServiceError', 'down') },
    ]);
    const error = await failure(
      transport().request({ method: 'POST', path: jobCancelPath(WORKSPACE, 'a') }),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
    expect(retries).toHaveLength(0);
  });

  it('does retry a connection reset and succeed on the next attempt', async () => {
    server.inject('GET /subscriptions', [{ kind: 'reset' }]);
    const response = await transport().request({ method: 'GET', path: jobPath(WORKSPACE, 'a') });
    expect(response.status).toBe(200);
    expect(retries).toHaveLength(1);
    expect(retries[0]?.error).toBeInstanceOf(ConnectionError);
  });

  it('does surface repeated resets as ConnectionError after the retries', async () => {
    server.inject('GET /subscriptions', [{ kind: 'reset' }, { kind: 'reset' }]);
    const error = await failure(
      transport({ maxRetries: 1 }).request({ method: 'GET', path: jobPath(WORKSPACE, 'a') }),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/.+\/jobs\/a failed: expected an HTTP response, but the connection failed or was lost/,
    );
    expect(asInstance(error, ConnectionError).status).toBeUndefined();
    expect(server.requests).toHaveLength(2);
  });

  it('does time out a response slower than timeoutMs, retry, and report RequestTimeoutError', async () => {
    server.inject('GET /subscriptions', [
      { kind: 'slow', delayMs: 1_500 },
      { kind: 'slow', delayMs: 1_500 },
    ]);
    const error = await failure(
      transport({ timeoutMs: 100, maxRetries: 1 }).request({
        method: 'GET',
        path: jobPath(WORKSPACE, 'a'),
      }),
    );
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(asInstance(error, RequestTimeoutError).timeoutMs).toBe(100);
    expect(error.message).toContain(
      'timed out: expected a complete response within 100 ms, received none',
    );
    expect(server.requests).toHaveLength(2);
  });

  it('does abort on the caller signal without retrying', async () => {
    server.inject('GET /subscriptions', [{ kind: 'slow', delayMs: 1_500 }]);
    const controller = new AbortController();
    const pending = transport().request({
      method: 'GET',
      path: jobPath(WORKSPACE, 'a'),
      signal: controller.signal,
    });
    setTimeout(() => {
      controller.abort(new Error('user pressed ctrl-c'));
    }, 50);
    const error = await failure(pending);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(error.message).toMatch(/was aborted by the caller's signal/);
    expect(retries).toHaveLength(0);
  });

  it('does reject malformed JSON with an excerpt and no retry', async () => {
    server.inject('GET /subscriptions', [{ kind: 'malformed' }]);
    const error = await failure(transport().request({ method: 'GET', path: jobsPath(WORKSPACE) }));
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.message).toContain('returned 200 with a body that is not valid JSON');
    expect(error.message).toContain('received "{\\"value\\": [ {\\"name\\": \\"job-1\\", "');
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [400, BadRequestError, 'UserError'],
    [403, PermissionDeniedError, 'AuthorizationFailed'],
    [404, NotFoundError, 'ParentResourceNotFound'],
    [409, ConflictError, 'UserError'],
  ] as const)('does map %i to its error class without retrying', async (status, Class, code) => {
    server.inject('PUT /subscriptions', [
      { kind: 'status', status, body: armError(code, `failure ${status}`) },
    ]);
    const error = await failure(
      transport().request({
        method: 'PUT',
        path: jobPath(WORKSPACE, 'x'),
        body: { properties: {} },
      }),
    );
    expect(error).toBeInstanceOf(Class);
    expect(isHttpError(error)).toBe(true);
    expect(asInstance(error, HttpError).error?.additionalInfo?.[0]?.type).toBe('ComponentName');
    expect(error.message).toContain(`/jobs/x failed with ${status} `);
    expect(error.message).toContain(`: ${code}: failure ${status} (request id srv-`);
    expect(server.requests).toHaveLength(1);
  });

  it('does map 401 to AuthenticationError when the token is wrong, and redact it', async () => {
    const unauthorized = {
      kind: 'status',
      status: 401,
      headers: { authorization: `Bearer ${TOKEN}`, 'set-cookie': `session=${TOKEN}` },
      body: armError('InvalidAuthenticationToken', 'The access token is invalid.'),
    } as const;
    server.inject('GET /subscriptions', [unauthorized, unauthorized]);
    const error = await failure(
      transport().request({ method: 'GET', path: `${jobPath(WORKSPACE, 'a')}?sig=${TOKEN}` }),
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(isAuthenticationError(error)).toBe(true);
    const e = asInstance(error, AuthenticationError);
    expect(e.headers.authorization).toBe('<redacted>');
    expect(e.headers['set-cookie']).toBe('<redacted>');
    expect(e.url).toContain('sig=%3Credacted%3E');
    expectNoSecret(error);
  });

  it('does keep ARM-less error bodies as a truncated excerpt', async () => {
    server.inject('GET /subscriptions', [
      { kind: 'status', status: 418, body: `<html>${'x'.repeat(500)}</html>` },
    ]);
    const error = await failure(
      transport().request({ method: 'GET', path: jobPath(WORKSPACE, 'a') }),
    );
    expect(error.constructor).toBe(HttpError);
    expect(error.message).toContain(
      'failed with 418 Unknown Status: expected an ARM error body, received "<html>xxx',
    );
    expect(error.message).toContain('more characters)');
    expect(error.message.length).toBeLessThan(600);
  });

  it('does turn a throwing credential into CredentialError before any request', async () => {
    const credential: TokenCredential = {
      getToken: () => Promise.reject(new Error('AADSTS70043: refresh token expired')),
    };
    const error = await failure(
      transport({ credential }).request({ method: 'GET', path: jobPath(WORKSPACE, 'a') }),
    );
    expect(error).toBeInstanceOf(CredentialError);
    expect(isCredentialError(error)).toBe(true);
    expect(error.message).toContain('https://management.azure.com/.default');
    expect(error.message).toContain('AADSTS70043');
    expect((error.cause as Error).message).toContain('AADSTS70043');
    expect(server.requests).toHaveLength(0);
  });

  it('does refresh a short-lived token on every request during a long wait', async () => {
    let calls = 0;
    const credential: TokenCredential = {
      getToken: () => {
        calls += 1;
        return Promise.resolve({ token: TOKEN, expiresOnTimestamp: Date.now() + 60_000 });
      },
    };
    const t = transport({ credential });
    await t.request({ method: 'GET', path: jobPath(WORKSPACE, 'a') });
    await t.request({ method: 'GET', path: jobPath(WORKSPACE, 'b') });
    expect(calls).toBe(2);
    const longLived = transport();
    await longLived.request({ method: 'GET', path: jobPath(WORKSPACE, 'a') });
    expect(server.requests).toHaveLength(3);
  });

  it('does retry a 401 once with a fresh token, then give up with AuthenticationError', async () => {
    const tokens = ['revoked-token', TOKEN];
    let calls = 0;
    const credential: TokenCredential = {
      getToken: () => {
        calls += 1;
        return Promise.resolve({
          token: tokens.shift() ?? 'x',
          expiresOnTimestamp: Date.now() + 3_600_000,
        });
      },
    };
    const t = transport({ credential });
    const response = await t.request({ method: 'POST', path: jobCancelPath(WORKSPACE, 'a') });
    expect(response.status).toBe(202);
    expect(calls).toBe(2);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer revoked-token',
      `Bearer ${TOKEN}`,
    ]);
    server.requests.length = 0;
    const wrong = transport({ credential: createStaticTokenCredential('wrong-token') });
    const error = await failure(wrong.request({ method: 'GET', path: jobPath(WORKSPACE, 'a') }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toContain('failed with 401 Unauthorized: AuthenticationFailed');
    expect(server.requests).toHaveLength(2);
    expect(retries).toHaveLength(0);
  });

  it('does refuse an absolute url on another origin before sending', async () => {
    const error = await failure(
      transport().request({ method: 'GET', url: 'https://attacker.example/collect?api-version=1' }),
    );
    expect(error).toBeInstanceOf(UntrustedUrlError);
    expect(server.requests).toHaveLength(0);
  });
});
