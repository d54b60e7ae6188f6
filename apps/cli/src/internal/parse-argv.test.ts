import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCliError } from '../cli-error.js';
import type { FlagSpec } from './define-command.js';
import { parseArgv } from './parse-argv.js';

const SPECS = [
  { name: 'file', short: 'f', kind: 'string', valueName: 'FILE', description: 'file' },
  { name: 'set', kind: 'list', valueName: 'PATH=VALUE', description: 'set' },
  {
    name: 'output',
    short: 'o',
    kind: 'string',
    choices: ['text', 'json'],
    default: 'text',
    description: 'output',
  },
  { name: 'verbose', short: 'v', kind: 'boolean', description: 'verbose' },
] as const satisfies readonly FlagSpec[];

const options = { command: 'amlkit test' };

function usageError(run: () => unknown): { message: string; hint: string | undefined } {
  try {
    run();
  } catch (error) {
    if (isCliError(error) && error.code === 'CLI_USAGE')
      return { message: error.message, hint: error.hint };
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('parseArgv', () => {
  it('fills defaults for flags that are not given', () => {
    expect(parseArgv([], SPECS, options)).toEqual({
      flags: { file: undefined, set: [], output: 'text', verbose: false },
      positionals: [],
    });
  });

  it('reads long, long=, short and short= forms alike', () => {
    for (const argv of [
      ['--file', 'a.yml'],
      ['--file=a.yml'],
      ['-f', 'a.yml'],
      ['-f=a.yml'],
      ['-fa.yml'],
    ]) {
      expect(parseArgv(argv, SPECS, options).flags.file).toBe('a.yml');
    }
  });

  it('collects a repeatable flag in order', () => {
    const parsed = parseArgv(['--set', 'a=1', '--set=b=2', '--set', 'c.d[0]=x y'], SPECS, options);
    expect(parsed.flags.set).toEqual(['a=1', 'b=2', 'c.d[0]=x y']);
  });

  it('reads booleans with no value or an explicit true|false', () => {
    expect(parseArgv(['--verbose'], SPECS, options).flags.verbose).toBe(true);
    expect(parseArgv(['-v'], SPECS, options).flags.verbose).toBe(true);
    expect(parseArgv(['--verbose=false'], SPECS, options).flags.verbose).toBe(false);
    expect(usageError(() => parseArgv(['--verbose=maybe'], SPECS, options)).message).toContain(
      "received 'maybe'",
    );
  });

  it('treats everything after -- as positionals', () => {
    const parsed = parseArgv(['x', '--', '--file', '-v'], SPECS, options);
    expect(parsed.positionals).toEqual(['x', '--file', '-v']);
    expect(parsed.flags.file).toBeUndefined();
  });

  it('accepts - and negative numbers as values and positionals', () => {
    expect(parseArgv(['-f', '-'], SPECS, options).flags.file).toBe('-');
    expect(parseArgv(['--set', '-1'], SPECS, options).flags.set).toEqual(['-1']);
    expect(parseArgv(['-5'], SPECS, options).positionals).toEqual(['-5']);
  });

  it('rejects an unknown flag with a did-you-mean', () => {
    const error = usageError(() => parseArgv(['--fiel', 'x'], SPECS, options));
    expect(error.message).toBe("unknown flag '--fiel' for 'amlkit test'");
    expect(error.hint).toBe("did you mean '--file'?");
    expect(usageError(() => parseArgv(['-x'], SPECS, options)).message).toContain("'-x'");
  });

  it('rejects a missing, empty or flag-like value', () => {
    expect(usageError(() => parseArgv(['--file'], SPECS, options)).message).toContain(
      'expects a value (FILE), received nothing',
    );
    expect(usageError(() => parseArgv(['--file='], SPECS, options)).message).toContain('non-empty');
    const flagLike = usageError(() => parseArgv(['--file', '--verbose'], SPECS, options));
    expect(flagLike.message).toContain("received the flag '--verbose'");
    expect(flagLike.hint).toBe("write '--file=--verbose' if '--verbose' is the value");
  });

  it('rejects a value outside the choices with a did-you-mean', () => {
    const error = usageError(() => parseArgv(['-o', 'jsno'], SPECS, options));
    expect(error.message).toContain("expects one of text, json, received 'jsno'");
    expect(error.hint).toBe("did you mean 'json'?");
  });

  it('rejects a single-value flag given twice', () => {
    expect(
      usageError(() => parseArgv(['-f', 'a', '--file', 'b'], SPECS, options)).message,
    ).toContain("received it twice ('a' and 'b')");
  });

  it('rejects a missing required flag', () => {
    const required = [{ ...SPECS[0], required: true }] as const;
    expect(usageError(() => parseArgv([], required, options)).message).toBe(
      "'amlkit test' requires the flag -f/--file FILE",
    );
  });

  it('parses the same value whichever form it is written in', () => {
    const value = fc
      .string({ minLength: 1, maxLength: 20 })
      .filter((s) => !s.startsWith('-') || /^-\d/.test(s) || s === '-');
    fc.assert(
      fc.property(value, fc.array(value, { maxLength: 5 }), (file, sets) => {
        const spaced = ['--file', file, ...sets.flatMap((s) => ['--set', s])];
        const inline = [`--file=${file}`, ...sets.map((s) => `--set=${s}`)];
        const short = ['-f', file, ...sets.flatMap((s) => ['--set', s])];
        const expected = { file, set: sets, output: 'text', verbose: false };
        expect(parseArgv(spaced, SPECS, options).flags).toEqual(expected);
        expect(parseArgv(inline, SPECS, options).flags).toEqual(expected);
        expect(parseArgv(short, SPECS, options).flags).toEqual(expected);
      }),
    );
  });

  it('passes any token after -- through untouched', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 8 }), (tokens) => {
        expect(parseArgv(['--', ...tokens], SPECS, options).positionals).toEqual(tokens);
      }),
    );
  });
});
