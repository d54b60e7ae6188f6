/** The object schema node: a YAML mapping with known snake_case keys, produced as a camelCase object. */
import { didYouMean } from '../internal/did-you-mean.js';
import { describeReceived, isRecord, setOwn } from '../internal/received.js';
import { DefaultSchema, INVALID, OptionalSchema, Schema } from './schema.js';
import type { Infer, Invalid, JsonSchema, ParseContext } from './schema.js';

/** The fields of an object schema, keyed by their YAML (snake_case) names. */
export type Shape = Record<string, Schema<unknown>>;

/** `display_name` → `displayName` at the type level (mirrors {@link camelCase}). */
export type CamelCase<S extends string> = S extends `${infer H}_${infer T}`
  ? `${H}${Capitalize<CamelCase<T>>}`
  : S;

type OptionalKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends OptionalSchema<unknown> ? K : never;
}[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The camelCase entity-side type of an object shape. */
export type InferShape<S extends Shape> = Simplify<
  { [K in Exclude<keyof S, OptionalKeys<S>> & string as CamelCase<K>]: Infer<S[K]> } & {
    [K in OptionalKeys<S> & string as CamelCase<K>]?: Infer<S[K]>;
  }
>;

/** `display_name` → `displayName`: the one place YAML keys become entity property names. */
export function camelCase(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** What an object does with keys that are not in its shape. */
export type UnknownKeys = 'strict' | 'passthrough';

/** Options of {@link ObjectSchema}. */
export interface ObjectOptions<T> {
  /** `strict` (default) reports unknown keys with a did-you-mean; `passthrough` keeps them as written. */
  unknownKeys?: UnknownKeys;
  /** Extra structural test used when this object is a union branch. */
  matchWhen?: (value: Record<string, unknown>) => boolean;
  /** Cross-field checks run after the fields validated. */
  check?: (value: T, ctx: ParseContext) => void;
  /** Name used in messages, e.g. `a distribution mapping`. @default 'a mapping' */
  expected?: string;
}

interface Field {
  key: string;
  prop: string;
  schema: Schema<unknown>;
  /** The node that validates a present value: `schema` without its optional/default wrappers. */
  parser: Schema<unknown>;
  optional: boolean;
  defaultValue: unknown;
  hasDefault: boolean;
  /** Required or defaulted: something happens when the key is absent. */
  actsWhenAbsent: boolean;
}

/**
 * The node that validates a present value of `schema`: optional/default wrappers only
 * delegate `parse` to their inner node, so the walk calls that node directly.
 */
function unwrapParser(schema: Schema<unknown>): Schema<unknown> {
  let node = schema;
  while (node instanceof OptionalSchema && node.parse === OptionalSchema.prototype.parse)
    node = (node as OptionalSchema<unknown>).inner;
  return node;
}

/** A YAML mapping with known keys. */
export class ObjectSchema<S extends Shape, T = InferShape<S>> extends Schema<T> {
  readonly shape: S;
  readonly options: ObjectOptions<T>;
  private readonly fields: Map<string, Field>;
  private readonly fieldList: Field[];
  /** The fields that are required or have a default, in shape order. */
  private readonly absentChecks: Field[];

  constructor(shape: S, options: ObjectOptions<T> = {}) {
    super();
    this.shape = shape;
    this.options = options;
    this.fields = new Map();
    this.fieldList = [];
    this.absentChecks = [];
    for (const [key, schema] of Object.entries(shape)) {
      const optional = schema instanceof OptionalSchema;
      const hasDefault = schema instanceof DefaultSchema;
      const field: Field = {
        key,
        prop: camelCase(key),
        schema,
        parser: unwrapParser(schema),
        optional,
        hasDefault,
        defaultValue: hasDefault ? (schema as DefaultSchema<unknown>).defaultValue : undefined,
        actsWhenAbsent: hasDefault || !optional,
      };
      this.fields.set(key, field);
      this.fieldList.push(field);
      if (field.actsWhenAbsent) this.absentChecks.push(field);
    }
  }

  get expected(): string {
    return this.options.expected ?? 'a mapping';
  }

  /** The YAML keys of this object. */
  keys(): string[] {
    return this.fieldList.map((f) => f.key);
  }

  /** A new object schema with more (or replaced) fields. */
  extend<E extends Shape>(
    more: E,
    options: ObjectOptions<InferShape<Omit<S, keyof E> & E>> = {},
  ): ObjectSchema<Omit<S, keyof E> & E> {
    const { check: _check, ...rest } = this.options;
    return new ObjectSchema(
      { ...this.shape, ...more },
      { ...(rest as ObjectOptions<InferShape<Omit<S, keyof E> & E>>), ...options },
    );
  }

  /** A new object schema without some fields. */
  omit<K extends keyof S & string>(...keys: K[]): ObjectSchema<Omit<S, K>> {
    const shape = { ...this.shape };
    for (const k of keys) Reflect.deleteProperty(shape, k);
    const { check: _check, ...rest } = this.options;
    return new ObjectSchema(shape, rest);
  }

  parse(value: unknown, ctx: ParseContext): T | Invalid {
    if (!isRecord(value)) {
      ctx.report('JOB_INVALID_TYPE', 'Not a valid mapping type.', {
        expected: this.expected,
        received: describeReceived(value),
      });
      return INVALID;
    }
    const out: Record<string, unknown> = {};
    const passthrough = this.options.unknownKeys === 'passthrough';
    let ok = true;
    // How many of `absentChecks` are present: when all are, the absent-field pass is skipped.
    let seenChecked = 0;
    const path = ctx.path;
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const field = this.fields.get(key);
      const raw = value[key];
      if (field === undefined) {
        if (passthrough) {
          setOwn(out, key, raw);
          continue;
        }
        const hint = didYouMean(key, this.fields.keys());
        ctx.report('JOB_UNKNOWN_KEY', `Unknown field '${key}'.`, {
          at: key,
          anchor: 'key',
          expected: `one of the keys ${this.fieldList.map((f) => f.key).join(', ')}`,
          received: describeReceived(key),
          ...(hint === undefined ? {} : { hint: `did you mean '${hint}'?` }),
        });
        ok = false;
        continue;
      }
      if (field.actsWhenAbsent) seenChecked++;
      if (raw === null || raw === undefined) {
        if (field.optional) {
          if (field.hasDefault) out[field.prop] = field.defaultValue;
          continue;
        }
        if (!field.schema.matches(null)) {
          ctx.report('JOB_MISSING_FIELD', `Field '${key}' may not be null.`, {
            at: key,
            expected: field.schema.expected,
            received: 'null',
          });
          ok = false;
          continue;
        }
      }
      path.push(key);
      const parsed = field.parser.parse(raw, ctx);
      path.pop();
      if (parsed === INVALID) ok = false;
      else out[field.prop] = parsed;
    }
    if (seenChecked < this.absentChecks.length) {
      // Optional fields without a default need nothing when absent: only these are visited.
      for (const field of this.absentChecks) {
        if (Object.hasOwn(value, field.key)) continue;
        if (field.hasDefault) out[field.prop] = field.defaultValue;
        else if (!field.optional) {
          ctx.report('JOB_MISSING_FIELD', `Missing required field '${field.key}'.`, {
            at: field.key,
            anchor: 'nearest',
            expected: field.schema.expected,
            received: 'nothing',
          });
          ok = false;
        }
      }
    }
    if (!ok) return INVALID;
    const result = out as T;
    this.options.check?.(result, ctx);
    return result;
  }

  override dump(value: T): Record<string, unknown> {
    const src = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const field of this.fieldList) {
      const v = src[field.prop];
      if (v === undefined || v === null) {
        if (field.hasDefault) out[field.key] = field.schema.dump(field.defaultValue);
        continue;
      }
      out[field.key] = field.schema.dump(v);
    }
    if (this.options.unknownKeys === 'passthrough') {
      const known = new Set(this.fieldList.map((f) => f.prop));
      for (const [k, v] of Object.entries(src))
        if (!known.has(k) && v !== undefined) setOwn(out, k, v);
    }
    return out;
  }

  matches(value: unknown): boolean {
    return isRecord(value) && (this.options.matchWhen?.(value) ?? true);
  }

  protected toJsonSchema(): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const f of this.fieldList) {
      properties[f.key] = f.schema.jsonSchema();
      if (!f.optional) required.push(f.key);
    }
    const out: JsonSchema = { type: 'object', properties };
    if (required.length > 0) out['required'] = required;
    out['additionalProperties'] = this.options.unknownKeys === 'passthrough';
    return out;
  }
}
