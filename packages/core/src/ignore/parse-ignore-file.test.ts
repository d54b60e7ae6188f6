import { describe, expect, it } from 'vitest';

import { isPathIgnored } from './is-path-ignored.js';
import { parseIgnoreFile } from './parse-ignore-file.js';

describe('parseIgnoreFile', () => {
  it('compiles every pattern line and drops blanks, comments and a lone slash', () => {
    const rules = parseIgnoreFile('# c\n\n/\n*.log\n!keep.log\n', { file: '.gitignore' });
    expect(rules.file).toBe('.gitignore');
    expect(rules.patterns.map((p) => p.include)).toEqual([true, false]);
  });

  it('reads CRLF and CR line endings like LF', () => {
    const rules = parseIgnoreFile('a.txt\r\nb.txt\rc.txt');
    expect(['a.txt', 'b.txt', 'c.txt'].map((p) => isPathIgnored(rules, p))).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('names the file and line of an invalid pattern', () => {
    expect(() => parseIgnoreFile('ok\nbad\\', { file: 'src/.amlignore' })).toThrow(
      /src\/\.amlignore:2/,
    );
    expect(() => parseIgnoreFile('bad\\')).toThrow(SyntaxError);
    expect(() => parseIgnoreFile('bad\\')).toThrow(/<ignore file>:1/);
  });

  it('rejects text that is not a string', () => {
    expect(() => parseIgnoreFile(undefined as unknown as string)).toThrow(TypeError);
  });
});

describe('isPathIgnored', () => {
  it('lets the last matching line decide', () => {
    const rules = parseIgnoreFile('*.log\n!keep.log\nkeep.log\n');
    expect(isPathIgnored(rules, 'keep.log')).toBe(true);
    expect(isPathIgnored(rules, 'a/b.log')).toBe(true);
    expect(isPathIgnored(rules, 'a/b.txt')).toBe(false);
  });

  it('matches a trailing-slash pattern inside the folder but not the folder path', () => {
    const rules = parseIgnoreFile('build/\n');
    expect(isPathIgnored(rules, 'build')).toBe(false);
    expect(isPathIgnored(rules, 'build/x.o')).toBe(true);
  });

  it('rejects empty, absolute and ./ paths', () => {
    const rules = parseIgnoreFile('x\n');
    for (const bad of ['', '/x', './x']) {
      expect(() => isPathIgnored(rules, bad)).toThrow(TypeError);
    }
  });
});
