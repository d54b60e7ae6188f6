import { describe, expect, it } from 'vitest';
import { formatCodeFrame } from './format-code-frame.js';

const TEXT = 'a: 1\nb:\n  c: [1,\nd: 4\ne: 5\nf: 6\n';

describe('formatCodeFrame', () => {
  it('does mark the line with > and puts a caret under the column', () => {
    expect(formatCodeFrame(TEXT, 3, 8)).toBe(
      [
        '  1 | a: 1',
        '  2 | b:',
        '> 3 |   c: [1,',
        '    |        ^',
        '  4 | d: 4',
        '  5 | e: 5',
      ].join('\n'),
    );
  });

  it('does honour the context option and widens the gutter for two-digit lines', () => {
    const text = Array.from({ length: 12 }, (_, i) => `k${i + 1}: ${i + 1}`).join('\n');
    expect(formatCodeFrame(text, 10, 1, { context: 1 })).toBe(
      ['   9 | k9: 9', '> 10 | k10: 10', '     | ^', '  11 | k11: 11'].join('\n'),
    );
    expect(formatCodeFrame(text, 1, 1, { context: 0 })).toBe(['> 1 | k1: 1', '    | ^'].join('\n'));
  });

  it('does keep tabs so the caret lines up', () => {
    expect(formatCodeFrame('a:\n\tb: x\n', 2, 5, { context: 0 })).toBe(
      ['> 2 | \tb: x', '    | \t   ^'].join('\n'),
    );
  });

  it('does clamp lines and columns that are out of range', () => {
    expect(formatCodeFrame('a: 1', 9, 99, { context: 0 })).toBe(
      ['> 1 | a: 1', '    |     ^'].join('\n'),
    );
    expect(formatCodeFrame('', 1, 1, { context: 0 })).toBe(['> 1 |', '    | ^'].join('\n'));
  });

  it('does cut long lines around the column', () => {
    const line = `${'x'.repeat(300)}Y${'z'.repeat(300)}`;
    const frame = formatCodeFrame(line, 1, 301, { context: 0 });
    const [src, caret] = frame.split('\n') as [string, string];
    expect(src.length).toBeLessThan(140);
    expect(src).toContain('…');
    expect(src[caret.indexOf('^')]).toBe('Y');
  });

  it('does add ANSI colors only when asked', () => {
    expect(formatCodeFrame(TEXT, 1, 1)).not.toContain('\u001b[');
    const colored = formatCodeFrame(TEXT, 1, 1, { color: true });
    expect(colored).toContain('\u001b[31m');
    // eslint-disable-next-line no-control-regex -- stripping ANSI codes
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(formatCodeFrame(TEXT, 1, 1));
  });
});
