import { pythonFloatRepr, pythonIntRepr } from './internal/python-float-repr.js';
import { compareCodePoints } from './internal/python-sort.js';
import { isPyFloat, type PyValue } from './py-float.js';

/** Options of {@link pythonJsonDumps}. */
export interface PythonJsonDumpsOptions {
  /**
   * Sort object keys by code point, as `json.dumps(..., sort_keys=True)` does.
   * @default true
   */
  readonly sortKeys?: boolean;
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** `py_encode_basestring_ascii`: escape `"`, `\`, controls and everything outside ASCII 0x20–0x7E. */
function encodeString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const unit = s.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) {
      out += short;
    } else if (unit < 0x20 || unit > 0x7e) {
      // UTF-16 code units are exactly the surrogate pairs Python writes for astral characters.
      out += `\\u${unit.toString(16).padStart(4, '0')}`;
    } else {
      out += ch;
    }
  }
  return `${out}"`;
}

function floatText(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return pythonFloatRepr(x);
}

/**
 * Byte-exact emulation of Python's `json.dumps(value, sort_keys=True)` with the defaults:
 * separators `", "` and `": "`, `ensure_ascii=True` (`\uXXXX`, surrogate pairs above U+FFFF),
 * `allow_nan=True` (`NaN`, `Infinity`), floats as `repr()` (`0.1`, `1.0`, `1e-05`, `1e+16`).
 *
 * Numbers follow the {@link PyFloat} rule: integral JS numbers are ints, so wrap integral floats
 * (`pyFloat(1)` prints `1.0`). The SDK hashes this text to name anonymous components.
 *
 * @throws TypeError for values JSON cannot hold (undefined in an array, functions, symbols,
 * class instances) and for circular references, which Python rejects too.
 * @example
 * ```ts
 * pythonJsonDumps({ b: [1, 0.5], a: 'é' }); // '{"a": "\\u00e9", "b": [1, 0.5]}'
 * ```
 */
export function pythonJsonDumps(value: PyValue, options: PythonJsonDumpsOptions = {}): string {
  const sortKeys = options.sortKeys ?? true;
  const active = new Set<object>();
  const encode = (data: unknown, path: string): string => {
    if (data === null) return 'null';
    if (data === true) return 'true';
    if (data === false) return 'false';
    if (typeof data === 'bigint') return pythonIntRepr(data);
    if (typeof data === 'number')
      return Number.isInteger(data) ? pythonIntRepr(data) : floatText(data);
    if (typeof data === 'string') return encodeString(data);
    if (isPyFloat(data)) return floatText(data.value);
    if (typeof data === 'object') {
      if (active.has(data)) {
        throw new TypeError(
          `pythonJsonDumps: circular reference at ${path}: expected a tree, received a value that contains itself`,
        );
      }
      if (Array.isArray(data)) {
        active.add(data);
        const items = (data as readonly unknown[]).map((item, index) => {
          if (item === undefined) {
            throw new TypeError(
              `pythonJsonDumps: unsupported value at ${path}[${index}]: expected a PyValue, received undefined`,
            );
          }
          return encode(item, `${path}[${index}]`);
        });
        active.delete(data);
        return `[${items.join(', ')}]`;
      }
      const prototype: unknown = Object.getPrototypeOf(data);
      if (prototype === Object.prototype || prototype === null) {
        active.add(data);
        const record = data as Record<string, unknown>;
        const keys = Object.keys(record).filter((key) => record[key] !== undefined);
        if (sortKeys) keys.sort(compareCodePoints);
        const members = keys.map(
          (key) => `${encodeString(key)}: ${encode(record[key], `${path}.${key}`)}`,
        );
        active.delete(data);
        return `{${members.join(', ')}}`;
      }
    }
    const received = typeof data === 'object' ? Object.prototype.toString.call(data) : typeof data;
    throw new TypeError(
      `pythonJsonDumps: unsupported value at ${path}: expected null, boolean, number, bigint, string, PyFloat, array or plain object, received ${received}`,
    );
  };
  return encode(value, '$');
}
