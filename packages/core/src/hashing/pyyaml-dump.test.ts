import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { pyFloat, type PyValue } from './py-float.js';
import { pyyamlDump } from './pyyaml-dump.js';
import { CORPUS_ROOT, callsOf, exists } from './test-support/corpus.js';
import { pyyamlSafeLoad } from './test-support/pyyaml-load.js';
import { loadPythonVectors } from './test-support/python-vectors.js';

/** Every conda file (inline mapping or referenced path) reachable from a job YAML through file references. */
function condaFilesOf(jobYaml: string): PyValue[] {
  const found: PyValue[] = [];
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file) || !exists(file)) return;
    seen.add(file);
    const base = path.dirname(file);
    const walk = (value: PyValue | undefined): void => {
      if (Array.isArray(value)) {
        (value as readonly PyValue[]).forEach(walk);
        return;
      }
      if (
        value === null ||
        typeof value !== 'object' ||
        !(Object.getPrototypeOf(value) === Object.prototype)
      )
        return;
      for (const [key, item] of Object.entries(value as Record<string, PyValue>)) {
        if (key === 'conda_file') {
          found.push(
            typeof item === 'string'
              ? pyyamlSafeLoad(readFileSync(path.resolve(base, item.replace(/^file:/, '')), 'utf8'))
              : item,
          );
        } else if (
          typeof item === 'string' &&
          /\.ya?ml$/.test(item) &&
          !item.startsWith('azureml')
        ) {
          visit(path.resolve(base, item.replace(/^file:/, '')));
        } else {
          walk(item);
        }
      }
    };
    walk(pyyamlSafeLoad(readFileSync(file, 'utf8')));
  };
  visit(path.join(CORPUS_ROOT, jobYaml));
  return found;
}

describe('pyyamlDump', () => {
  it('reproduces every conda_file_yaml of the goldens from the conda file the job YAML references', () => {
    const environments = callsOf('environment').filter(
      (entry) => typeof entry.call.conda_file_yaml === 'string',
    );
    const distinct = new Set(environments.map((entry) => entry.call.conda_file_yaml));
    expect(distinct.size).toBeGreaterThanOrEqual(14);
    const checked = new Set<unknown>();
    for (const { source, call } of environments) {
      const dumps = condaFilesOf(source).map((conda) => pyyamlDump(conda, { sortKeys: true }));
      expect(dumps, `${source}: a conda file that dumps to the golden text`).toContain(
        call.conda_file_yaml,
      );
      checked.add(call.conda_file_yaml);
    }
    expect(checked).toEqual(distinct);
  });

  it('matches PyYAML 6.0 yaml.dump(sort_keys=True) on recorded random values', () => {
    const vectors = loadPythonVectors();
    expect(vectors.length).toBeGreaterThan(100);
    for (const [index, vector] of vectors.entries()) {
      expect(pyyamlDump(vector.value), `vector ${index}`).toBe(vector.yaml);
    }
  });

  it('quotes strings that YAML 1.1 would read as other types', () => {
    expect(
      pyyamlDump([
        '3.8',
        'yes',
        'on',
        'Off',
        '1e3',
        '1.0e+3',
        '0x1f',
        '~',
        'null',
        '',
        '2001-12-14',
        '=',
        '<<',
      ]),
    ).toBe(
      "- '3.8'\n- 'yes'\n- 'on'\n- 'Off'\n- 1e3\n- '1.0e+3'\n- '0x1f'\n- '~'\n- 'null'\n- ''\n- '2001-12-14'\n- '='\n- '<<'\n",
    );
  });

  it('writes ints, floats, booleans and None the way PyYAML represents them', () => {
    expect(
      pyyamlDump({
        a: 1,
        b: 0.1,
        c: pyFloat(1),
        d: 1e-5,
        e: pyFloat(1e16),
        f: NaN,
        g: -Infinity,
        h: null,
        i: true,
      }),
    ).toBe('a: 1\nb: 0.1\nc: 1.0\nd: 1.0e-05\ne: 1.0e+16\nf: .nan\ng: -.inf\nh: null\ni: true\n');
  });

  it('writes empty collections in flow style and does not indent sequences inside mappings', () => {
    expect(pyyamlDump({ deps: ['a', { pip: ['b'] }], empty: {}, none: [] })).toBe(
      'deps:\n- a\n- pip:\n  - b\nempty: {}\nnone: []\n',
    );
  });

  it('escapes non-ASCII text in double quotes because allow_unicode is False', () => {
    expect(pyyamlDump({ name: 'café 😀' })).toBe('name: "caf\\xE9 \\U0001F600"\n');
  });

  it('folds long plain scalars at width 80', () => {
    const words = Array.from({ length: 20 }, (_, i) => `word${i}`).join(' ');
    expect(pyyamlDump({ text: words })).toBe(
      'text: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15 word16 word17 word18 word19\n',
    );
  });

  it('ends a bare root scalar with a document end marker', () => {
    expect(pyyamlDump('abc')).toBe('abc\n...\n');
    expect(pyyamlDump(1)).toBe('1\n...\n');
    expect(pyyamlDump('')).toBe("''\n");
  });

  it('writes anchors and aliases for shared and recursive lists and objects (texts from PyYAML 6.0)', () => {
    const a = { x: 1 };
    const l = ['p', 'q'];
    const e = {};
    const recursive: Record<string, unknown> = { k: 1 };
    recursive.self = recursive;
    const recursiveList: unknown[] = [1];
    recursiveList.push(recursiveList);
    expect(pyyamlDump([a, a, l, l, [a]])).toBe(
      '- &id001\n  x: 1\n- *id001\n- &id002\n  - p\n  - q\n- *id002\n- - *id001\n',
    );
    expect(pyyamlDump({ a: [a, { b: a }], c: l, d: { e: l } })).toBe(
      'a:\n- &id001\n  x: 1\n- b: *id001\nc: &id002\n- p\n- q\nd:\n  e: *id002\n',
    );
    expect(pyyamlDump({ a: e, b: e })).toBe('a: &id001 {}\nb: *id001\n');
    expect(pyyamlDump(recursive as PyValue)).toBe('&id001\nk: 1\nself: *id001\n');
    expect(pyyamlDump(recursiveList as PyValue)).toBe('&id001\n- 1\n- *id001\n');
  });

  it('keeps insertion order when sortKeys is false', () => {
    expect(pyyamlDump({ b: 1, a: 2 }, { sortKeys: false })).toBe('b: 1\na: 2\n');
  });

  it('rejects values Python would never have received', () => {
    expect(() => pyyamlDump([undefined] as unknown as PyValue)).toThrow(TypeError);
    expect(() => pyyamlDump({ m: new Map() } as unknown as PyValue)).toThrow(/at \$\.m/);
  });
});
