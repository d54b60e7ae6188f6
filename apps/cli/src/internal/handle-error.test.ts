import { describe, expect, it } from 'vitest';
import { CLI_ERROR_CODES, CliError } from '../cli-error.js';
import type { CliIo } from './define-command.js';
import { handleError } from './handle-error.js';

function capture(env: Record<string, string> = {}): {
  io: CliIo;
  out: () => string;
  err: () => string;
} {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
      env: { NO_COLOR: '1', ...env },
    },
    out: () => out,
    err: () => err,
  };
}

describe('handleError', () => {
  it('prints a usage error with its hint and the help pointer, and returns 2', async () => {
    const { io, err } = capture();
    const error = new CliError("unknown flag '--fiel'", {
      code: CLI_ERROR_CODES.USAGE,
      hint: "did you mean '--file'?",
      command: 'amlkit job validate',
    });
    expect(await handleError(error, { io, debug: false, verbose: false })).toBe(2);
    expect(err()).toBe(
      "amlkit: error: unknown flag '--fiel'\nhint: did you mean '--file'?\nRun 'amlkit job validate --help' for usage.\n",
    );
  });

  it('prints every diagnostic of a JobLoadError and returns 3', async () => {
    const { io, err } = capture();
    const error = Object.assign(new Error('invalid'), {
      name: 'JobLoadError',
      code: 'JOB_INVALID',
      sources: {},
      diagnostics: [
        { code: 'A', path: ['a'], file: 'j.yml', line: 1, col: 2, message: 'first' },
        { code: 'B', path: ['b'], file: 'j.yml', line: 3, col: 4, message: 'second' },
      ],
    });
    expect(await handleError(error, { io, debug: false, verbose: false })).toBe(3);
    expect(err()).toBe('j.yml:1:2: first\nj.yml:3:4: second\n2 problems found\n');
  });

  it('returns 4 for a file problem', async () => {
    const { io } = capture();
    const yamlError = Object.assign(new Error('exists'), {
      name: 'YamlError',
      code: 'YAML_FILE_EXISTS',
      diagnostics: [],
    });
    expect(await handleError(yamlError, { io, debug: false, verbose: false })).toBe(4);
    const fsError = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(await handleError(fsError, { io, debug: false, verbose: false })).toBe(4);
  });

  it('returns 130 when the run was aborted', async () => {
    const { io } = capture();
    const abort = new DOMException('This operation was aborted', 'AbortError');
    expect(await handleError(abort, { io, debug: false, verbose: false })).toBe(130);
  });

  it('turns an unexpected error into one line and 1, with the stack only when debugging', async () => {
    const quiet = capture();
    const bug = new TypeError('x is not a function');
    expect(await handleError(bug, { io: quiet.io, debug: false, verbose: false })).toBe(1);
    expect(quiet.err()).toBe(
      'amlkit: error: internal error: TypeError: x is not a function\nrun with AMLKIT_DEBUG=1 for a stack trace\n',
    );
    const loud = capture();
    await handleError(bug, { io: loud.io, debug: true, verbose: false });
    expect(loud.err()).toContain('at ');
    expect(loud.err()).not.toContain('AMLKIT_DEBUG=1');
  });

  it('never writes to stdout', async () => {
    const { io, out } = capture();
    await handleError(new Error('boom'), { io, debug: true, verbose: true });
    expect(out()).toBe('');
  });
});
