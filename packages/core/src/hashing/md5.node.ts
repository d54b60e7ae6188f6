/**
 * Node-only (imports `node:crypto`): keep it out of browser bundles. Not re-exported from
 * `./index.ts` for that reason.
 *
 * The same digests as `md5Hex`/`createMd5` in `./md5.ts` (MD5 of the UTF-8 bytes of a string,
 * lowercase hex) from Node's OpenSSL, which is about ten times faster on the short strings the
 * anonymous-asset hashes feed it. The loader (Node) injects these; browsers keep the pure-JS ones.
 */
import { createHash, hash } from 'node:crypto';

import type { Md5 } from './md5.js';

/**
 * MD5 of `input` (a string is hashed as its UTF-8 bytes) as 32 lowercase hex characters, with
 * `node:crypto`. Same result as the pure-JS `md5Hex`.
 *
 * @example
 * ```ts
 * md5HexNode(''); // 'd41d8cd98f00b204e9800998ecf8427e'
 * ```
 */
export function md5HexNode(input: string | Uint8Array): string {
  return hash('md5', input, 'hex');
}

/**
 * An incremental MD5 with `node:crypto` (the folder walk of `buildContextUploadHash`); the same
 * contract as the pure-JS `createMd5`: strings are fed as UTF-8, and the object is spent after
 * `digestHex()`.
 */
export function createMd5Node(): Md5 {
  const state = createHash('md5');
  let done = false;
  const md5: Md5 = {
    update(input) {
      if (done) {
        throw new TypeError(
          'md5: update() failed: expected an unfinished hash, received one that digestHex() already finished',
        );
      }
      state.update(input);
      return md5;
    },
    digestHex() {
      if (done) {
        throw new TypeError(
          'md5: digestHex() failed: expected an unfinished hash, received one that digestHex() already finished',
        );
      }
      done = true;
      return state.digest('hex');
    },
  };
  return md5;
}
