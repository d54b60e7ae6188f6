/** The `sessionStorage` key of the service token. */
export const TOKEN_STORAGE_KEY = 'amlkit.studio.token';

const TOKEN = /^[A-Za-z0-9._~+/=-]{16,512}$/;

/** The part of `Storage` the page uses. */
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * Reads `token=<token>` from a URL fragment (`#token=…`, possibly with other `&`-separated
 * pairs). The fragment never reaches a server, so the token is not logged anywhere.
 */
export function parseTokenFromHash(hash: string): string | undefined {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('token')?.trim();
  return token !== undefined && TOKEN.test(token) ? token : undefined;
}

/** The fragment without its `token` pair (`''` when nothing else was in it). */
export function hashWithoutToken(hash: string): string {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  params.delete('token');
  const rest = params.toString();
  return rest === '' ? '' : `#${rest}`;
}

/**
 * The token of this browser session: from the URL fragment when present (then stored in
 * `storage` for the session), else from `storage`.
 */
export function takeSessionToken(hash: string, storage: TokenStorage): string | undefined {
  const fromHash = parseTokenFromHash(hash);
  if (fromHash !== undefined) {
    storage.setItem(TOKEN_STORAGE_KEY, fromHash);
    return fromHash;
  }
  const stored = storage.getItem(TOKEN_STORAGE_KEY);
  return stored !== null && TOKEN.test(stored) ? stored : undefined;
}
