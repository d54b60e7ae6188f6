import { bytesToHex, toBytes } from './internal/utf8.js';

/** An incremental MD5 computation, created by {@link createMd5}. */
export interface Md5 {
  /** Feeds more input (a string is fed as its UTF-8 bytes); returns the same object for chaining. */
  update(input: string | Uint8Array): Md5;
  /**
   * Finishes the computation and returns the 32-character lowercase hex digest.
   * After this call the object is spent: `update` and `digestHex` throw.
   */
  digestHex(): string;
}

// Per-round left-rotation amounts (RFC 1321, section 3.4).
const SHIFTS = [
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14,
  20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6,
  10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
] as const;

// K[i] = floor(abs(sin(i + 1)) * 2^32).
const K = Uint32Array.from({ length: 64 }, (_, i) =>
  Math.floor(Math.abs(Math.sin(i + 1)) * 0x100000000),
);

const BLOCK_BYTES = 64;

class Md5State implements Md5 {
  #a = 0x67452301;
  #b = 0xefcdab89;
  #c = 0x98badcfe;
  #d = 0x10325476;
  readonly #block = new Uint8Array(BLOCK_BYTES);
  readonly #words = new Uint32Array(16);
  #blockLength = 0;
  #totalBytes = 0;
  #done = false;

  update(input: string | Uint8Array): Md5 {
    if (this.#done) {
      throw new TypeError(
        'md5: update() failed: expected an unfinished hash, received one that digestHex() already finished',
      );
    }
    const bytes = toBytes(input);
    this.#totalBytes += bytes.length;
    let offset = 0;
    while (offset < bytes.length) {
      const take = Math.min(BLOCK_BYTES - this.#blockLength, bytes.length - offset);
      this.#block.set(bytes.subarray(offset, offset + take), this.#blockLength);
      this.#blockLength += take;
      offset += take;
      if (this.#blockLength === BLOCK_BYTES) {
        this.#compress();
        this.#blockLength = 0;
      }
    }
    return this;
  }

  digestHex(): string {
    if (this.#done) {
      throw new TypeError(
        'md5: digestHex() failed: expected an unfinished hash, received one that digestHex() already finished',
      );
    }
    const bitLength = this.#totalBytes * 8;
    const padLength = this.#blockLength < 56 ? 56 - this.#blockLength : 120 - this.#blockLength;
    const tail = new Uint8Array(padLength + 8);
    tail[0] = 0x80;
    const view = new DataView(tail.buffer);
    // 64-bit little-endian bit count; JS numbers hold it exactly below 2^53 bits.
    view.setUint32(padLength, bitLength >>> 0, true);
    view.setUint32(padLength + 4, Math.floor(bitLength / 0x100000000), true);
    const total = this.#totalBytes;
    this.update(tail);
    this.#totalBytes = total;
    this.#done = true;
    const out = new Uint8Array(16);
    const outView = new DataView(out.buffer);
    outView.setUint32(0, this.#a, true);
    outView.setUint32(4, this.#b, true);
    outView.setUint32(8, this.#c, true);
    outView.setUint32(12, this.#d, true);
    return bytesToHex(out);
  }

  #compress(): void {
    const block = this.#block;
    const words = this.#words;
    for (let i = 0; i < 16; i++) {
      const j = i * 4;
      words[i] =
        (block[j]! | (block[j + 1]! << 8) | (block[j + 2]! << 16) | (block[j + 3]! << 24)) >>> 0;
    }
    let a = this.#a;
    let b = this.#b;
    let c = this.#c;
    let d = this.#d;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) % 16;
      }
      const sum = (a + f + K[i]! + words[g]!) >>> 0;
      const shift = SHIFTS[i]!;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << shift) | (sum >>> (32 - shift)))) >>> 0;
    }
    this.#a = (this.#a + a) >>> 0;
    this.#b = (this.#b + b) >>> 0;
    this.#c = (this.#c + c) >>> 0;
    this.#d = (this.#d + d) >>> 0;
  }
}

/**
 * Starts an incremental MD5 hash (pure JavaScript, synchronous, works in Node and browsers).
 *
 * @example
 * ```ts
 * const md5 = createMd5();
 * md5.update('Initialize for october 2021 AML CLI version').update(new Uint8Array([1, 2]));
 * md5.digestHex(); // 32 lowercase hex characters
 * ```
 */
export function createMd5(): Md5 {
  return new Md5State();
}

/**
 * Lowercase hex MD5 of a string's UTF-8 bytes or of raw bytes, like Python's
 * `hashlib.md5(s.encode()).hexdigest()`.
 *
 * @example
 * ```ts
 * md5Hex('library/python:latest');
 * ```
 */
export function md5Hex(input: string | Uint8Array): string {
  return createMd5().update(input).digestHex();
}
