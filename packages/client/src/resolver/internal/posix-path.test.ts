import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basenamePosix, relativePosix, resolvePosix } from './posix-path.js';

const segment = fc.stringMatching(/^[a-z0-9_-]{1,6}$/);

describe('relativePosix', () => {
  it('collapses . and .., keeps leading ../ and writes the folder itself as .', () => {
    expect(relativePosix('/a/b', resolvePosix('/a/b', './src/'))).toBe('src');
    expect(relativePosix('/a/b', resolvePosix('/a/b/c', '../d/./e'))).toBe('d/e');
    expect(relativePosix('/a/b', resolvePosix('/a/b', '../../x'))).toBe('../../x');
    expect(relativePosix('/a/b', resolvePosix('/a/b', '.'))).toBe('.');
  });

  it('inverts resolvePosix for any relative path below the folder', () => {
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 4 }),
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        (base, rel) => {
          const from = `/${base.join('/')}`;
          expect(relativePosix(from, resolvePosix(from, rel.join('/')))).toBe(rel.join('/'));
        },
      ),
    );
  });
});

describe('basenamePosix', () => {
  it('gives the last segment, ignoring a trailing slash', () => {
    expect(basenamePosix('/a/data/')).toBe('data');
    expect(basenamePosix('/')).toBe('');
  });
});
