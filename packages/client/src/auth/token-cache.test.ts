import { describe, expect, it } from 'vitest';
import { CredentialError, isCredentialError } from '../errors/credential-error.js';
import { createTokenCache } from './token-cache.js';
import type { AccessToken, TokenCredential } from './token-credential.js';

const MINUTE = 60_000;

function counting(
  make: (n: number) => Promise<AccessToken | null>,
): TokenCredential & { calls: number; scopes: unknown[] } {
  const credential = {
    calls: 0,
    scopes: [] as unknown[],
    getToken(scopes: string | string[]) {
      credential.calls += 1;
      credential.scopes.push(scopes);
      return make(credential.calls);
    },
  };
  return credential;
}

describe('createTokenCache', () => {
  it('does reuse a token until it is within the refresh window', async () => {
    let now = 0;
    const credential = counting((n) =>
      Promise.resolve({ token: `t${n}`, expiresOnTimestamp: now + 60 * MINUTE }),
    );
    const cache = createTokenCache(credential, { scopes: ['s/.default'], now: () => now });
    expect(await cache.getToken()).toBe('t1');
    now = 54 * MINUTE;
    expect(await cache.getToken()).toBe('t1');
    now = 55 * MINUTE; // 5 minutes before expiry
    expect(await cache.getToken()).toBe('t2');
    expect(credential.calls).toBe(2);
    expect(credential.scopes[0]).toEqual(['s/.default']);
  });

  it('does honour refreshAfterTimestamp and a custom window', async () => {
    let now = 0;
    const credential = counting((n) =>
      Promise.resolve({
        token: `t${n}`,
        expiresOnTimestamp: now + 60 * MINUTE,
        refreshAfterTimestamp: now + 10 * MINUTE,
      }),
    );
    const cache = createTokenCache(credential, {
      scopes: ['s'],
      now: () => now,
      refreshWindowMs: 0,
    });
    await cache.getToken();
    now = 10 * MINUTE;
    expect(await cache.getToken()).toBe('t2');
  });

  it('does share one refresh among concurrent callers', async () => {
    let release: (t: AccessToken) => void = () => undefined;
    const credential = counting(() => new Promise<AccessToken>((resolve) => (release = resolve)));
    const cache = createTokenCache(credential, { scopes: ['s'] });
    const all = Promise.all([cache.getToken(), cache.getToken(), cache.getToken()]);
    release({ token: 'shared', expiresOnTimestamp: Date.now() + 3_600_000 });
    expect(await all).toEqual(['shared', 'shared', 'shared']);
    expect(credential.calls).toBe(1);
  });

  it('does let one caller abort without failing the others sharing the refresh', async () => {
    let release: (t: AccessToken) => void = () => undefined;
    const credential = counting(() => new Promise<AccessToken>((resolve) => (release = resolve)));
    const cache = createTokenCache(credential, { scopes: ['s'] });
    const controller = new AbortController();
    const aborted = cache.getToken({ signal: controller.signal });
    const patient = cache.getToken();
    controller.abort(new Error('caller gave up'));
    await expect(aborted).rejects.toThrow('caller gave up');
    release({ token: 'late', expiresOnTimestamp: Date.now() + 3_600_000 });
    expect(await patient).toBe('late');
    expect(credential.calls).toBe(1);
  });

  it('does wrap a throwing credential in CredentialError with the cause', async () => {
    const cause = new Error('ManagedIdentityCredential: no endpoint');
    const cache = createTokenCache(
      { getToken: () => Promise.reject(cause) },
      { scopes: ['https://management.azure.com/.default'] },
    );
    const error = await cache.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialError);
    expect(isCredentialError(error)).toBe(true);
    expect((error as CredentialError).cause).toBe(cause);
    expect((error as Error).message).toBe(
      'Getting an access token for https://management.azure.com/.default failed: expected the credential to return { token, expiresOnTimestamp }, but it threw: Error: ManagedIdentityCredential: no endpoint',
    );
  });

  it('does reject null and malformed tokens', async () => {
    const nullCache = createTokenCache(
      { getToken: () => Promise.resolve(null) },
      { scopes: ['s'] },
    );
    await expect(nullCache.getToken()).rejects.toThrow(/but it returned null/);
    const bad = createTokenCache(
      { getToken: () => Promise.resolve({ token: '', expiresOnTimestamp: 1 }) },
      { scopes: ['s'] },
    );
    await expect(bad.getToken()).rejects.toThrow(/without a non-empty token string/);
  });

  it('does keep using a still-valid token when a refresh fails, but not an expired one', async () => {
    let now = 0;
    const credential = counting((n) =>
      n === 1
        ? Promise.resolve({ token: 't1', expiresOnTimestamp: 10 * MINUTE })
        : Promise.reject(new Error('offline')),
    );
    const cache = createTokenCache(credential, { scopes: ['s'], now: () => now });
    await cache.getToken();
    now = 8 * MINUTE;
    expect(await cache.getToken()).toBe('t1');
    now = 10 * MINUTE;
    await expect(cache.getToken()).rejects.toBeInstanceOf(CredentialError);
  });

  it('does refetch on forceRefresh and after clear()', async () => {
    const credential = counting((n) =>
      Promise.resolve({ token: `t${n}`, expiresOnTimestamp: Date.now() + 3_600_000 }),
    );
    const cache = createTokenCache(credential, { scopes: ['s'] });
    await cache.getToken();
    expect(await cache.getToken({ forceRefresh: true })).toBe('t2');
    cache.clear();
    expect(await cache.getToken()).toBe('t3');
  });
});
