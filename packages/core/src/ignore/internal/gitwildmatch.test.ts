import { describe, expect, it } from 'vitest';

import { compileIgnoreLines, compileIgnorePattern, matchIgnorePatterns } from './gitwildmatch.js';

const matches = (pattern: string, path: string): boolean =>
  compileIgnorePattern(pattern)!.regexp.test(path);

describe('compileIgnorePattern', () => {
  it('matches a bare name at any depth, and everything under it', () => {
    expect(matches('foo', 'foo')).toBe(true);
    expect(matches('foo', 'a/b/foo')).toBe(true);
    expect(matches('foo', 'foo/bar')).toBe(true);
    expect(matches('foo', 'foobar')).toBe(false);
  });

  it('anchors a pattern with a leading or inner slash to the root', () => {
    expect(matches('/foo', 'foo')).toBe(true);
    expect(matches('/foo', 'a/foo')).toBe(false);
    expect(matches('a/foo', 'a/foo')).toBe(true);
    expect(matches('a/foo', 'x/a/foo')).toBe(false);
  });

  it('makes a trailing slash match the contents but not the folder itself (pathspec, no trailing slash on paths)', () => {
    expect(matches('build/', 'build')).toBe(false);
    expect(matches('build/', 'build/x')).toBe(true);
    expect(matches('build/', 'a/build/x')).toBe(true);
  });

  it('supports *, ?, **, and bracket expressions', () => {
    expect(matches('*.log', 'x/y.log')).toBe(true);
    expect(matches('*.log', 'x.log/inner')).toBe(true);
    expect(matches('?.txt', 'a.txt')).toBe(true);
    expect(matches('?.txt', 'ab.txt')).toBe(false);
    expect(matches('a/**/b', 'a/b')).toBe(true);
    expect(matches('a/**/b', 'a/x/y/b')).toBe(true);
    expect(matches('[abc].md', 'b.md')).toBe(true);
    expect(matches('[!abc].md', 'b.md')).toBe(false);
    expect(matches('[!]a-].md', 'z.md')).toBe(true);
    expect(matches('[!]a-].md', '].md')).toBe(false);
    expect(matches('**', 'anything/here')).toBe(true);
    expect(matches('**/', 'top')).toBe(false);
    expect(matches('**/', 'dir/file')).toBe(true);
  });

  it('ignores blank lines, comments and a lone slash, and escapes specials', () => {
    expect(compileIgnorePattern('   ')).toBeNull();
    expect(compileIgnorePattern('# note')).toBeNull();
    expect(compileIgnorePattern('/')).toBeNull();
    expect(matches('\\#hash', '#hash')).toBe(true);
    expect(matches('a.b', 'axb')).toBe(false);
  });
});

describe('compileIgnoreLines', () => {
  it('lets the last matching line decide, with ! re-including', () => {
    const patterns = compileIgnoreLines('*.log\n!keep.log\r\n', '.amlignore');
    expect(matchIgnorePatterns(patterns, 'x.log')).toBe(true);
    expect(matchIgnorePatterns(patterns, 'keep.log')).toBe(false);
    expect(matchIgnorePatterns(patterns, 'x.txt')).toBe(false);
  });

  it('reports an invalid pattern with its file and line', () => {
    expect(() => compileIgnoreLines('ok\nbad\\', '/ctx/.gitignore')).toThrow(
      /\/ctx\/\.gitignore:2/,
    );
  });
});
