import type { AccessToken, TokenCredential } from './token-credential.js';

/** Options of {@link createStaticTokenCredential}. */
export interface StaticTokenCredentialOptions {
  /**
   * When the token expires, in milliseconds since the epoch.
   * @default Number.MAX_SAFE_INTEGER (never)
   */
  readonly expiresOnTimestamp?: number;
}

/**
 * A credential that always returns the same bearer token, for the embedded
 * local service (whose token lives in its data directory) and for tests.
 *
 * @param token - the bearer token, without the `Bearer ` prefix.
 * @throws TypeError when the token is not a non-empty string without whitespace.
 * @example
 * const credential = createStaticTokenCredential(await readFile(tokenPath, 'utf8'));
 */
export function createStaticTokenCredential(
  token: string,
  options: StaticTokenCredentialOptions = {},
): TokenCredential {
  if (typeof token !== 'string') {
    throw new TypeError(
      `createStaticTokenCredential: expected the token to be a string, received ${typeof token}`,
    );
  }
  const trimmed = token.trim();
  if (trimmed === '' || /\s/.test(trimmed)) {
    throw new TypeError(
      `createStaticTokenCredential: expected a non-empty token without whitespace, received ${trimmed === '' ? 'an empty string' : `a string of ${trimmed.length} characters containing whitespace`}`,
    );
  }
  const expiresOnTimestamp = options.expiresOnTimestamp ?? Number.MAX_SAFE_INTEGER;
  return {
    getToken(): Promise<AccessToken> {
      return Promise.resolve({ token: trimmed, expiresOnTimestamp, tokenType: 'Bearer' });
    },
  };
}
