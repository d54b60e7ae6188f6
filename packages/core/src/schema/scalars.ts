/** Scalar schema nodes: string, number, integer, boolean, literal, enum and any. */
import { didYouMean } from '../internal/did-you-mean.js';
import { describeReceived } from '../internal/received.js';
import { INVALID, Schema } from './schema.js';
import type { Invalid, JsonSchema, ParseContext } from './schema.js';

/** Options of {@link StringSchema}. */
export interface StringOptions {
  /** A regular expression the whole value must match. */
  pattern?: RegExp;
  /** Text describing the pattern in messages, e.g. `letters, digits and underscores`. */
  patternDescription?: string;
  /** Reject the empty string. @default false */
  nonEmpty?: boolean;
}

/** A YAML string. Numbers and booleans are not coerced (the SDK rejects `tags: {a: 1}`). */
export class StringSchema extends Schema<string> {
  readonly expected = 'a string';
  readonly options: StringOptions;
  constructor(options: StringOptions = {}) {
    super();
    this.options = options;
  }
  parse(value: unknown, ctx: ParseContext): string | Invalid {
    if (typeof value !== 'string') {
      ctx.report('JOB_INVALID_TYPE', 'Not a valid string.', {
        expected: this.expected,
        received: describeReceived(value),
      });
      return INVALID;
    }
    if (this.options.nonEmpty === true && value.length === 0) {
      ctx.report('JOB_INVALID_VALUE', 'The value may not be empty.', {
        expected: 'a non-empty string',
        received: '""',
      });
      return INVALID;
    }
    const { pattern } = this.options;
    if (pattern !== undefined && !pattern.test(value)) {
      ctx.report('JOB_INVALID_VALUE', 'The value does not match the required format.', {
        expected: this.options.patternDescription ?? `a string matching ${pattern.source}`,
        received: describeReceived(value),
      });
      return INVALID;
    }
    return value;
  }
  protected toJsonSchema(): JsonSchema {
    const out: JsonSchema = { type: 'string' };
    if (this.options.pattern !== undefined) out['pattern'] = this.options.pattern.source;
    if (this.options.nonEmpty === true) out['minLength'] = 1;
    return out;
  }
  matches(value: unknown): boolean {
    return typeof value === 'string';
  }
}

/** Options of {@link NumberSchema}. */
export interface NumberOptions {
  /** Only integers are accepted. @default false */
  integer?: boolean;
  /** Inclusive minimum. */
  min?: number;
  /** Inclusive maximum. */
  max?: number;
}

/** A YAML number (or integer). Strings are not coerced. */
export class NumberSchema extends Schema<number> {
  readonly options: NumberOptions;
  constructor(options: NumberOptions = {}) {
    super();
    this.options = options;
  }
  get expected(): string {
    return this.options.integer === true ? 'an integer' : 'a number';
  }
  parse(value: unknown, ctx: ParseContext): number | Invalid {
    const isInt = this.options.integer === true;
    if (typeof value !== 'number' || Number.isNaN(value) || (isInt && !Number.isInteger(value))) {
      ctx.report('JOB_INVALID_TYPE', isInt ? 'Not a valid integer.' : 'Not a valid number.', {
        expected: this.expected,
        received: describeReceived(value),
      });
      return INVALID;
    }
    const { min, max } = this.options;
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      const range =
        min !== undefined && max !== undefined
          ? `between ${min} and ${max}`
          : min !== undefined
            ? `at least ${min}`
            : `at most ${String(max)}`;
      ctx.report('JOB_INVALID_VALUE', `The number must be ${range}.`, {
        expected: `${this.expected} ${range}`,
        received: String(value),
      });
      return INVALID;
    }
    return value;
  }
  protected toJsonSchema(): JsonSchema {
    const out: JsonSchema = { type: this.options.integer === true ? 'integer' : 'number' };
    if (this.options.min !== undefined) out['minimum'] = this.options.min;
    if (this.options.max !== undefined) out['maximum'] = this.options.max;
    return out;
  }
  matches(value: unknown): boolean {
    return typeof value === 'number' && (this.options.integer !== true || Number.isInteger(value));
  }
}

const YAML11_BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
  ['yes', true],
  ['no', false],
  ['on', true],
  ['off', false],
]);

/**
 * A YAML boolean. The YAML 1.1 words the Python SDK reads as booleans
 * (`yes/no/on/off`, any case) are accepted too, since YAML 1.2 reads them as strings.
 */
export class BooleanSchema extends Schema<boolean> {
  readonly expected = 'a boolean';
  parse(value: unknown, ctx: ParseContext): boolean | Invalid {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string') {
      const b = YAML11_BOOLEANS.get(value.toLowerCase());
      if (b !== undefined) return b;
    }
    ctx.report('JOB_INVALID_TYPE', 'Not a valid boolean.', {
      expected: this.expected,
      received: describeReceived(value),
    });
    return INVALID;
  }
  protected toJsonSchema(): JsonSchema {
    return { type: 'boolean' };
  }
  matches(value: unknown): boolean {
    return typeof value === 'boolean';
  }
}

/** Options of {@link EnumSchema}. */
export interface EnumOptions<V extends string> {
  /**
   * Compare ignoring case and `_` (as the SDK does for nested enums, §4.7), and
   * normalise to the canonical spelling. @default true
   */
  caseInsensitive?: boolean;
  /** Extra accepted spellings mapped to a canonical value, e.g. `{ managed: 'managed_identity' }`. */
  aliases?: Readonly<Record<string, V>>;
}

const foldKey = (s: string): string => s.toLowerCase().replace(/_/g, '');

/** One of a fixed set of strings. */
export class EnumSchema<V extends string> extends Schema<V> {
  readonly values: readonly V[];
  readonly caseInsensitive: boolean;
  private readonly lookup: Map<string, V>;
  /** Every spelling given (values and aliases) → its resolution: most values are written as given, so no folding. */
  private readonly exact: Map<string, V>;
  constructor(values: readonly V[], options: EnumOptions<V> = {}) {
    super();
    this.values = values;
    this.caseInsensitive = options.caseInsensitive ?? true;
    this.lookup = new Map();
    const key = this.caseInsensitive ? foldKey : (s: string): string => s;
    const aliases = Object.keys(options.aliases ?? {});
    for (const v of values) this.lookup.set(key(v), v);
    for (const [alias, v] of Object.entries(options.aliases ?? {})) this.lookup.set(key(alias), v);
    this.exact = new Map();
    for (const spelling of [...values, ...aliases]) {
      const resolved = this.lookup.get(key(spelling));
      if (resolved !== undefined) this.exact.set(spelling, resolved);
    }
  }
  get expected(): string {
    return `one of ${this.values.map((v) => `'${v}'`).join(', ')}`;
  }
  /** The canonical value for `raw`, or undefined. */
  resolve(raw: string): V | undefined {
    return this.exact.get(raw) ?? this.lookup.get(this.caseInsensitive ? foldKey(raw) : raw);
  }
  parse(value: unknown, ctx: ParseContext): V | Invalid {
    if (typeof value === 'string') {
      const v = this.resolve(value);
      if (v !== undefined) return v;
    }
    const hint = typeof value === 'string' ? didYouMean(value, this.values) : undefined;
    ctx.report('JOB_INVALID_VALUE', `Value ${describeReceived(value)} is not in the allowed set.`, {
      expected: this.expected,
      received: describeReceived(value),
      ...(hint === undefined ? {} : { hint: `did you mean '${hint}'?` }),
    });
    return INVALID;
  }
  protected toJsonSchema(): JsonSchema {
    return this.values.length === 1 ? { const: this.values[0] } : { enum: [...this.values] };
  }
  matches(value: unknown): boolean {
    return typeof value === 'string' && this.resolve(value) !== undefined;
  }
}

/** Anything (kept as is). */
export class AnySchema<T = unknown> extends Schema<T> {
  readonly expected = 'any value';
  parse(value: unknown): T {
    return value as T;
  }
  protected toJsonSchema(): JsonSchema {
    return {};
  }
  matches(): boolean {
    return true;
  }
}

/** A YAML scalar: string, number or boolean (as used for literal job inputs). */
export class ScalarSchema extends Schema<string | number | boolean> {
  readonly expected = 'a string, number or boolean';
  parse(value: unknown, ctx: ParseContext): string | number | boolean | Invalid {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      return value;
    ctx.report('JOB_INVALID_TYPE', 'Not a valid scalar.', {
      expected: this.expected,
      received: describeReceived(value),
    });
    return INVALID;
  }
  protected toJsonSchema(): JsonSchema {
    return { type: ['string', 'number', 'boolean'] };
  }
  matches(value: unknown): boolean {
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  }
}
