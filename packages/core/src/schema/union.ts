/** Union schema nodes: structural unions and unions discriminated by a key such as `type`. */
import { didYouMean } from '../internal/did-you-mean.js';
import { describeReceived, isRecord } from '../internal/received.js';
import { INVALID, Schema } from './schema.js';
import type { Infer, Invalid, JsonSchema, ParseContext } from './schema.js';

/**
 * The first branch whose structural test ({@link Schema.matches}) accepts the value
 * validates it, so messages come from the branch the author meant. Order branches from
 * most to least specific.
 */
export class UnionSchema<B extends readonly Schema<unknown>[]> extends Schema<Infer<B[number]>> {
  readonly branches: B;
  private readonly expectedText: string | undefined;
  constructor(branches: B, expected?: string) {
    super();
    this.branches = branches;
    this.expectedText = expected;
  }
  get expected(): string {
    return this.expectedText ?? this.branches.map((b) => b.expected).join(' or ');
  }
  parse(value: unknown, ctx: ParseContext): Infer<B[number]> | Invalid {
    for (const branch of this.branches) {
      if (branch.matches(value)) return branch.parse(value, ctx) as Infer<B[number]> | Invalid;
    }
    ctx.report('JOB_INVALID_TYPE', 'The value has none of the accepted forms.', {
      expected: this.expected,
      received: describeReceived(value),
    });
    return INVALID;
  }
  override dump(value: Infer<B[number]>): unknown {
    for (const branch of this.branches) if (branch.matches(value)) return branch.dump(value);
    return value;
  }
  matches(value: unknown): boolean {
    for (const branch of this.branches) if (branch.matches(value)) return true;
    return false;
  }
  protected toJsonSchema(): JsonSchema {
    return { anyOf: this.branches.map((b) => b.jsonSchema()) };
  }
}

/** Options of {@link DiscriminatedUnionSchema}. */
export interface DiscriminatedOptions {
  /** Branch used when the discriminator key is absent. */
  defaultBranch?: string;
  /** Compare the discriminator ignoring case and `_` (nested enums, §4.7). @default true */
  caseInsensitive?: boolean;
  /** Other spellings of a discriminator value, e.g. `{ managed: 'managed_identity' }`. */
  aliases?: Readonly<Record<string, string>>;
  /** Name used in messages. */
  expected?: string;
}

const fold = (s: string): string => s.toLowerCase().replace(/_/g, '');

/**
 * A mapping whose `key` (usually `type`) selects the branch. Each branch is an
 * object schema that itself validates the discriminator (as an enum/literal).
 */
export class DiscriminatedUnionSchema<M extends Record<string, Schema<unknown>>> extends Schema<
  Infer<M[keyof M]>
> {
  readonly key: string;
  readonly branches: M;
  readonly options: DiscriminatedOptions;
  private readonly lookup: Map<string, string>;
  /** Every spelling given (branch names and aliases) → its branch: no folding for the usual spelling. */
  private readonly exact: Map<string, string>;
  constructor(key: string, branches: M, options: DiscriminatedOptions = {}) {
    super();
    this.key = key;
    this.branches = branches;
    this.options = options;
    this.lookup = new Map();
    const norm = this.norm.bind(this);
    for (const k of Object.keys(branches)) this.lookup.set(norm(k), k);
    for (const [alias, k] of Object.entries(options.aliases ?? {})) this.lookup.set(norm(alias), k);
    this.exact = new Map();
    for (const spelling of [...Object.keys(branches), ...Object.keys(options.aliases ?? {})]) {
      const name = this.lookup.get(norm(spelling));
      if (name !== undefined) this.exact.set(spelling, name);
    }
  }
  private norm(s: string): string {
    return this.options.caseInsensitive === false ? s : fold(s);
  }
  get expected(): string {
    return (
      this.options.expected ??
      `a mapping with ${this.key}: ${Object.keys(this.branches).join(' | ')}`
    );
  }
  /** The branch name selected by a raw discriminator value, or undefined. */
  select(raw: unknown): string | undefined {
    if (raw === undefined || raw === null) return this.options.defaultBranch;
    if (typeof raw !== 'string') return undefined;
    return this.exact.get(raw) ?? this.lookup.get(this.norm(raw));
  }
  parse(value: unknown, ctx: ParseContext): Infer<M[keyof M]> | Invalid {
    if (!isRecord(value)) {
      ctx.report('JOB_INVALID_TYPE', 'Not a valid mapping type.', {
        expected: this.expected,
        received: describeReceived(value),
      });
      return INVALID;
    }
    const raw = value[this.key];
    const name = this.select(raw);
    if (name === undefined) {
      const names = Object.keys(this.branches);
      const missing = raw === undefined || raw === null;
      const hint = typeof raw === 'string' ? didYouMean(raw, names) : undefined;
      ctx.report(
        missing ? 'JOB_MISSING_FIELD' : 'JOB_INVALID_VALUE',
        missing
          ? `Missing required field '${this.key}'.`
          : `Unsupported ${this.key} ${describeReceived(raw)}.`,
        {
          at: this.key,
          anchor: missing ? 'nearest' : 'value',
          expected: `one of ${names.map((n) => `'${n}'`).join(', ')}`,
          received: missing ? 'nothing' : describeReceived(raw),
          ...(hint === undefined ? {} : { hint: `did you mean '${hint}'?` }),
        },
      );
      return INVALID;
    }
    return this.branches[name]!.parse(value, ctx) as Infer<M[keyof M]> | Invalid;
  }
  override dump(value: Infer<M[keyof M]>): unknown {
    const name = isRecord(value) ? this.select(value[this.key]) : undefined;
    return name === undefined ? value : this.branches[name]!.dump(value);
  }
  matches(value: unknown): boolean {
    return isRecord(value);
  }
  protected toJsonSchema(): JsonSchema {
    const branches = Object.values(this.branches).map((b) => b.jsonSchema());
    // With a default branch, a mapping without the discriminator may match several branches: anyOf.
    return this.options.defaultBranch === undefined ? { oneOf: branches } : { anyOf: branches };
  }
}
