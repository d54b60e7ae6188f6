import { CLI_ERROR_CODES, CliError } from '../cli-error.js';
import type { FlagSpec, FlagValue } from './define-command.js';
import { didYouMean } from './did-you-mean.js';

/** The result of {@link parseArgv}. */
export interface ParsedArgv {
  /** Every declared flag by long name: booleans default to false, lists to [], strings to their default. */
  readonly flags: Readonly<Record<string, FlagValue>>;
  /** Arguments that are not flags or flag values, in order (everything after `--` included). */
  readonly positionals: readonly string[];
}

/** Options of {@link parseArgv}. */
export interface ParseArgvOptions {
  /** The command being parsed, e.g. `amlkit job validate`, named in error messages. */
  readonly command: string;
}

const NEGATIVE_NUMBER = /^-\d/;

/** Whether a token looks like a flag (so it cannot be the value of the previous flag). */
export function isFlagToken(token: string): boolean {
  return token.startsWith('-') && token !== '-' && !NEGATIVE_NUMBER.test(token);
}

/** The display name of a flag: `--file`. */
export function flagLabel(spec: FlagSpec): string {
  return `--${spec.name}`;
}

function usage(message: string, command: string, hint?: string): CliError {
  return new CliError(message, {
    code: CLI_ERROR_CODES.USAGE,
    command,
    ...(hint === undefined ? {} : { hint }),
  });
}

/**
 * Parses command-line tokens against flag specs, `az`-style:
 * `--name value`, `--name=value`, `-n value`, `-n=value`, `-nvalue`; boolean flags take no
 * value (or `--flag=true|false`); `list` flags repeat (`--set a=1 --set b=2`); `--` ends the
 * flags. A value may not start with `-` unless it is written `--name=-value` (or is `-`, or a
 * negative number). Throws a usage {@link CliError} for an unknown flag (with a did-you-mean),
 * a missing or empty value, a value outside `choices`, a repeated single-value flag, or a
 * missing required flag.
 */
export function parseArgv(
  tokens: readonly string[],
  specs: readonly FlagSpec[],
  options: ParseArgvOptions,
): ParsedArgv {
  const { command } = options;
  const byLong = new Map<string, FlagSpec>();
  const byShort = new Map<string, FlagSpec>();
  for (const spec of specs) {
    byLong.set(spec.name, spec);
    if (spec.short !== undefined) byShort.set(spec.short, spec);
  }

  const values: Record<string, FlagValue> = {};
  const lists = new Map<string, string[]>();
  const positionals: string[] = [];
  let endOfFlags = false;

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (endOfFlags || !isFlagToken(token)) {
      positionals.push(token);
      continue;
    }
    if (token === '--') {
      endOfFlags = true;
      continue;
    }

    let spec: FlagSpec | undefined;
    let inline: string | undefined;
    let written: string;
    if (token.startsWith('--')) {
      const eq = token.indexOf('=');
      const name = eq < 0 ? token.slice(2) : token.slice(2, eq);
      inline = eq < 0 ? undefined : token.slice(eq + 1);
      written = `--${name}`;
      spec = byLong.get(name);
      if (spec === undefined) {
        const suggestion = didYouMean(name, byLong.keys());
        throw usage(
          `unknown flag '${written}' for '${command}'`,
          command,
          suggestion === undefined ? undefined : `did you mean '--${suggestion}'?`,
        );
      }
    } else {
      const letter = token.slice(1, 2);
      const rest = token.slice(2);
      written = `-${letter}`;
      spec = byShort.get(letter);
      if (spec === undefined || (spec.kind === 'boolean' && rest !== '' && !rest.startsWith('='))) {
        const suggestion = didYouMean(token.replace(/^-+/, ''), byLong.keys());
        throw usage(
          `unknown flag '${token}' for '${command}'`,
          command,
          suggestion === undefined ? undefined : `did you mean '--${suggestion}'?`,
        );
      }
      inline = rest === '' ? undefined : rest.startsWith('=') ? rest.slice(1) : rest;
    }

    if (spec.kind === 'boolean') {
      if (inline === undefined || inline === 'true') values[spec.name] = true;
      else if (inline === 'false') values[spec.name] = false;
      else {
        throw usage(
          `flag '${written}' of '${command}' takes no value or true|false, received '${inline}'`,
          command,
        );
      }
      continue;
    }

    let value = inline;
    if (value === undefined) {
      const next = tokens[index + 1];
      if (next === undefined || isFlagToken(next)) {
        const placeholder = spec.valueName ?? 'VALUE';
        throw usage(
          `flag '${written}' of '${command}' expects a value (${placeholder}), received ${
            next === undefined ? 'nothing' : `the flag '${next}'`
          }`,
          command,
          next === undefined ? undefined : `write '${written}=${next}' if '${next}' is the value`,
        );
      }
      value = next;
      index++;
    }
    if (value === '') {
      throw usage(
        `flag '${written}' of '${command}' expects a non-empty value (${spec.valueName ?? 'VALUE'})`,
        command,
      );
    }
    if (spec.choices !== undefined && !spec.choices.includes(value)) {
      const suggestion = didYouMean(value, spec.choices);
      throw usage(
        `flag '${written}' of '${command}' expects one of ${spec.choices.join(', ')}, received '${value}'`,
        command,
        suggestion === undefined ? undefined : `did you mean '${suggestion}'?`,
      );
    }
    if (spec.kind === 'list') {
      const list = lists.get(spec.name) ?? [];
      list.push(value);
      lists.set(spec.name, list);
    } else {
      if (values[spec.name] !== undefined) {
        throw usage(
          `flag '${flagLabel(spec)}' of '${command}' may be given once, received it twice ('${String(
            values[spec.name],
          )}' and '${value}')`,
          command,
        );
      }
      values[spec.name] = value;
    }
  }

  const flags: Record<string, FlagValue> = {};
  for (const spec of specs) {
    if (spec.kind === 'boolean') flags[spec.name] = values[spec.name] ?? false;
    else if (spec.kind === 'list') flags[spec.name] = lists.get(spec.name) ?? [];
    else flags[spec.name] = values[spec.name] ?? spec.default;
    const missing = spec.kind === 'list' ? !lists.has(spec.name) : flags[spec.name] === undefined;
    if (spec.required === true && missing) {
      const short = spec.short === undefined ? '' : `-${spec.short}/`;
      throw usage(
        `'${command}' requires the flag ${short}${flagLabel(spec)} ${spec.valueName ?? 'VALUE'}`,
        command,
      );
    }
  }
  return { flags, positionals };
}
