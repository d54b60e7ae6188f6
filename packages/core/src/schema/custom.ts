/** Escape hatches of the schema DSL: custom nodes, transforms and lazy (recursive) nodes. */
import { INVALID, Schema } from './schema.js';
import type { Invalid, JsonSchema, ParseContext } from './schema.js';

/** Definition of a {@link CustomSchema}. */
export interface CustomDefinition<T> {
  /** Name of the expected value for messages. */
  expected: string;
  /** Validates and converts; reports issues through `ctx` and returns {@link INVALID} on failure. */
  parse: (value: unknown, ctx: ParseContext) => T | Invalid;
  /** Converts back to the YAML shape. @default identity */
  dump?: (value: T) => unknown;
  /** Structural test for unions. @default always true */
  matches?: (value: unknown) => boolean;
  /** The JSON Schema fragment. */
  jsonSchema: () => JsonSchema;
}

/** A node with hand-written behaviour. */
export class CustomSchema<T> extends Schema<T> {
  readonly definition: CustomDefinition<T>;
  constructor(definition: CustomDefinition<T>) {
    super();
    this.definition = definition;
  }
  get expected(): string {
    return this.definition.expected;
  }
  parse(value: unknown, ctx: ParseContext): T | Invalid {
    return this.definition.parse(value, ctx);
  }
  override dump(value: T): unknown {
    return this.definition.dump === undefined ? value : this.definition.dump(value);
  }
  matches(value: unknown): boolean {
    return this.definition.matches === undefined ? true : this.definition.matches(value);
  }
  protected toJsonSchema(): JsonSchema {
    return this.definition.jsonSchema();
  }
}

/** Validates with `inner`, then maps the result (and back, on dump). */
export class TransformSchema<I, O> extends Schema<O> {
  readonly inner: Schema<I>;
  private readonly to: (value: I, ctx: ParseContext) => O | Invalid;
  private readonly from: (value: O) => I;
  constructor(
    inner: Schema<I>,
    to: (value: I, ctx: ParseContext) => O | Invalid,
    from: (value: O) => I,
  ) {
    super();
    this.inner = inner;
    this.to = to;
    this.from = from;
    this.description = inner.description;
  }
  get expected(): string {
    return this.inner.expected;
  }
  parse(value: unknown, ctx: ParseContext): O | Invalid {
    const v = this.inner.parse(value, ctx);
    return v === INVALID ? INVALID : this.to(v, ctx);
  }
  override dump(value: O): unknown {
    return this.inner.dump(this.from(value));
  }
  matches(value: unknown): boolean {
    return this.inner.matches(value);
  }
  protected toJsonSchema(): JsonSchema {
    return this.inner.jsonSchema();
  }
}

/** A node defined later (for recursive shapes such as nested `choice` search spaces). */
export class LazySchema<T> extends Schema<T> {
  private readonly get: () => Schema<T>;
  private resolved: Schema<T> | undefined;
  private inJson = false;
  constructor(get: () => Schema<T>) {
    super();
    this.get = get;
  }
  private target(): Schema<T> {
    this.resolved ??= this.get();
    return this.resolved;
  }
  get expected(): string {
    return this.target().expected;
  }
  parse(value: unknown, ctx: ParseContext): T | Invalid {
    return this.target().parse(value, ctx);
  }
  override dump(value: T): unknown {
    return this.target().dump(value);
  }
  matches(value: unknown): boolean {
    return this.target().matches(value);
  }
  protected toJsonSchema(): JsonSchema {
    if (this.inJson) return {};
    this.inJson = true;
    try {
      return this.target().jsonSchema();
    } finally {
      this.inJson = false;
    }
  }
}
