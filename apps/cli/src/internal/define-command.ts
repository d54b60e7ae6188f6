/** How a flag takes its value. */
export type FlagKind = 'boolean' | 'string' | 'list';

/** One flag of a command, as `--name`/`-s`. */
export interface FlagSpec {
  /** The long name without dashes, kebab-case (`output-file` for `--output-file`). */
  readonly name: string;
  /** A one-letter alias without the dash (`f` for `-f`). */
  readonly short?: string;
  /** `boolean` takes no value, `string` takes one, `list` takes one per occurrence (repeatable). */
  readonly kind: FlagKind;
  /** Placeholder for the value in help, e.g. `FILE`. */
  readonly valueName?: string;
  /** One line for the help text. */
  readonly description: string;
  /** The command cannot run without it. */
  readonly required?: boolean;
  /** The allowed values of a `string` flag. */
  readonly choices?: readonly string[];
  /** The value of a `string` flag when it is not given. */
  readonly default?: string;
}

/** One positional argument of a command. */
export interface PositionalSpec {
  /** Name shown in help (`job-type`). */
  readonly name: string;
  /** One line for the help text. */
  readonly description: string;
  /** The command cannot run without it. */
  readonly required?: boolean;
}

/** A usage example shown in help. */
export interface CommandExample {
  /** What the example does. */
  readonly description: string;
  /** The command line, starting with `amlkit`. */
  readonly command: string;
}

/** A stream the CLI writes text to (`process.stdout`, or a collector in tests). */
export interface OutputStream {
  /** Writes a chunk of text. */
  write(chunk: string): unknown;
  /** Whether the stream is a terminal (code frames and colours are shown on a TTY only). */
  readonly isTTY?: boolean;
}

/** Where a command reads its environment from and writes its output to. */
export interface CliIo {
  /** Results: the YAML, the JSON, the "valid" line. */
  readonly stdout: OutputStream;
  /** Messages: errors, summaries, progress. */
  readonly stderr: OutputStream;
  /** Environment variables (`NO_COLOR`, `FORCE_COLOR`, `AMLKIT_DEBUG`). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The value of a parsed flag. */
export type FlagValue = string | boolean | readonly string[] | undefined;

/** Parsed flags by long name. */
export type FlagValueRecord = Readonly<Record<string, FlagValue>>;

type ValueOf<S extends FlagSpec> = S['kind'] extends 'boolean'
  ? boolean
  : S['kind'] extends 'list'
    ? readonly string[]
    : S extends { readonly required: true }
      ? string
      : S extends { readonly default: string }
        ? string
        : string | undefined;

/** The parsed flags of a command, typed from its flag specs. */
export type FlagValues<F extends readonly FlagSpec[]> = {
  readonly [S in F[number] as S['name']]: ValueOf<S>;
};

/** What a command's `run` receives. */
export interface CommandContext<V = FlagValueRecord> {
  /** Parsed flags by long name. */
  readonly flags: V;
  /** Positional arguments, in order. */
  readonly positionals: readonly string[];
  /** Output streams and environment. */
  readonly io: CliIo;
  /** Aborted on SIGINT. */
  readonly signal: AbortSignal;
  /** `--verbose`: more detail, code frames even off a TTY. */
  readonly verbose: boolean;
  /** The full command name, e.g. `amlkit job validate`, for messages. */
  readonly commandName: string;
}

/** A command: its flags and help text, and what it does. Each lives in one file under `src/commands/`. */
export interface CommandDefinition<V = FlagValueRecord> {
  /** A paragraph for `--help`. */
  readonly description: string;
  /** The command's own flags (the global ones are added by the runner). */
  readonly flags: readonly FlagSpec[];
  /** Positional arguments. */
  readonly positionals?: readonly PositionalSpec[];
  /** Examples for `--help`. */
  readonly examples?: readonly CommandExample[];
  /** Runs the command; resolves to the exit code. Expected failures throw `CliError`. */
  run(context: CommandContext<V>): Promise<number>;
}

/**
 * Declares a command; the flag values seen by `run` are typed from `flags`.
 *
 * @example
 * ```ts
 * export default defineCommand({
 *   description: 'Say hello.',
 *   flags: [{ name: 'name', short: 'n', kind: 'string', required: true, description: 'Who' }],
 *   async run({ flags, io }) { io.stdout.write(`hello ${flags.name}\n`); return 0; },
 * });
 * ```
 */
export function defineCommand<const F extends readonly FlagSpec[]>(
  definition: Omit<CommandDefinition<FlagValues<F>>, 'flags'> & { readonly flags: F },
): CommandDefinition {
  // The runner fills every declared flag (booleans false, lists [], strings their default),
  // so the record it passes matches `FlagValues<F>` (`run` is a method, hence bivariant).
  return definition;
}
