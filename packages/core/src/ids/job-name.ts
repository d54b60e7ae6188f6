import { AssetReferenceError, AssetReferenceErrorCode } from './id-error.js';
import { randomIndex } from './internal/random-index.js';
import type { RandomValuesSource } from './internal/random-index.js';
import { quote } from './internal/quote.js';
import { ADJECTIVES, NOUNS } from './internal/word-lists.js';

/** The characters of the 10-character suffix of generated job names (no vowels). */
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxyz0123456789';
const SUFFIX_LENGTH = 10;

/**
 * The job names the service accepts on `PUT …/jobs/{name}`: a letter or digit, then up to
 * 254 letters, digits, `-` or `_`.
 */
export const JOB_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9\-_]{0,254}$/;

/** The shape of names made by {@link generateJobName} (and the Python SDK): `olden_deer_2xqthlj4m4`. */
export const GENERATED_JOB_NAME_PATTERN = /^[a-z]+_[a-z]+_[bcdfghj-np-tv-z0-9]{10}$/;

/** Options of {@link generateJobName}. */
export interface GenerateJobNameOptions {
  /**
   * The random source; must behave like `crypto.getRandomValues`. Inject one only for tests.
   * @default globalThis.crypto.getRandomValues
   */
  readonly getRandomValues?: RandomValuesSource;
}

/**
 * Generates a job name in the Python SDK's format, `<adjective>_<noun>_<10 characters from
 * bcdfghjklmnpqrstvwxyz0123456789>`, using the Web Crypto random source (Node and browsers)
 * and unbiased sampling. The word lists are the SDK's (94 adjectives, 371 nouns).
 *
 * @throws {TypeError} when no `crypto.getRandomValues` is available and none is injected.
 * @example
 * ```ts
 * generateJobName(); // e.g. 'olden_deer_2xqthlj4m4'
 * ```
 */
export function generateJobName(options: GenerateJobNameOptions = {}): string {
  const source = options.getRandomValues ?? defaultRandomValues();
  const adjective = ADJECTIVES[randomIndex(ADJECTIVES.length, source)]!;
  const noun = NOUNS[randomIndex(NOUNS.length, source)]!;
  let suffix = '';
  for (let i = 0; i < SUFFIX_LENGTH; i++) {
    suffix += SUFFIX_ALPHABET[randomIndex(SUFFIX_ALPHABET.length, source)]!;
  }
  return `${adjective}_${noun}_${suffix}`;
}

function defaultRandomValues(): RandomValuesSource {
  const webCrypto = (globalThis as { crypto?: { getRandomValues?: unknown } }).crypto;
  if (typeof webCrypto?.getRandomValues !== 'function') {
    throw new TypeError(
      'generateJobName: expected globalThis.crypto.getRandomValues (Web Crypto) to exist, received none; pass options.getRandomValues',
    );
  }
  return <T extends Uint32Array>(array: T): T =>
    (webCrypto as { getRandomValues: (a: T) => T }).getRandomValues(array);
}

/**
 * Tells whether `name` is a job name the service accepts ({@link JOB_NAME_PATTERN}).
 *
 * @example
 * ```ts
 * isValidJobName('olden_deer_2xqthlj4m4'); // true
 * isValidJobName('my.job');                // false
 * ```
 */
export function isValidJobName(name: unknown): name is string {
  return typeof name === 'string' && JOB_NAME_PATTERN.test(name);
}

/**
 * Throws unless `name` is a job name the service accepts, so a bad name is reported before
 * any network call.
 *
 * @throws {AssetReferenceError} with code `INVALID_JOB_NAME`.
 */
export function assertValidJobName(name: unknown): asserts name is string {
  if (isValidJobName(name)) return;
  const received = typeof name === 'string' ? quote(name) : typeof name;
  throw new AssetReferenceError(
    `Invalid job name: expected 1 to 255 characters, a letter or digit followed by letters, digits, '-' or '_', received ${received}`,
    {
      code: AssetReferenceErrorCode.InvalidJobName,
      input: typeof name === 'string' ? name : String(name),
    },
  );
}
