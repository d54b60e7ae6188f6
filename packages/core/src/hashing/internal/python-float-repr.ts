/**
 * Python's `repr(float)`: the shortest digits that round-trip, written in fixed notation when
 * the decimal exponent is in [-4, 16) and in scientific notation (`1e-05`, `1.5e+16`) otherwise;
 * `inf`, `-inf`, `nan`; fixed notation always has a fractional part (`1.0`).
 */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  // toExponential() without an argument gives the shortest round-tripping digits.
  const [mantissa = '', exponentText = '0'] = x.toExponential().split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const exponent = Number(exponentText);
  const sign = negative ? '-' : '';
  if (exponent >= -4 && exponent < 16) {
    if (exponent >= 0) {
      const intPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
      const fraction = digits.slice(exponent + 1);
      return `${sign}${intPart}.${fraction === '' ? '0' : fraction}`;
    }
    return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  }
  const head = digits.length > 1 ? `${digits[0]!}.${digits.slice(1)}` : digits;
  const absExponent = String(Math.abs(exponent)).padStart(2, '0');
  return `${sign}${head}e${exponent < 0 ? '-' : '+'}${absExponent}`;
}

/** Python's `repr(int)` for a JS integer number or bigint (no exponent, no precision loss in printing). */
export function pythonIntRepr(x: number | bigint): string {
  return BigInt(x).toString();
}
