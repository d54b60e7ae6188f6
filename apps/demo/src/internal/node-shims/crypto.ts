/**
 * A browser stand-in for `node:crypto`: MD5 only (the digest `@amlkit/core` names anonymous
 * environments with), computed by core's own pure-JS `md5Hex`.
 */
import { md5Hex } from '@amlkit/core';

function unsupported(algorithm: string): Error {
  return new TypeError(
    `crypto (studio page): expected the 'md5' algorithm, received '${algorithm}'`,
  );
}

/** `hash('md5', input, 'hex')`. */
export function hash(algorithm: string, input: string | Uint8Array): string {
  if (algorithm !== 'md5') throw unsupported(algorithm);
  return md5Hex(input);
}

/** `createHash('md5')` with `update` and `digest('hex')`. */
export function createHash(algorithm: string): {
  update(input: string | Uint8Array): unknown;
  digest(): string;
} {
  if (algorithm !== 'md5') throw unsupported(algorithm);
  const chunks: Uint8Array[] = [];
  const encoder = new TextEncoder();
  const state = {
    update(input: string | Uint8Array) {
      chunks.push(typeof input === 'string' ? encoder.encode(input) : input);
      return state;
    },
    digest: (): string => {
      const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const chunk of chunks) {
        all.set(chunk, at);
        at += chunk.length;
      }
      return md5Hex(all);
    },
  };
  return state;
}

export default { hash, createHash };
