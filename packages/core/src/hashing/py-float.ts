const PY_FLOAT_BRAND = '@amlkit/core/PyFloat';

/**
 * Marks a number as a Python `float` for {@link pyyamlDump} and {@link pythonJsonDumps}.
 *
 * JavaScript has one number type, Python has two, and they print differently (`1` vs `1.0`).
 * The rule of the value model ({@link PyValue}) is:
 * - a JS `number` that is an integer (`Number.isInteger`) is a Python `int`; a `bigint` too;
 * - any other JS `number` (`0.5`, `NaN`, `Infinity`) is a Python `float`;
 * - a `PyFloat` is always a Python `float`: wrap integral floats such as `1.0`, `1e16`, `-0.0`.
 *
 * @example
 * ```ts
 * pythonJsonDumps({ lr: 0.1, epochs: 10, momentum: pyFloat(1) }); // '{"epochs": 10, "lr": 0.1, "momentum": 1.0}'
 * ```
 */
export class PyFloat {
  /** Brand checked by {@link isPyFloat}, so a second installed copy of the package still agrees. */
  readonly brand = PY_FLOAT_BRAND;
  /** The float's value. */
  readonly value: number;

  /** Wraps `value` as a Python float. */
  constructor(value: number) {
    if (typeof value !== 'number') {
      throw new TypeError(`PyFloat: expected a number, received ${typeof value}`);
    }
    this.value = value;
  }
}

/** Shorthand for `new PyFloat(value)`. */
export function pyFloat(value: number): PyFloat {
  return new PyFloat(value);
}

/** Whether `value` is a {@link PyFloat} (checked by brand, not only `instanceof`). */
export function isPyFloat(value: unknown): value is PyFloat {
  return (
    value instanceof PyFloat ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { brand?: unknown }).brand === PY_FLOAT_BRAND &&
      typeof (value as { value?: unknown }).value === 'number')
  );
}

/**
 * A value as Python's `yaml.dump`/`json.dumps` see it: `null` is `None`, booleans are `bool`,
 * numbers follow the {@link PyFloat} rule, strings are `str`, arrays are `list`, plain objects are
 * `dict` with string keys. Object properties whose value is `undefined` are skipped (as
 * `JSON.stringify` does).
 */
export type PyValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | PyFloat
  | readonly PyValue[]
  | { readonly [key: string]: PyValue | undefined };
