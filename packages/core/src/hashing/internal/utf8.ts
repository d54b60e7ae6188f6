const encoder = new TextEncoder();

/**
 * UTF-8 bytes of a string, or the bytes themselves.
 *
 * Lone surrogates become U+FFFD (the WHATWG encoder's rule); Python would raise instead.
 */
export function toBytes(input: string | Uint8Array): Uint8Array {
  return typeof input === 'string' ? encoder.encode(input) : input;
}

/** Lowercase hex of a byte array. */
export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    out += byte.toString(16).padStart(2, '0');
  }
  return out;
}
