/**
 * The base of the schema DSL: every node validates an unknown YAML value at a path
 * (collecting issues instead of throwing), converts an entity-side value back to its
 * YAML shape, and describes itself as a JSON Schema fragment.
 */
/** One step of a path into a YAML value: a mapping key or a list index. */
export type PathSegment = string | number;

/** A JSON Schema fragment (draft 2020-12). */
export type JsonSchema = Record<string, unknown>;

/** Where an issue should be located in the source: the value, the key, or the nearest existing ancestor. */
export type IssueAnchor = 'value' | 'key' | 'nearest';

/** One validation problem, before it is given a file location. */
export interface SchemaIssue {
  /** A stable machine-readable code, e.g. `JOB_UNKNOWN_KEY`. */
  code: string;
  /** Path of the offending value from the document root. */
  path: PathSegment[];
  /** What failed. */
  message: string;
  /** What was expected. */
  expected?: string;
  /** What was received (already shortened for display). */
  received?: string;
  /** A hint such as a did-you-mean. */
  hint?: string;
  /** How to locate the issue in the source. @default 'value' */
  anchor?: IssueAnchor;
}

/** Details of an issue reported through {@link ParseContext.report}. */
export interface ReportDetails {
  expected?: string;
  received?: string;
  hint?: string;
  anchor?: IssueAnchor;
  /** Extra path segments below the current path (e.g. the key of a missing field). */
  at?: PathSegment;
}

/** Kind of a filesystem entry, as reported by {@link ParseEnvironment.pathKind}. */
export type PathKind = 'file' | 'directory';

/** Another YAML document loaded relative to the current one (see {@link ParseEnvironment.loadRelative}). */
export interface RelatedDocument {
  /** The parsed value (read-only fields already stripped). */
  readonly value: unknown;
  /** Absolute path of the file. */
  readonly file: string;
  /** The file's text as read (already in memory: no second read needed). */
  readonly text: string;
  /** Directory of the file: relative paths inside it resolve against this. */
  readonly basePath: string;
  /**
   * Validates the document's value with `schema`; issues are located in that file
   * (its own source map), and deferred work inside it resolves against its folder.
   */
  validate<T>(schema: Schema<T>): T | Invalid;
}

/**
 * What a schema node may ask of the loader while validating: the directory relative
 * paths resolve against, and a way to queue asynchronous work (file reads, existence
 * checks) that the loader awaits after the synchronous pass.
 */
export interface ParseEnvironment {
  /** Directory that relative paths in the current document resolve against. */
  readonly basePath: string;
  /** The current document's file name (for messages). */
  readonly file: string;
  /** Aborts deferred work. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Queues asynchronous work. Standalone validation (no loader) skips it.
   */
  defer(task: () => Promise<void>): void;
  /** Whether an absolute path exists, and what it is. */
  pathKind(absolutePath: string): Promise<PathKind | undefined>;
  /**
   * Loads another YAML file, `reference` being relative to {@link basePath} (a `file:`
   * prefix is allowed). Its text is recorded in the load error's `sources`. A missing
   * or malformed file is reported at `ctx`'s path, and the result is undefined.
   */
  loadRelative(reference: string, ctx: ParseContext): Promise<RelatedDocument | undefined>;
}

const noDefer: ParseEnvironment = {
  basePath: '.',
  file: '<input>',
  defer() {
    /* standalone validation: asynchronous checks are skipped */
  },
  pathKind: () => Promise.resolve(undefined),
  loadRelative: () => Promise.resolve(undefined),
};

/**
 * Mutable state of one validation pass: the current path (a stack) and the issues
 * collected so far.
 */
export class ParseContext {
  /** The path of the value being validated (mutated as the walk descends). */
  readonly path: PathSegment[];
  /** Issues collected so far. */
  readonly issues: SchemaIssue[];
  /** The loader environment. */
  readonly env: ParseEnvironment;

  constructor(
    env: ParseEnvironment = noDefer,
    path: PathSegment[] = [],
    issues: SchemaIssue[] = [],
  ) {
    this.env = env;
    this.path = path;
    this.issues = issues;
  }

  /** Records an issue at the current path (or `details.at` below it). */
  report(code: string, message: string, details: ReportDetails = {}): void {
    const path = details.at === undefined ? this.path.slice() : [...this.path, details.at];
    const issue: SchemaIssue = { code, path, message };
    if (details.expected !== undefined) issue.expected = details.expected;
    if (details.received !== undefined) issue.received = details.received;
    if (details.hint !== undefined) issue.hint = details.hint;
    if (details.anchor !== undefined) issue.anchor = details.anchor;
    this.issues.push(issue);
  }

  /** A context for deferred work: same environment and issue list, a copy of the current path. */
  fork(): ParseContext {
    return new ParseContext(this.env, this.path.slice(), this.issues);
  }

  /** Queues asynchronous work positioned at the current path. */
  defer(task: (ctx: ParseContext) => Promise<void>): void {
    const forked = this.fork();
    this.env.defer(() => task(forked));
  }
}

/** Returned by {@link Schema.parse} when the value is invalid (issues have been reported). */
export const INVALID: unique symbol = Symbol('invalid');
/** The type of {@link INVALID}. */
export type Invalid = typeof INVALID;

/**
 * A schema node. `T` is the entity-side (camelCase) type the node produces.
 */
export abstract class Schema<T> {
  /** Phantom field carrying the output type; never set at run time. */
  declare readonly _output: T;
  /** Human description, emitted as the JSON Schema `description`. */
  description: string | undefined;
  /** Short name of the expected value for messages, e.g. `a string`. */
  abstract readonly expected: string;

  /** Validates `value` at `ctx.path`; returns the converted value or {@link INVALID}. */
  abstract parse(value: unknown, ctx: ParseContext): T | Invalid;

  /** The JSON Schema fragment for this node (without the description). */
  protected abstract toJsonSchema(): JsonSchema;

  /** The JSON Schema fragment, with the description when there is one. */
  jsonSchema(): JsonSchema {
    const out = this.toJsonSchema();
    if (this.description !== undefined) out['description'] = this.description;
    return out;
  }

  /** Converts an entity-side value back to its YAML shape. */
  dump(value: T): unknown {
    return value;
  }

  /** A cheap structural test used to pick a union branch (no issues are reported). */
  abstract matches(value: unknown): boolean;

  /** Returns a copy of this node with a description. */
  describe(description: string): this {
    const copy = Object.assign(Object.create(Object.getPrototypeOf(this) as object) as this, this);
    copy.description = description;
    return copy;
  }

  /** Makes the field optional in an object (a missing or `null` value is left out). */
  optional(): OptionalSchema<T> {
    return new OptionalSchema(this);
  }

  /** Makes the field optional with a default applied on load and on dump. */
  default(value: T): DefaultSchema<T> {
    return new DefaultSchema(this, value);
  }

  /** Accepts `null` as a value of its own (kept, not dropped). */
  nullable(): NullableSchema<T> {
    return new NullableSchema(this);
  }
}

/** The output type of a schema node. */
export type Infer<S> = S extends { readonly _output: infer T } ? T : never;

/** An optional object field. */
export class OptionalSchema<T> extends Schema<T> {
  readonly inner: Schema<T>;
  constructor(inner: Schema<T>) {
    super();
    this.inner = inner;
    this.description = inner.description;
  }
  get expected(): string {
    return this.inner.expected;
  }
  parse(value: unknown, ctx: ParseContext): T | Invalid {
    return this.inner.parse(value, ctx);
  }
  protected toJsonSchema(): JsonSchema {
    return this.inner.jsonSchema();
  }
  override dump(value: T): unknown {
    return this.inner.dump(value);
  }
  matches(value: unknown): boolean {
    return this.inner.matches(value);
  }
}

/** An optional object field with a default value. */
export class DefaultSchema<T> extends OptionalSchema<T> {
  readonly defaultValue: T;
  constructor(inner: Schema<T>, defaultValue: T) {
    super(inner);
    this.defaultValue = defaultValue;
  }
  protected override toJsonSchema(): JsonSchema {
    return { ...this.inner.jsonSchema(), default: this.inner.dump(this.defaultValue) };
  }
}

/** A value that may also be `null`. */
export class NullableSchema<T> extends Schema<T | null> {
  readonly inner: Schema<T>;
  constructor(inner: Schema<T>) {
    super();
    this.inner = inner;
  }
  get expected(): string {
    return `${this.inner.expected} or null`;
  }
  parse(value: unknown, ctx: ParseContext): T | null | Invalid {
    return value === null ? null : this.inner.parse(value, ctx);
  }
  protected toJsonSchema(): JsonSchema {
    return { anyOf: [this.inner.jsonSchema(), { type: 'null' }] };
  }
  override dump(value: T | null): unknown {
    return value === null ? null : this.inner.dump(value);
  }
  matches(value: unknown): boolean {
    return value === null || this.inner.matches(value);
  }
}
