import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './format-diagnostic.js';
import type { YamlDiagnostic } from './yaml-error.js';

const D: YamlDiagnostic = {
  code: 'X',
  path: ['a'],
  file: 'job.yml',
  line: 2,
  col: 4,
  message: 'Value is wrong',
};

describe('formatDiagnostic', () => {
  it('does write file:line:col: message', () => {
    expect(formatDiagnostic(D)).toBe('job.yml:2:4: Value is wrong');
  });

  it('does add expected, received and a hint', () => {
    expect(
      formatDiagnostic({ ...D, expected: 'a number', received: '"x"', hint: 'did you mean "b"?' }),
    ).toBe(
      'job.yml:2:4: Value is wrong (expected a number, received "x")\n  hint: did you mean "b"?',
    );
    expect(formatDiagnostic({ ...D, received: '"x"' })).toBe(
      'job.yml:2:4: Value is wrong (received "x")',
    );
  });

  it('does append a code frame when given the text', () => {
    const out = formatDiagnostic(D, { text: 'a: 1\nb: x\n' });
    expect(out).toBe(
      ['job.yml:2:4: Value is wrong', '  1 | a: 1', '> 2 | b: x', '    |    ^', '  3 |'].join('\n'),
    );
    expect(formatDiagnostic(D, { text: 'a: 1\nb: x\n', color: true })).toContain('\u001b[');
  });
});
