/** Parallel `mini_batch_size`: a count of files, or a size such as `10kb` / `1MB` (converted to bytes). */

const SIZE_RE = /^\s*(\d+)\s*(kb|mb|gb)?\s*$/i;
const UNIT: Readonly<Record<string, number>> = { kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/**
 * Parses a mini-batch size into the decimal string the SDK keeps (`10kb` → `'10240'`, `5` → `'5'`).
 * Returns `undefined` when the value is not a non-negative integer with an optional kb/mb/gb unit.
 */
export function parseMiniBatchSize(value: string | number): string | undefined {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 0 ? String(value) : undefined;
  }
  const m = SIZE_RE.exec(value);
  if (m === null) return undefined;
  const count = BigInt(m[1]!);
  const unit = m[2] === undefined ? 1 : UNIT[m[2].toLowerCase()]!;
  return (count * BigInt(unit)).toString();
}
