/**
 * The schema DSL entry point: `s.object({...})`, `s.string()`, … One schema per job type
 * is the single source of the TypeScript types (`Infer<typeof x>`), the validator and
 * the JSON Schema.
 */
import { ArraySchema, RecordSchema } from './collections.js';
import type { ArrayOptions, RecordOptions } from './collections.js';
import { CustomSchema, LazySchema, TransformSchema } from './custom.js';
import type { CustomDefinition } from './custom.js';
import { ObjectSchema } from './object.js';
import type { ObjectOptions, Shape, InferShape } from './object.js';
import {
  AnySchema,
  BooleanSchema,
  EnumSchema,
  NumberSchema,
  ScalarSchema,
  StringSchema,
} from './scalars.js';
import type { EnumOptions, NumberOptions, StringOptions } from './scalars.js';
import type { Invalid, ParseContext, Schema } from './schema.js';
import { DiscriminatedUnionSchema, UnionSchema } from './union.js';
import type { DiscriminatedOptions } from './union.js';

/** Schema builders. */
export const s = {
  string: (options?: StringOptions): StringSchema => new StringSchema(options),
  number: (options?: Omit<NumberOptions, 'integer'>): NumberSchema => new NumberSchema(options),
  integer: (options?: Omit<NumberOptions, 'integer'>): NumberSchema =>
    new NumberSchema({ ...options, integer: true }),
  boolean: (): BooleanSchema => new BooleanSchema(),
  scalar: (): ScalarSchema => new ScalarSchema(),
  any: <T = unknown>(): AnySchema<NoInfer<T>> => new AnySchema<T>(),
  enum: <const V extends string>(values: readonly V[], options?: EnumOptions<V>): EnumSchema<V> =>
    new EnumSchema(values, options),
  /** A single allowed value (case-insensitive unless told otherwise). */
  literal: <const V extends string>(value: V, options?: EnumOptions<V>): EnumSchema<V> =>
    new EnumSchema([value], options),
  object: <S extends Shape>(shape: S, options?: ObjectOptions<InferShape<S>>): ObjectSchema<S> =>
    new ObjectSchema(shape, options),
  array: <T>(item: Schema<T>, options?: ArrayOptions): ArraySchema<T> =>
    new ArraySchema(item, options),
  record: <T>(value: Schema<T>, options?: RecordOptions): RecordSchema<T> =>
    new RecordSchema(value, options),
  union: <const B extends readonly Schema<unknown>[]>(
    branches: B,
    expected?: string,
  ): UnionSchema<B> => new UnionSchema(branches, expected),
  discriminated: <M extends Record<string, Schema<unknown>>>(
    key: string,
    branches: M,
    options?: DiscriminatedOptions,
  ): DiscriminatedUnionSchema<M> => new DiscriminatedUnionSchema(key, branches, options),
  custom: <T>(definition: CustomDefinition<T>): CustomSchema<T> => new CustomSchema(definition),
  transform: <I, O>(
    inner: Schema<I>,
    to: (value: I, ctx: ParseContext) => O | Invalid,
    from: (value: O) => I,
  ): TransformSchema<I, O> => new TransformSchema(inner, to, from),
  lazy: <T>(get: () => Schema<T>): LazySchema<T> => new LazySchema(get),
} as const;
