/** Compares two strings by code point, as Python's `str` ordering does (UTF-16 order differs above U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca !== cb) {
      const pa = a.codePointAt(i)!;
      const pb = b.codePointAt(i)!;
      // A surrogate (astral code point) sorts after every BMP code point, including U+E000..U+FFFF.
      const ka = ca >= 0xd800 && ca <= 0xdfff ? pa : ca;
      const kb = cb >= 0xd800 && cb <= 0xdfff ? pb : cb;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    }
  }
  return a.length - b.length;
}
