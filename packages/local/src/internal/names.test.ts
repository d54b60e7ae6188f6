import { join, resolve, sep } from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { ArmHttpError } from './http.js';
import { checkJobName, checkRelativePath, isSafeSegment } from './names.js';

describe('checkJobName', () => {
  it('accepts ARM job names and refuses the rest with a 400', () => {
    for (const name of ['a', 'quiet_lamp_x1b2c3d4e5', 'A-1', 'x'.repeat(255)])
      expect(() => {
        checkJobName(name);
      }).not.toThrow();
    for (const name of ['', '-a', '_a', 'a.b', 'a/b', 'x'.repeat(256), '..']) {
      expect(() => {
        checkJobName(name);
      }, name).toThrow(ArmHttpError);
    }
  });
});

describe('checkRelativePath', () => {
  it('refuses absolute, dot, empty, backslash and NUL segments', () => {
    for (const path of [
      '/etc/passwd',
      '../x',
      'a/../../x',
      'a//b',
      './a',
      'a\\b',
      'a\u0000b',
      '',
      'a/',
    ]) {
      expect(() => checkRelativePath(path, 'path'), JSON.stringify(path)).toThrow(ArmHttpError);
    }
    expect(checkRelativePath('src/train.py', 'path')).toEqual(['src', 'train.py']);
  });

  it('never accepts a path that resolves outside its root', () => {
    const root = resolve('/srv/snapshot');
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '', 'a', 'b', '..a', 'a..', '\\', '%2e%2e', '\u0000'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (segments) => {
        const path = segments.join('/');
        let accepted: string[] | undefined;
        try {
          accepted = checkRelativePath(path, 'path');
        } catch {
          return;
        }
        expect(accepted.every(isSafeSegment)).toBe(true);
        const target = resolve(join(root, ...accepted));
        expect(target.startsWith(root + sep)).toBe(true);
      }),
    );
  });
});
