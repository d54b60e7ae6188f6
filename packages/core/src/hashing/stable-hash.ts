import { sha256Hex } from './sha256.js';

/**
 * The resolver's `stable_hash(s)`: the first 32 lowercase hex characters of SHA-256 over the
 * UTF-8 bytes of `s`. It names code assets (`WS/codes/<hash>/versions/1`) and local-upload
 * folders (`LocalUpload/<hash>/…`).
 *
 * @example
 * ```ts
 * stableHash('src'); // '25a6634263c1b1f6fc4697a04e2b9904'
 * ```
 */
export function stableHash(s: string): string {
  return sha256Hex(s).slice(0, 32);
}
