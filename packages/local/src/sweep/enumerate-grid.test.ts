import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { enumerateGrid } from './enumerate-grid.js';
import type { SearchSpace } from './search-space.js';

describe('enumerateGrid', () => {
  it('enumerates the product of the choices exactly once each', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.stringMatching(/^[a-z_][a-z0-9_]{0,5}$/),
          fc.uniqueArray(fc.oneof(fc.integer(), fc.string({ maxLength: 3 })), {
            minLength: 1,
            maxLength: 4,
          }),
          { minKeys: 1, maxKeys: 4 },
        ),
        (choices) => {
          const space: SearchSpace = Object.fromEntries(
            Object.entries(choices).map(([name, values]) => [name, { type: 'choice', values }]),
          );
          const grid = enumerateGrid(space);
          const expected = Object.values(choices).reduce((n, values) => n * values.length, 1);
          expect(grid).toHaveLength(expected);
          expect(new Set(grid.map((combo) => JSON.stringify(combo))).size).toBe(expected);
          for (const combo of grid) {
            for (const [name, values] of Object.entries(choices)) {
              expect(values).toContain(combo[name]);
            }
          }
        },
      ),
    );
  });

  it('varies the last parameter fastest and expands nested options', () => {
    expect(
      enumerateGrid({
        a: { type: 'choice', values: [1, 2] },
        b: {
          type: 'choice',
          values: ['x', { k: 'y', depth: { type: 'choice', values: [3, 4] } }],
        },
      }),
    ).toEqual([
      { a: 1, b: 'x' },
      { a: 1, k: 'y', depth: 3 },
      { a: 1, k: 'y', depth: 4 },
      { a: 2, b: 'x' },
      { a: 2, k: 'y', depth: 3 },
      { a: 2, k: 'y', depth: 4 },
    ]);
  });

  it('refuses a non-choice distribution, naming it', () => {
    expect(() => enumerateGrid({ lr: { type: 'uniform', minValue: 0, maxValue: 1 } })).toThrow(
      /properties\.searchSpace\.lr: grid sampling expected only choice distributions, received uniform/,
    );
  });
});
