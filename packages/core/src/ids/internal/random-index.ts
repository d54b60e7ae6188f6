/** Fills a typed array with random values (the `crypto.getRandomValues` signature). */
export type RandomValuesSource = <T extends Uint32Array>(array: T) => T;

const RANGE = 2 ** 32;

/**
 * Returns an integer uniformly drawn from `[0, size)` using 32-bit random words and
 * rejection sampling, so no index is more likely than another (no modulo bias).
 */
export function randomIndex(size: number, getRandomValues: RandomValuesSource): number {
  if (!Number.isInteger(size) || size <= 0 || size > RANGE) {
    throw new RangeError(`randomIndex: expected a size in 1..2^32, received ${size}`);
  }
  // The largest multiple of `size` that fits in 32 bits; words at or above it are redrawn.
  const limit = RANGE - (RANGE % size);
  const word = new Uint32Array(1);
  for (;;) {
    getRandomValues(word);
    const value = word[0]!;
    if (value < limit) return value % size;
  }
}
