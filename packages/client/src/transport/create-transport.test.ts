import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InternalServerError, RequestAbortedError } from '../errors/http-error.js';
import { createTransport } from './create-transport.js';

// The injected fetch here only injects faults (a 503 sequence) so that fake
// timers can drive the backoff scheduler; the real-socket behaviour is covered
// by test/transport.test.ts against a loopback server.
function faultyFetch(statuses: number[], headers: Record<string, string> = {}) {
  const calls: string[] = [];
  const fetch = (input: string | URL | Request): Promise<Response> => {
    calls.push(input instanceof Request ? input.url : input.toString());
    const status = statuses.shift() ?? 200;
    return Promise.resolve(
      new Response(
        status === 200 ? '{"ok":true}' : '{"error":{"code":"ServiceError","message":"busy"}}',
        {
          status,
          headers: { 'content-type': 'application/json', ...headers },
        },
      ),
    );
  };
  return { fetch: fetch, calls };
}

describe('createTransport retry scheduling', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('does wait the jittered exponential backoff before each retry', async () => {
    const { fetch, calls } = faultyFetch([503, 503, 503]);
    const transport = createTransport({
      baseUrl: 'https://management.azure.com',
      fetch,
      retryBaseDelayMs: 100,
      retryMaxDelayMs: 10_000,
      random: () => 0.5,
    });
    const pending = transport.request({ method: 'GET', path: '/x' });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    // retry 1: 0.5 * 100 = 50 ms
    await vi.advanceTimersByTimeAsync(49);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    // retry 2: 0.5 * 200 = 100 ms
    await vi.advanceTimersByTimeAsync(99);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    // retry 3: 0.5 * 400 = 200 ms
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toHaveLength(4);
    await expect(pending).resolves.toMatchObject({ status: 200, body: { ok: true } });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does wait Retry-After seconds instead of the backoff', async () => {
    const { fetch, calls } = faultyFetch([429], { 'retry-after': '7' });
    const transport = createTransport({
      baseUrl: 'https://management.azure.com',
      fetch,
      random: () => 0,
    });
    const pending = transport.request({ method: 'GET', path: '/x' });
    await vi.advanceTimersByTimeAsync(6_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await expect(pending).resolves.toMatchObject({ status: 200 });
  });

  it('does stop after maxRetries + 1 attempts and throw the last error', async () => {
    const { fetch, calls } = faultyFetch([500, 500, 500, 500, 500]);
    const transport = createTransport({
      baseUrl: 'https://h.example',
      fetch,
      maxRetries: 2,
      random: () => 0,
    });
    const pending = transport.request({ method: 'DELETE', path: '/x' });
    const assertion = expect(pending).rejects.toBeInstanceOf(InternalServerError);
    await vi.runAllTimersAsync();
    await assertion;
    expect(calls).toHaveLength(3);
  });

  it('does abort during the backoff wait without leaving a timer', async () => {
    const { fetch, calls } = faultyFetch([503]);
    const transport = createTransport({
      baseUrl: 'https://h.example',
      fetch,
      retryBaseDelayMs: 1_000,
      random: () => 0.9,
    });
    const controller = new AbortController();
    const pending = transport.request({ method: 'GET', path: '/x', signal: controller.signal });
    const assertion = expect(pending).rejects.toBeInstanceOf(RequestAbortedError);
    await vi.advanceTimersByTimeAsync(10);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    await assertion;
    expect(calls).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('createTransport', () => {
  it('does reject bad options with TypeError/RangeError', () => {
    expect(() => createTransport({ baseUrl: 'not a url' })).toThrow(TypeError);
    expect(() => createTransport({ baseUrl: 'ftp://x' })).toThrow(
      /expected baseUrl to use http: or https:/,
    );
    expect(() => createTransport({ baseUrl: 'https://x?y=1' })).toThrow(/without query/);
    expect(() => createTransport({ baseUrl: 'https://x', maxRetries: -1 })).toThrow(RangeError);
    expect(() => createTransport({ baseUrl: 'https://x', timeoutMs: 0 })).toThrow(
      /timeoutMs to be a finite number > 0/,
    );
  });

  it('does join paths under a base path and keep an explicit api-version', async () => {
    const { fetch, calls } = faultyFetch([]);
    const transport = createTransport({
      baseUrl: 'http://127.0.0.1:9/prefix/',
      fetch,
      apiVersion: '2024-04-01',
    });
    await transport.request({ method: 'GET', path: '/a', query: { tag: 'x y', skip: undefined } });
    await transport.request({ method: 'GET', path: '/b', query: { 'api-version': '2022-10-01' } });
    expect(calls).toEqual([
      'http://127.0.0.1:9/prefix/a?tag=x+y&api-version=2024-04-01',
      'http://127.0.0.1:9/prefix/b?api-version=2022-10-01',
    ]);
  });

  it('does require exactly one of path and url', async () => {
    const transport = createTransport({
      baseUrl: 'https://h.example',
      fetch: faultyFetch([]).fetch,
    });
    await expect(transport.request({ method: 'GET' })).rejects.toThrow(
      /exactly one of path or url, received neither/,
    );
    await expect(transport.request({ method: 'GET', path: 'x' })).rejects.toThrow(
      /start with "\/"/,
    );
  });

  it('does trust extra allowed hosts and derive a new transport with withOptions', () => {
    const transport = createTransport({
      baseUrl: 'https://management.azure.com',
      allowedHosts: ['eastus.api.azureml.ms', 'http://127.0.0.1:8080'],
    });
    expect(transport.isTrustedUrl('https://eastus.api.azureml.ms/history/v1.0/x')).toBe(true);
    expect(transport.isTrustedUrl('http://eastus.api.azureml.ms/x')).toBe(false);
    expect(transport.isTrustedUrl('http://127.0.0.1:8080/x')).toBe(true);
    expect(transport.isTrustedUrl('https://evil.example/x')).toBe(false);
    const derived = transport.withOptions({ apiVersion: '2026-07-01' });
    expect(derived.apiVersion).toBe('2026-07-01');
    expect(transport.apiVersion).toBe('2025-12-01');
  });

  it('does report RequestAbortedError, not CredentialError, when aborted while fetching a token', async () => {
    const controller = new AbortController();
    const transport = createTransport({
      baseUrl: 'https://h.example',
      fetch: faultyFetch([]).fetch,
      credential: {
        getToken: (_scopes, options) =>
          new Promise((_resolve, reject) => {
            options?.abortSignal?.addEventListener('abort', () => {
              reject(new Error('token request aborted'));
            });
          }),
      },
    });
    const pending = transport.request({ method: 'GET', path: '/x', signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(RequestAbortedError);
  });

  it('does return the text body and the raw response on request', async () => {
    const fetch = (() =>
      Promise.resolve(new Response('line 1\nline 2', { status: 200 }))) as typeof globalThis.fetch;
    const transport = createTransport({ baseUrl: 'https://h.example', fetch });
    const response = await transport.request({
      method: 'GET',
      path: '/log',
      responseType: 'text',
      raw: true,
    });
    expect(response.body).toBe('line 1\nline 2');
    expect(await response.raw?.text()).toBe('line 1\nline 2');
  });
});
