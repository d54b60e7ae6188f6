import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Parser } from 'yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createParser, FastParser } from './fast-parser.js';

const CORPUS = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../../shared/conformance/azureml-examples/cli',
);

function yamlFiles(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** The CST tokens and the new-line offsets a parser reports for `source`. */
function run(parser: (onNewLine: (offset: number) => void) => Parser, source: string): unknown {
  const lines: number[] = [];
  const tokens = [...parser((offset) => lines.push(offset)).parse(source)];
  return { tokens, lines };
}

function expectSameAsStock(source: string): void {
  expect(run((nl) => new FastParser(nl), source)).toEqual(run((nl) => new Parser(nl), source));
}

const TRICKY = [
  '',
  'a: 1\n',
  'a: [1, {b: c}, "d"]\n',
  '- a\n-  - b\n   - c\n',
  '? complex\n: value\n',
  'key: |\n  literal\n   text\n\nnext: >-\n  folded\n',
  '%YAML 1.2\n---\na: 1\n...\n---\nb: 2\n',
  'a: &x {k: v}\nb: *x\n<<: *x\n',
  'a: !!binary aGk=\nb: !custom 1\n',
  'a:\n\t- tab\n',
  'a: "unclosed\n',
  "a: 'it''s'\n",
  'a: [1, 2\nb: }\n',
  '- ]\n',
  '\ufeffa: 1\n',
  'a: 1 # comment\n# only a comment\n',
  'a:\r\n  b: 1\r\n',
  '{a: 1, b: [2, 3], c: {d: e}}',
  'a: b: c\n',
  '@bad: 1\n',
];

describe('FastParser', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('yields the stock parser tokens and new lines on tricky and malformed inputs', () => {
    for (const source of TRICKY) expectSameAsStock(source);
  });

  it('yields the stock parser tokens and new lines on every conformance corpus file', () => {
    expect(existsSync(CORPUS), CORPUS).toBe(true);
    const files = yamlFiles(CORPUS);
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) expectSameAsStock(readFileSync(file, 'utf8'));
  });

  it('yields the stock parser tokens on arbitrary YAML-like text', () => {
    const piece = fc.constantFrom(
      'a',
      'key',
      ':',
      ': ',
      '- ',
      '? ',
      '\n',
      '  ',
      '\t',
      '[',
      ']',
      '{',
      '}',
      ',',
      '"',
      "'",
      '#',
      '&a ',
      '*a',
      '!t ',
      '|',
      '>',
      '---',
      '...',
      '%YAML 1.2',
      '1',
      '\r\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        expectSameAsStock(pieces.join(''));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves token logging to the stock parser when LOG_TOKENS is set', () => {
    expect(createParser()).toBeInstanceOf(FastParser);
    vi.stubEnv('LOG_TOKENS', '1');
    const parser = createParser();
    expect(parser).toBeInstanceOf(Parser);
    expect(parser).not.toBeInstanceOf(FastParser);
  });
});
