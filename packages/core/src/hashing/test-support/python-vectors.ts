import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { pyFloat, type PyValue } from '../py-float.js';

/** A value with the exact text CPython's `json.dumps` and PyYAML's `yaml.dump` wrote for it. */
export interface PythonVector {
  readonly value: PyValue;
  readonly yaml: string;
  readonly json: string;
}

const FLOATS: Readonly<Record<string, number>> = { nan: NaN, inf: Infinity, '-inf': -Infinity };

function decode(value: unknown): PyValue {
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const float = record.$float;
    if (typeof float === 'string') return pyFloat(FLOATS[float] ?? Number(float));
    return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, decode(item)]));
  }
  return value as PyValue;
}

/** Test helper: the vectors of `fixtures/python-vectors.json` (see `fixtures/generate-vectors.py`). */
export function loadPythonVectors(): readonly PythonVector[] {
  const file = fileURLToPath(new URL('../fixtures/python-vectors.json', import.meta.url));
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
    vectors: { value: unknown; yaml: string; json: string }[];
  };
  return parsed.vectors.map((vector) => ({
    value: decode(vector.value),
    yaml: vector.yaml,
    json: vector.json,
  }));
}
