import { describe, expect, it } from 'vitest';
import { parseYaml } from './parse-yaml.js';
import { isYamlError } from './yaml-error.js';
import type { YamlError } from './yaml-error.js';

function parseError(text: string, options: Parameters<typeof parseYaml>[1] = {}): YamlError {
  try {
    parseYaml(text, options);
  } catch (err) {
    if (isYamlError(err)) return err;
    throw err;
  }
  throw new Error(`expected parseYaml to throw for ${JSON.stringify(text)}`);
}

function billionLaughs(levels: number, width = 9): string {
  let text = `a0: &a0 [${Array(width).fill('"lol"').join(', ')}]\n`;
  for (let i = 1; i <= levels; i++) {
    text += `a${i}: &a${i} [${Array(width)
      .fill(`*a${i - 1}`)
      .join(', ')}]\n`;
  }
  return text;
}

describe('parseYaml', () => {
  it('does parse a block mapping into plain values', () => {
    const { value, file, text } = parseYaml(
      'name: x\ncount: 3\nratio: 0.5\non: true\nnone: null\nlist: [a, 1]\n',
    );
    expect(value).toEqual({
      name: 'x',
      count: 3,
      ratio: 0.5,
      on: true,
      none: null,
      list: ['a', 1],
    });
    expect(file).toBe('<input>');
    expect(text).toContain('name: x');
  });

  it('does use the YAML 1.2 core schema (no YAML 1.1 booleans, octal 0o, hex)', () => {
    const { value } = parseYaml(
      'a: yes\nb: no\nc: on\nd: 0o17\ne: 0x1F\nf: 012\ng: .inf\nh: ~\ni: 1_000\n',
    );
    expect(value).toEqual({
      a: 'yes',
      b: 'no',
      c: 'on',
      d: 15,
      e: 31,
      f: 12,
      g: Infinity,
      h: null,
      i: '1_000',
    });
  });

  it('does parse an empty document or a comment-only document to null', () => {
    expect(parseYaml('').value).toBeNull();
    expect(parseYaml('# just a comment\n\n').value).toBeNull();
    expect(parseYaml('---\n').value).toBeNull();
  });

  it('does accept a single document with explicit start and end markers', () => {
    expect(parseYaml('---\na: 1\n...\n').value).toEqual({ a: 1 });
  });

  it('does keep quoted scalars as strings', () => {
    expect(parseYaml('a: "10"\nb: \'true\'\nc: !!str 5\n').value).toEqual({
      a: '10',
      b: 'true',
      c: '5',
    });
  });

  it('does resolve merge keys with explicit keys taking precedence', () => {
    const { value } = parseYaml(
      'base: &b {x: 1, y: 2}\nother: &o {y: 5, z: 6}\nm:\n  <<: [*b, *o]\n  x: 9\n',
    );
    expect(value).toEqual({ base: { x: 1, y: 2 }, other: { y: 5, z: 6 }, m: { x: 9, y: 2, z: 6 } });
  });

  it('does reject merge keys that are not given mappings', () => {
    const err = parseError('a: &a [1]\nb:\n  <<: *a\nc:\n  <<: x\n');
    expect(err.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([
      ['YAML_SYNTAX', 3, 7],
      ['YAML_SYNTAX', 5, 7],
    ]);
    expect(err.diagnostics[1]).toMatchObject({ path: ['c', '<<'], received: '"x"' });
  });

  it('does reject duplicate keys, located at the second key', () => {
    const err = parseError('a: 1\nb:\n  c: 1\n  c: 2\n', { file: 'job.yml' });
    expect(err.code).toBe('YAML_DUPLICATE_KEY');
    expect(err.diagnostics).toHaveLength(1);
    expect(err.diagnostics[0]).toMatchObject({
      file: 'job.yml',
      line: 4,
      col: 3,
      path: ['b', 'c'],
    });
    expect(err.message).toContain('job.yml:4:3');
    expect(err.message).toContain('"c"');
  });

  it('does reject keys that name the same JSON property', () => {
    expect(parseError('1: a\n"1": b\n').diagnostics[0]).toMatchObject({
      code: 'YAML_DUPLICATE_KEY',
      line: 2,
      col: 1,
    });
    expect(parseError('~: a\n"": b\n').code).toBe('YAML_DUPLICATE_KEY');
    expect(parseError('{a: 1, a: 2}').diagnostics[0]).toMatchObject({
      code: 'YAML_DUPLICATE_KEY',
      col: 8,
    });
  });

  it('does find duplicate keys in a huge mapping without quadratic work', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `key_${i}: ${i}`);
    lines.push('key_7: again');
    const err = parseError(lines.join('\n'));
    expect(err.diagnostics).toHaveLength(1);
    expect(err.diagnostics[0]).toMatchObject({
      code: 'YAML_DUPLICATE_KEY',
      line: 20_001,
      col: 1,
      path: ['key_7'],
    });
  });

  it('does report duplicate keys together with syntax errors', () => {
    const err = parseError('a: 1\na: 2\nb: ]\n');
    expect(err.diagnostics.map((d) => d.code)).toEqual(['YAML_DUPLICATE_KEY', 'YAML_SYNTAX']);
  });

  it('does point at the opening quote of a string that is never closed', () => {
    const err = parseError('name: x\ncommand: "python train.py\ncompute: cpu\n');
    expect(err.diagnostics[0]).toMatchObject({
      code: 'YAML_SYNTAX',
      line: 2,
      col: 10,
      expected: 'a closing "',
    });
    expect(parseError("a: 'it''s\n").diagnostics[0]).toMatchObject({ line: 1, col: 4 });
  });

  it('does explain tab indentation', () => {
    expect(parseError('a:\n\tb: 1\n').diagnostics[0]).toMatchObject({
      line: 2,
      col: 1,
      received: 'a tab character',
    });
  });

  it('does show the offending text of a syntax error', () => {
    const err = parseError('a: 1\nb: ]\n');
    expect(err.diagnostics[0]).toMatchObject({
      code: 'YAML_SYNTAX',
      line: 2,
      col: 4,
      received: '"]"',
    });
  });

  it('does keep the core schema under a %YAML 1.1 directive', () => {
    expect(parseYaml('%YAML 1.1\n---\na: yes\nb: 0777\n').value).toEqual({ a: 'yes', b: 777 });
  });

  it('does report every syntax error at once, each located and sorted', () => {
    const err = parseError('a: [1, 2\nb: }\nc: "x\n');
    expect(err.code).toBe('YAML_SYNTAX');
    expect(err.diagnostics.length).toBeGreaterThan(1);
    for (const d of err.diagnostics) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.col).toBeGreaterThanOrEqual(1);
      expect(d.file).toBe('<input>');
    }
    const positions = err.diagnostics.map((d) => d.line * 1000 + d.col);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    expect(err.message).toMatch(/and \d+ more problems?/);
  });

  it('does reject a multi-document stream', () => {
    const err = parseError('a: 1\n---\nb: 2\n');
    expect(err.code).toBe('YAML_MULTIPLE_DOCUMENTS');
    expect(err.diagnostics[0]).toMatchObject({ line: 2, col: 1 });
  });

  it.each([
    ['a: !!binary aGVsbG8=\n', '!!binary'],
    ['a: !!timestamp 2001-12-14\n', '!!timestamp'],
    ['a: !custom x\n', '!custom'],
    ['a: !!set {x, y}\n', '!!set'],
  ])('does reject the tag in %j', (text, tag) => {
    const err = parseError(text);
    expect(err.code).toBe('YAML_UNSUPPORTED_TAG');
    expect(err.diagnostics[0]!.received).toBe(tag);
    expect(err.diagnostics[0]).toMatchObject({ line: 1, col: 4, path: ['a'] });
  });

  it('does reject collection keys', () => {
    const err = parseError('? [a, b]\n: 1\n');
    expect(err.code).toBe('YAML_COMPLEX_KEY');
    expect(err.diagnostics[0]).toMatchObject({ line: 1, col: 3 });
  });

  it('does accept scalar keys that are not strings, naming them as JSON does', () => {
    const { value, sourceMap } = parseYaml('1: a\ntrue: b\nnull: c\n');
    expect(value).toEqual({ '1': 'a', true: 'b', '': 'c' });
    expect(sourceMap.locate(['1'])).toMatchObject({ line: 1, col: 4 });
    expect(sourceMap.locate([1])).toMatchObject({ line: 1, col: 4 });
    expect(sourceMap.locate(['true'])).toMatchObject({ line: 2 });
    expect(sourceMap.locate([''])).toMatchObject({ line: 3 });
  });

  describe('binary input', () => {
    it('does reject NUL bytes with the location of the first one', () => {
      const err = parseError('a: 1\nb: x\u0000y\n', { file: 'f.yml' });
      expect(err.code).toBe('YAML_BINARY');
      expect(err.diagnostics[0]).toMatchObject({ file: 'f.yml', line: 2, col: 5 });
      expect(err.message).toContain('NUL');
    });

    it('does reject control characters typical of binary files', () => {
      const junk = String.fromCharCode(0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00);
      expect(parseError(junk).code).toBe('YAML_BINARY');
      expect(parseError('a: \u0001\n').code).toBe('YAML_BINARY');
    });

    it('does accept tabs, CRLF line ends and a BOM', () => {
      expect(parseYaml('\uFEFFa:\t1\r\nb: "x\ty"\r\n').value).toEqual({ a: 1, b: 'x\ty' });
    });
  });

  describe('size limit', () => {
    it('does reject a 50 MB input by size before parsing', () => {
      // Invalid YAML on purpose: if it were parsed, the error would be YAML_SYNTAX.
      const big = `a: [${'x'.repeat(50 * 1024 * 1024)}`;
      const err = parseError(big);
      expect(err.code).toBe('YAML_TOO_LARGE');
      expect(err.diagnostics[0]!.expected).toBe(`at most ${10 * 1024 * 1024} bytes`);
    });

    it('does count UTF-8 bytes, not characters', () => {
      const text = `a: ${'é'.repeat(60)}\n`; // 3 + 120 + 1 bytes, 64 characters
      expect(parseYaml(text, { maxBytes: 124 }).value).toEqual({ a: 'é'.repeat(60) });
      expect(parseError(text, { maxBytes: 123 }).code).toBe('YAML_TOO_LARGE');
    });

    it('does count astral characters as four bytes', () => {
      const text = `a: ${'😀'.repeat(10)}`; // 3 + 40 bytes, 23 UTF-16 units
      expect(parseYaml(text, { maxBytes: 43 }).value).toEqual({ a: '😀'.repeat(10) });
      expect(parseError(text, { maxBytes: 42 }).code).toBe('YAML_TOO_LARGE');
    });
  });

  describe('depth limit', () => {
    it('does accept nesting up to maxDepth and reject one level more', () => {
      const nested = (n: number): string => '['.repeat(n) + ']'.repeat(n);
      expect(parseYaml(nested(64)).value).toBeInstanceOf(Array);
      const err = parseError(nested(65));
      expect(err.code).toBe('YAML_DEPTH_LIMIT');
      expect(err.diagnostics[0]).toMatchObject({ line: 1, col: 65 });
      expect(err.diagnostics[0]!.path).toHaveLength(64);
    });

    it('does reject deep block nesting with the path to the offending node', () => {
      const text =
        Array.from({ length: 6 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
      const err = parseError(text, { maxDepth: 5 });
      expect(err.code).toBe('YAML_DEPTH_LIMIT');
      expect(err.diagnostics[0]!.path).toEqual(['k0', 'k1', 'k2', 'k3', 'k4']);
    });

    it('does reject extremely deep nesting without crashing the parser', () => {
      for (const text of ['['.repeat(100_000), '- '.repeat(50_000) + 'x', '{a: '.repeat(20_000)]) {
        const err = parseError(text);
        expect(['YAML_DEPTH_LIMIT', 'YAML_SYNTAX']).toContain(err.code);
        expect(err.diagnostics.filter((d) => d.code === 'YAML_DEPTH_LIMIT')).toHaveLength(1);
      }
    });

    it('does count the depth that aliases add', () => {
      const text = 'a: &a [[[1]]]\nb: [[[*a]]]\n'; // b expands to 6 levels + the root mapping
      expect(parseYaml(text, { maxDepth: 7 }).value).toEqual({ a: [[[1]]], b: [[[[[[1]]]]]] });
      const err = parseError(text, { maxDepth: 6 });
      expect(err.code).toBe('YAML_DEPTH_LIMIT');
      expect(err.diagnostics[0]).toMatchObject({ line: 2, col: 7, path: ['b', 0, 0, 0] });
    });
  });

  describe('alias limit', () => {
    it('does reject a billion-laughs document without expanding it', () => {
      const err = parseError(billionLaughs(9));
      expect(err.code).toBe('YAML_ALIAS_LIMIT');
      expect(err.diagnostics[0]!.path[0]).toMatch(/^a\d$/);
      expect(err.message).toContain('alias');
    });

    it('does reject a deep alias chain (10^40 expansions) as well', () => {
      expect(parseError(billionLaughs(40, 10)).code).toBe('YAML_ALIAS_LIMIT');
    });

    it('does reject bombs built from merge keys', () => {
      let text = 'a0: &a0 {x: 1}\n';
      for (let i = 1; i <= 30; i++) text += `a${i}: &a${i} {k: [*a${i - 1}, *a${i - 1}]}\n`;
      expect(parseError(text).code).toBe('YAML_ALIAS_LIMIT');
    });

    it('does accept a document within the alias budget and honours maxAliasCount', () => {
      const text = 'a: &a {x: 1}\nb: [*a, *a, *a]\n';
      expect(parseYaml(text).value).toEqual({ a: { x: 1 }, b: [{ x: 1 }, { x: 1 }, { x: 1 }] });
      expect(parseYaml(text, { maxAliasCount: 3 }).value).toBeTruthy();
      const err = parseError(text, { maxAliasCount: 2 });
      expect(err.code).toBe('YAML_ALIAS_LIMIT');
      expect(err.diagnostics[0]).toMatchObject({ line: 2, col: 13, path: ['b', 2] });
      expect(parseError(text, { maxAliasCount: 0 }).code).toBe('YAML_ALIAS_LIMIT');
    });

    it('does count nested expansions (an alias to a node that holds aliases)', () => {
      const text = 'a: &a 1\nb: &b [*a, *a]\nc: [*b]\n'; // 2 + (1 + 2) = 5 expansions
      expect(parseYaml(text, { maxAliasCount: 5 }).value).toEqual({ a: 1, b: [1, 1], c: [[1, 1]] });
      expect(parseError(text, { maxAliasCount: 4 }).code).toBe('YAML_ALIAS_LIMIT');
    });

    it('does report an undefined alias as a syntax error', () => {
      const err = parseError('a: 1\nb: [*nope, *a]\n');
      expect(err.code).toBe('YAML_SYNTAX');
      expect(err.diagnostics).toHaveLength(2);
      expect(err.diagnostics[0]).toMatchObject({ line: 2, col: 5, path: ['b', 0] });
      expect(err.diagnostics[0]!.message).toContain('*nope');
    });
  });

  it('does reject an alias to a node that contains it', () => {
    const err = parseError('a: &a\n  b: [*a]\n');
    expect(err.code).toBe('YAML_SYNTAX');
    expect(err.diagnostics[0]).toMatchObject({ line: 2, col: 7, path: ['a', 'b', 0] });
    expect(err.diagnostics[0]!.message).toContain('Circular');
  });

  describe('arguments', () => {
    it('does throw TypeError for a non-string input', () => {
      expect(() => parseYaml(42 as unknown as string)).toThrow(TypeError);
    });

    it('does throw RangeError for negative or NaN limits', () => {
      expect(() => parseYaml('a: 1', { maxBytes: -1 })).toThrow(RangeError);
      expect(() => parseYaml('a: 1', { maxDepth: Number.NaN })).toThrow(RangeError);
    });
  });
});
