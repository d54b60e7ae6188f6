import { describe, expect, it } from 'vitest';
import { CLI_ERROR_CODES, CliError, isCliError } from './cli-error.js';
import { EXIT_CODES } from './exit-codes.js';

describe('CliError', () => {
  it('maps each code to its exit code', () => {
    const exit = (code: (typeof CLI_ERROR_CODES)[keyof typeof CLI_ERROR_CODES]): number =>
      new CliError('x', { code }).exitCode;
    expect(exit(CLI_ERROR_CODES.USAGE)).toBe(EXIT_CODES.USAGE_ERROR);
    expect(exit(CLI_ERROR_CODES.VALIDATION)).toBe(EXIT_CODES.VALIDATION_ERROR);
    expect(exit(CLI_ERROR_CODES.FILE_NOT_FOUND)).toBe(EXIT_CODES.FILE_ERROR);
    expect(exit(CLI_ERROR_CODES.FILE_EXISTS)).toBe(EXIT_CODES.FILE_ERROR);
    expect(exit(CLI_ERROR_CODES.FILE_ACCESS)).toBe(EXIT_CODES.FILE_ERROR);
    expect(exit(CLI_ERROR_CODES.INTERNAL)).toBe(EXIT_CODES.INTERNAL_ERROR);
  });

  it('keeps name, code, hint and cause', () => {
    const cause = new Error('root');
    const error = new CliError('bad', { code: CLI_ERROR_CODES.USAGE, hint: 'try this', cause });
    expect(error.name).toBe('CliError');
    expect(error.code).toBe('CLI_USAGE');
    expect(error.hint).toBe('try this');
    expect(error.cause).toBe(cause);
    expect(error).toBeInstanceOf(Error);
  });
});

describe('isCliError', () => {
  it('recognises CliErrors by name and code, also from another copy of the package', () => {
    expect(isCliError(new CliError('x', { code: CLI_ERROR_CODES.USAGE }))).toBe(true);
    expect(isCliError({ name: 'CliError', code: 'CLI_USAGE', message: 'x' })).toBe(true);
    expect(isCliError({ name: 'CliError', code: 'SOMETHING_ELSE' })).toBe(false);
    expect(isCliError(new Error('x'))).toBe(false);
    expect(isCliError(null)).toBe(false);
  });
});

describe('EXIT_CODES', () => {
  it('gives every meaning its own number', () => {
    const values = Object.values(EXIT_CODES);
    expect(new Set(values).size).toBe(values.length);
  });
});
