import { describe, expect, it } from 'vitest';
import { isCliError } from '../cli-error.js';
import type { CommandEntry } from '../commands/registry.js';
import { buildCommandTree, commandName, resolveCommand } from './command-tree.js';

const load = (): Promise<never> => Promise.reject(new Error('not loaded in this test'));
const commands: CommandEntry[] = [
  { path: ['job', 'validate'], summary: 'validate', load },
  { path: ['job', 'dump'], summary: 'dump', load },
  { path: ['schema'], summary: 'schema', load },
];
const root = buildCommandTree([{ path: ['job'], summary: 'jobs' }], commands);

describe('resolveCommand', () => {
  it('walks the command words and keeps the rest in order', () => {
    const { node, rest } = resolveCommand(root, ['job', 'validate', '-f', 'job', '--set', 'a=1']);
    expect(commandName(node)).toBe('amlkit job validate');
    expect(node.entry?.summary).toBe('validate');
    expect(rest).toEqual(['-f', 'job', '--set', 'a=1']);
  });

  it('skips flags written before the command words', () => {
    const { node, rest } = resolveCommand(root, ['--verbose', 'job', 'dump']);
    expect(node.path).toEqual(['job', 'dump']);
    expect(rest).toEqual(['--verbose']);
  });

  it('stops at a group when the words run out, and at --', () => {
    expect(resolveCommand(root, ['job']).node.path).toEqual(['job']);
    expect(resolveCommand(root, ['--', 'job']).node.path).toEqual([]);
    expect(resolveCommand(root, ['--', 'job']).rest).toEqual(['--', 'job']);
  });

  it('rejects an unknown word with a did-you-mean', () => {
    try {
      resolveCommand(root, ['job', 'valdate']);
      expect.unreachable();
    } catch (error) {
      expect(isCliError(error) && error.exitCode).toBe(2);
      expect((error as Error).message).toBe(
        "unknown command 'valdate' for 'amlkit job'; expected one of: validate, dump",
      );
      expect((error as { hint?: string }).hint).toBe("did you mean 'amlkit job validate'?");
    }
  });
});

describe('buildCommandTree', () => {
  it('rejects a command registered twice', () => {
    expect(() =>
      buildCommandTree([], [...commands, { path: ['schema'], summary: 'again', load }]),
    ).toThrow(TypeError);
  });
});
