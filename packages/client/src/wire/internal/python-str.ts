import { pythonJsonDumps } from '@amlkit/core';

/**
 * Python `str(value)` of a literal input value, as the SDK sends it (`10` → `"10"`, `True` →
 * `"True"`, `0.1` → `"0.1"`, `1e-05` → `"1e-05"`). Integral JS numbers are Python ints.
 */
export function pythonStr(value: string | number | boolean): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Number.isInteger(value)) return pythonJsonDumps(value);
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return pythonJsonDumps(value);
}
