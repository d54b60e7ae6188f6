import * as nodePath from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { basename, dirname, extname, join, normalize, relative, resolve } from './path.js';

const segment = fc.constantFrom('a', 'b', 'src', '..', '.', '', 'x.yml');
const pathArb = fc
  .tuple(fc.boolean(), fc.array(segment, { maxLength: 6 }))
  .map(([abs, parts]) => `${abs ? '/' : ''}${parts.join('/')}`);

describe('path shim', () => {
  it('agrees with node:path (POSIX) on normalize, join, dirname, basename, extname', () => {
    fc.assert(
      fc.property(pathArb, pathArb, (a, b) => {
        if (a !== '')
          expect(normalize(a).replace(/\/$/, '') || '/').toBe(
            nodePath.posix.normalize(a).replace(/(.)\/$/, '$1'),
          );
        expect(join(a, b)).toBe(nodePath.posix.join(a, b).replace(/(.)\/$/, '$1'));
        expect(dirname(a || '.')).toBe(
          nodePath.posix.dirname(nodePath.posix.normalize(a || '.')).replace(/(.)\/$/, '$1'),
        );
        expect(extname(a)).toBe(nodePath.posix.extname(normalize(a)));
      }),
    );
    expect(basename('/a/b/job.yml', '.yml')).toBe('job');
  });

  it('resolves against / like node:path resolves against a cwd of /', () => {
    fc.assert(
      fc.property(pathArb, pathArb, (a, b) => {
        expect(resolve('/', a, b)).toBe(nodePath.posix.resolve('/', a, b));
        expect(relative(resolve('/', a), resolve('/', b))).toBe(
          nodePath.posix.relative(nodePath.posix.resolve('/', a), nodePath.posix.resolve('/', b)),
        );
      }),
    );
  });
});
