import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createIgnoreMatcher } from './create-ignore-matcher.js';
import { IGNORE_FILE_NAMES } from './ignore-file-names.js';
import { parseIgnoreFile } from './parse-ignore-file.js';

describe('createIgnoreMatcher', () => {
  it('uses .amlignore over .gitignore, even an empty one', () => {
    const both = createIgnoreMatcher({ amlignore: 'data/\n', gitignore: '*.py\n' });
    expect(both('train.py')).toBe(false);
    expect(both('data/a.csv')).toBe(true);
    const emptyAml = createIgnoreMatcher({ amlignore: '', gitignore: '*.py\n' });
    expect(emptyAml('train.py')).toBe(false);
    const gitOnly = createIgnoreMatcher({ gitignore: '*.py\n' });
    expect(gitOnly('train.py')).toBe(true);
    expect(IGNORE_FILE_NAMES).toEqual(['.amlignore', '.gitignore']);
  });

  it('leaves nothing out without ignore files', () => {
    const none = createIgnoreMatcher({});
    expect(none('anything/at/all')).toBe(false);
    expect(none('dir', true)).toBe(false);
  });

  it('keeps the ignore files themselves unless a pattern names them', () => {
    expect(createIgnoreMatcher({ gitignore: 'x\n' })('.gitignore')).toBe(false);
    expect(createIgnoreMatcher({ gitignore: '.gitignore\n' })('.gitignore')).toBe(true);
  });

  it('accepts parsed rules and names the folder in a parse error', () => {
    const matcher = createIgnoreMatcher(parseIgnoreFile('*.tmp\n', { file: 'x/.amlignore' }));
    expect(matcher('a/b.tmp')).toBe(true);
    expect(() => createIgnoreMatcher({ gitignore: 'bad\\', folder: '/code/' })).toThrow(
      /\/code\/\.gitignore:1/,
    );
  });

  it('skips a folder only when no later ! line could re-include something in it', () => {
    const plain = createIgnoreMatcher({ gitignore: 'node_modules\n' });
    expect(plain('node_modules', true)).toBe(true);
    expect(plain('src', true)).toBe(false);
    const negated = createIgnoreMatcher({ gitignore: 'data\n!data/keep.csv\n' });
    expect(negated('data', true)).toBe(false);
    expect(negated('data/keep.csv')).toBe(false);
    expect(negated('data/drop.csv')).toBe(true);
    const negatedFirst = createIgnoreMatcher({ gitignore: '!keep\ndata\n' });
    expect(negatedFirst('data', true)).toBe(true);
    // `dir/` matches the contents, not the folder path: walk it, skip each file.
    const slash = createIgnoreMatcher({ gitignore: 'dir/\n' });
    expect(slash('dir', true)).toBe(false);
    expect(slash('dir/a')).toBe(true);
  });

  it('never skips a folder that holds a path the file check keeps (property)', () => {
    const segment = fc.constantFrom('a', 'b', 'data', 'x.log', 'keep', '.git');
    const line = fc.oneof(
      segment,
      fc.constantFrom(
        '*.log',
        '**/b',
        'a/**',
        'data/',
        '/a',
        '!keep',
        '!a/b',
        '**',
        '!*.log',
        'a/*',
      ),
    );
    const pathOf = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), pathOf, pathOf, (lines, dir, below) => {
        const ignored = createIgnoreMatcher({ gitignore: lines.join('\n') });
        if (ignored(dir, true)) expect(ignored(`${dir}/${below}`)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects paths that are not relative', () => {
    const matcher = createIgnoreMatcher({ gitignore: 'x\n' });
    expect(() => matcher('/abs')).toThrow(TypeError);
    expect(() => matcher('')).toThrow(/relative/);
  });
});

describe('ignore (browser safety)', () => {
  it('uses no Node built-ins in the shipped ignore files', () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const files = [
      ...readdirSync(here).map((name) => path.join(here, name)),
      ...readdirSync(path.join(here, 'internal')).map((name) => path.join(here, 'internal', name)),
    ].filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ['"]node:|require\(|\bprocess\./);
    }
  });
});
