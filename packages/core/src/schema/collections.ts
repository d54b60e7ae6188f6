/** Collection schema nodes: lists and records (mappings with free keys). */
import { describeReceived, isRecord, setOwn } from '../internal/received.js';
import { INVALID, Schema } from './schema.js';
import type { Invalid, JsonSchema, ParseContext } from './schema.js';

/** Options of {@link ArraySchema}. */
export interface ArrayOptions {
  /** Reject duplicate (scalar) items. @default false */
  unique?: boolean;
  /** Minimum number of items. */
  minItems?: number;
}

/** A YAML sequence. */
export class ArraySchema<T> extends Schema<T[]> {
  readonly item: Schema<T>;
  readonly options: ArrayOptions;
  constructor(item: Schema<T>, options: ArrayOptions = {}) {
    super();
    this.item = item;
    this.options = options;
  }
  get expected(): string {
    return 'a list';
  }
  parse(value: unknown, ctx: ParseContext): T[] | Invalid {
    if (!Array.isArray(value)) {
      ctx.report('JOB_INVALID_TYPE', 'Not a valid list.', {
        expected: `a list of ${this.item.expected}`,
        received: describeReceived(value),
      });
      return INVALID;
    }
    const out: T[] = [];
    let ok = true;
    for (let i = 0; i < value.length; i++) {
      ctx.path.push(i);
      const parsed = this.item.parse(value[i], ctx);
      ctx.path.pop();
      if (parsed === INVALID) ok = false;
      else out.push(parsed);
    }
    if (this.options.minItems !== undefined && value.length < this.options.minItems) {
      ctx.report('JOB_INVALID_VALUE', `The list needs at least ${this.options.minItems} item(s).`, {
        expected: `at least ${this.options.minItems} item(s)`,
        received: describeReceived(value),
      });
      ok = false;
    }
    if (ok && this.options.unique === true && new Set(out).size !== out.length) {
      ctx.report('JOB_INVALID_VALUE', 'The list must not contain duplicate entries.', {
        expected: 'unique items',
        received: describeReceived(value),
      });
      ok = false;
    }
    return ok ? out : INVALID;
  }
  override dump(value: T[]): unknown[] {
    return value.map((v) => this.item.dump(v));
  }
  matches(value: unknown): boolean {
    return Array.isArray(value);
  }
  protected toJsonSchema(): JsonSchema {
    const out: JsonSchema = { type: 'array', items: this.item.jsonSchema() };
    if (this.options.unique === true) out['uniqueItems'] = true;
    if (this.options.minItems !== undefined) out['minItems'] = this.options.minItems;
    return out;
  }
}

/** Options of {@link RecordSchema}. */
export interface RecordOptions {
  /** A pattern every key must match. */
  keyPattern?: RegExp;
  /** Message used when a key does not match, e.g. `letters, numbers, and underscore`. */
  keyDescription?: string;
}

/** A YAML mapping whose keys are user-chosen names (inputs, tags, search space…); keys are kept as written. */
export class RecordSchema<T> extends Schema<Record<string, T>> {
  readonly value: Schema<T>;
  readonly options: RecordOptions;
  constructor(value: Schema<T>, options: RecordOptions = {}) {
    super();
    this.value = value;
    this.options = options;
  }
  get expected(): string {
    return 'a mapping';
  }
  parse(value: unknown, ctx: ParseContext): Record<string, T> | Invalid {
    if (!isRecord(value)) {
      ctx.report('JOB_INVALID_TYPE', 'Not a valid mapping type.', {
        expected: `a mapping of ${this.value.expected}`,
        received: describeReceived(value),
      });
      return INVALID;
    }
    const out: Record<string, T> = {};
    let ok = true;
    const { keyPattern } = this.options;
    for (const key of Object.keys(value)) {
      if (keyPattern !== undefined && !keyPattern.test(key)) {
        ctx.report('JOB_INVALID_KEY', `Key name '${key}' is not valid.`, {
          at: key,
          anchor: 'key',
          expected: this.options.keyDescription ?? `a key matching ${keyPattern.source}`,
          received: describeReceived(key),
        });
        ok = false;
        continue;
      }
      ctx.path.push(key);
      const parsed = this.value.parse(value[key], ctx);
      ctx.path.pop();
      if (parsed === INVALID) ok = false;
      else setOwn(out, key, parsed);
    }
    return ok ? out : INVALID;
  }
  override dump(value: Record<string, T>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      if (v !== undefined) setOwn(out, k, this.value.dump(v));
    return out;
  }
  matches(value: unknown): boolean {
    return isRecord(value);
  }
  protected toJsonSchema(): JsonSchema {
    const out: JsonSchema = { type: 'object', additionalProperties: this.value.jsonSchema() };
    if (this.options.keyPattern !== undefined)
      out['propertyNames'] = { pattern: this.options.keyPattern.source };
    return out;
  }
}
