import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childLabelOf, createChildPrefixer, knownLabelWidth, prefixLines } from './child-lines.js';
import { createColors } from './colors.js';

const plain = createColors(false);
const colored = createColors(true);

describe('childLabelOf', () => {
  it('does prefer the azureml.nodeid property, then display_name, then name', () => {
    expect(
      childLabelOf({
        name: 'p_1',
        display_name: 'Train it',
        properties: { 'azureml.nodeid': 'train' },
      }),
    ).toBe('train');
    expect(childLabelOf({ name: 'p_1', display_name: 'Train it', properties: {} })).toBe(
      'Train it',
    );
    expect(childLabelOf({ name: 'p_1', display_name: '' })).toBe('p_1');
  });
});

describe('knownLabelWidth', () => {
  it('does take the longest step name of a pipeline', () => {
    expect(knownLabelWidth({ type: 'pipeline', jobs: { prep: {}, train_model: {} } })).toBe(11);
    expect(knownLabelWidth({ type: 'pipeline', jobs: {} })).toBeUndefined();
  });

  it("does take the last trial's name of a sweep from max_total_trials", () => {
    expect(knownLabelWidth({ type: 'sweep', name: 'sw', limits: { max_total_trials: 12 } })).toBe(
      'sw_11'.length,
    );
    expect(knownLabelWidth({ type: 'sweep', name: 'sw', limits: {} })).toBeUndefined();
    expect(knownLabelWidth({ type: 'command', name: 'c' })).toBeUndefined();
  });
});

describe('prefixLines', () => {
  it('does prefix every line and end a trailing partial line', () => {
    expect(prefixLines('a\nb\n', '[x] ')).toBe('[x] a\n[x] b\n');
    expect(prefixLines('tail', '[x] ')).toBe('[x] tail\n');
    expect(prefixLines('\n', '[x] ')).toBe('[x] \n');
    expect(prefixLines('', '[x] ')).toBe('');
  });

  it('does keep the text of every line, each behind the prefix', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string().map((s) => s.replace(/\n/g, '')),
          { minLength: 1 },
        ),
        (lines) => {
          const out = prefixLines(`${lines.join('\n')}\n`, '[p] ');
          expect(out.endsWith('\n')).toBe(true);
          const back = out.slice(0, -1).split('\n');
          expect(back.every((line) => line.startsWith('[p] '))).toBe(true);
          expect(back.map((line) => line.slice(4))).toEqual(lines);
        },
      ),
    );
  });
});

describe('createChildPrefixer', () => {
  it('does pad labels to the known width', () => {
    const prefixer = createChildPrefixer(5);
    expect(prefixer.prefix('ab', plain)).toBe('[ab]    ');
    expect(prefixer.prefix('train', plain)).toBe('[train] ');
  });

  it('does grow the width to the longest label seen when none is known', () => {
    const prefixer = createChildPrefixer();
    expect(prefixer.prefix('a', plain)).toBe('[a] ');
    expect(prefixer.prefix('longer', plain)).toBe('[longer] ');
    expect(prefixer.prefix('a', plain)).toBe('[a]      ');
  });

  it('does colour only the tag, and only when colours are on, each label keeping its colour', () => {
    const prefixer = createChildPrefixer(3);
    const first = prefixer.prefix('a', colored);
    expect(first).toBe('\u001B[36m[a]\u001B[39m   ');
    expect(prefixer.prefix('b', colored)).toBe('\u001B[33m[b]\u001B[39m   ');
    expect(prefixer.prefix('a', colored)).toBe(first);
    expect(prefixer.prefix('a', plain)).toBe('[a]   ');
  });
});
