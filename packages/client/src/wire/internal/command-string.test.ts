import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rewriteSingleBraceReferences } from './command-string.js';

describe('rewriteSingleBraceReferences', () => {
  it('rewrites {inputs.x}, {outputs.y} and {search_space.z} to ${{…}}', () => {
    expect(
      rewriteSingleBraceReferences('python t.py {inputs.a} {outputs.b} --lr {search_space.lr}'),
    ).toBe('python t.py ${{inputs.a}} ${{outputs.b}} --lr ${{search_space.lr}}');
  });

  it('leaves double-brace references and other braces alone', () => {
    const text = 'echo ${{inputs.a}} {{inputs.b}} {other.c} {inputs} ${HOME}';
    expect(rewriteSingleBraceReferences(text)).toBe(text);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('{inputs.a}', '${{outputs.b}}', ' ', 'x', '{', '}', '$')),
        (parts) => {
          const once = rewriteSingleBraceReferences(parts.join(''));
          expect(rewriteSingleBraceReferences(once)).toBe(once);
        },
      ),
    );
  });
});
