import { CredentialError } from '../errors/credential-error.js';
import type { AccessToken, TokenCredential } from './token-credential.js';

/** Options of {@link createTokenCache}. */
export interface TokenCacheOptions {
  /** The scopes to request. */
  readonly scopes: readonly string[];
  /**
   * Refresh a token this long before it expires, so a long wait never sends an expired one.
   * @default 300_000 (5 minutes)
   */
  readonly refreshWindowMs?: number;
  /**
   * The clock, in milliseconds since the epoch (injectable for tests).
   * @default Date.now
   */
  readonly now?: () => number;
}

/** Options of {@link TokenCache.getToken}. */
export interface TokenCacheGetOptions {
  /** Stops this caller waiting for the token (a shared refresh carries on for the others). */
  readonly signal?: AbortSignal | undefined;
  /** Ignore the cached token (e.g. after a 401). */
  readonly forceRefresh?: boolean | undefined;
}

/** A cached, self-refreshing view of a {@link TokenCredential} for one set of scopes. */
export interface TokenCache {
  /**
   * The current token: the cached one while it is outside the refresh window,
   * else a fresh one. Concurrent calls share a single refresh.
   * @throws CredentialError when the credential throws or returns no token and no valid cached token remains.
   */
  getToken(options?: TokenCacheGetOptions): Promise<string>;
  /** Forgets the cached token. */
  clear(): void;
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => {
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
  const cleanup = (): void => {
    signal.removeEventListener('abort', onAbort);
  };
  promise.then(cleanup, cleanup);
  return Promise.race([promise, aborted]);
}

function validate(token: AccessToken | null, scopes: readonly string[]): AccessToken {
  if (token === null || typeof token !== 'object') {
    throw new CredentialError({
      scopes,
      reason: `returned ${token === null ? 'null' : typeof token}`,
    });
  }
  if (typeof token.token !== 'string' || token.token === '') {
    throw new CredentialError({
      scopes,
      reason: 'returned an object without a non-empty token string',
    });
  }
  if (typeof token.expiresOnTimestamp !== 'number' || Number.isNaN(token.expiresOnTimestamp)) {
    throw new CredentialError({
      scopes,
      reason: 'returned an object without a numeric expiresOnTimestamp',
    });
  }
  return token;
}

/**
 * Wraps a credential with a cache that refreshes the token when it is within
 * `refreshWindowMs` of expiry (or past `refreshAfterTimestamp`) and
 * de-duplicates concurrent refreshes. When a refresh fails but the cached
 * token has not expired yet, the cached token is used.
 *
 * @example
 * const cache = createTokenCache(credential, { scopes: [AZURE_MANAGEMENT_SCOPE] });
 * const bearer = await cache.getToken();
 */
export function createTokenCache(
  credential: TokenCredential,
  options: TokenCacheOptions,
): TokenCache {
  const scopes = [...options.scopes];
  const refreshWindowMs = options.refreshWindowMs ?? 300_000;
  const now = options.now ?? Date.now;
  if (!Number.isFinite(refreshWindowMs) || refreshWindowMs < 0) {
    throw new RangeError(
      `createTokenCache: expected refreshWindowMs to be a finite number >= 0, received ${refreshWindowMs}`,
    );
  }
  let cached: AccessToken | undefined;
  let inFlight: Promise<AccessToken> | undefined;

  const needsRefresh = (token: AccessToken): boolean => {
    const t = now();
    if (token.refreshAfterTimestamp !== undefined && t >= token.refreshAfterTimestamp) return true;
    return t >= token.expiresOnTimestamp - refreshWindowMs;
  };

  // The shared refresh is not tied to any one caller's signal, so one caller
  // aborting does not fail the others; each caller races it against its own signal.
  const refresh = (): Promise<AccessToken> => {
    if (inFlight !== undefined) return inFlight;
    const run = async (): Promise<AccessToken> => {
      let token: AccessToken | null;
      try {
        token = await credential.getToken(scopes, {});
      } catch (error) {
        throw new CredentialError({ scopes, reason: 'threw', cause: error });
      }
      const valid = validate(token, scopes);
      cached = valid;
      return valid;
    };
    const promise = run().finally(() => {
      if (inFlight === promise) inFlight = undefined;
    });
    inFlight = promise;
    return promise;
  };

  return {
    async getToken(getOptions: TokenCacheGetOptions = {}): Promise<string> {
      const current = cached;
      if (current !== undefined && getOptions.forceRefresh !== true && !needsRefresh(current)) {
        return current.token;
      }
      try {
        return (await raceAbort(refresh(), getOptions.signal)).token;
      } catch (error) {
        if (getOptions.signal?.aborted === true) throw error;
        if (
          current !== undefined &&
          getOptions.forceRefresh !== true &&
          now() < current.expiresOnTimestamp
        ) {
          return current.token;
        }
        throw error;
      }
    },
    clear(): void {
      cached = undefined;
    },
  };
}
