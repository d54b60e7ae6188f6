import { describe, expect, it } from 'vitest';
import { parseYaml } from './parse-yaml.js';

const BLOCK = [
  'jobs:', //                        1
  '  train:', //                     2
  '    command: python train.py', // 3
  '    inputs:', //                  4
  '      - path: ./data', //         5
  '        mode: ro_mount', //       6
  '      - 42', //                   7
  '    empty:', //                   8
  '    script: |', //                9
  '      line one', //               10
  '      line two', //               11
  'flow: {a: [1, {b: x}], "c d": 2}', // 12
  '',
].join('\n');

describe('SourceMap', () => {
  const { sourceMap } = parseYaml(BLOCK, { file: 'job.yml' });

  it('does locate nested values in block style', () => {
    expect(sourceMap.locate(['jobs', 'train', 'command'])).toMatchObject({
      file: 'job.yml',
      line: 3,
      col: 14,
      endLine: 3,
      endCol: 29,
    });
    expect(sourceMap.locate(['jobs', 'train', 'inputs', 0, 'mode'])).toMatchObject({
      line: 6,
      col: 15,
    });
    expect(sourceMap.locate(['jobs', 'train', 'inputs', 1])).toMatchObject({ line: 7, col: 9 });
    expect(sourceMap.locate(['jobs', 'train', 'inputs'])).toMatchObject({ line: 5, col: 7 });
  });

  it('does locate keys when asked', () => {
    expect(sourceMap.locate(['jobs', 'train', 'command'], { key: true })).toMatchObject({
      line: 3,
      col: 5,
      endLine: 3,
      endCol: 12,
    });
    expect(sourceMap.locate(['jobs', 'train', 'inputs', 0, 'path'], { key: true })).toMatchObject({
      line: 5,
      col: 9,
    });
    // A list item has no key: its own location is returned.
    expect(sourceMap.locate(['jobs', 'train', 'inputs', 1], { key: true })).toMatchObject({
      line: 7,
      col: 9,
    });
  });

  it('does locate nested values in flow style', () => {
    expect(sourceMap.locate(['flow'])).toMatchObject({ line: 12, col: 7 });
    expect(sourceMap.locate(['flow', 'a', 0])).toMatchObject({ line: 12, col: 12 });
    expect(sourceMap.locate(['flow', 'a', 1, 'b'])).toMatchObject({ line: 12, col: 19 });
    expect(sourceMap.locate(['flow', 'c d'])).toMatchObject({ line: 12, col: 31 });
    expect(sourceMap.locate(['flow', 'c d'], { key: true })).toMatchObject({ line: 12, col: 24 });
  });

  it('does locate block scalars and empty values', () => {
    expect(sourceMap.locate(['jobs', 'train', 'script'])).toMatchObject({ line: 9, col: 13 });
    const empty = sourceMap.locate(['jobs', 'train', 'empty']);
    expect(empty).toBeDefined();
    expect(empty!.line).toBeGreaterThanOrEqual(8);
  });

  it('does accept numeric strings as list indexes', () => {
    expect(sourceMap.locate(['jobs', 'train', 'inputs', '1'])).toEqual(
      sourceMap.locate(['jobs', 'train', 'inputs', 1]),
    );
  });

  it('does return undefined for paths that do not exist', () => {
    expect(sourceMap.locate(['jobs', 'nope'])).toBeUndefined();
    expect(sourceMap.locate(['jobs', 'train', 'inputs', 2])).toBeUndefined();
    expect(sourceMap.locate(['jobs', 'train', 'inputs', -1])).toBeUndefined();
    expect(sourceMap.locate(['jobs', 'train', 'command', 'x'])).toBeUndefined();
    expect(sourceMap.locate(['jobs', 'train', 'inputs', 'x'])).toBeUndefined();
  });

  it('does locate the root document for the empty path', () => {
    expect(sourceMap.locate([])).toMatchObject({ line: 1, col: 1 });
  });

  it('does locate the nearest existing ancestor of a missing path', () => {
    expect(sourceMap.locateNearest(['jobs', 'train', 'compute'])).toMatchObject({
      line: 3,
      col: 5,
    });
    expect(sourceMap.locateNearest(['jobs', 'train', 'inputs', 0, 'type'])).toMatchObject({
      line: 5,
      col: 9,
    });
    expect(sourceMap.locateNearest(['missing', 'deeper'])).toMatchObject({ line: 1, col: 1 });
    expect(sourceMap.locateNearest(['jobs', 'train', 'command'])).toEqual(
      sourceMap.locate(['jobs', 'train', 'command']),
    );
  });

  it('does follow aliases into the anchored node', () => {
    const { sourceMap: map } = parseYaml('defaults: &d\n  image: python\n  env: {A: 1}\nuse: *d\n');
    expect(map.locate(['use'])).toMatchObject({ line: 4, col: 6 });
    expect(map.locate(['use', 'image'])).toMatchObject({ line: 2, col: 10 });
    expect(map.locate(['use', 'env', 'A'])).toMatchObject({ line: 3, col: 12 });
  });

  it('does resolve a redefined anchor to the latest definition before the alias', () => {
    const { value, sourceMap: map } = parseYaml('a: &x {v: 1}\nb: *x\nc: &x {v: 2}\nd: *x\n');
    expect(value).toEqual({ a: { v: 1 }, b: { v: 1 }, c: { v: 2 }, d: { v: 2 } });
    expect(map.locate(['b', 'v'])).toMatchObject({ line: 1, col: 11 });
    expect(map.locate(['d', 'v'])).toMatchObject({ line: 3, col: 11 });
  });

  it('does follow merge keys, explicit keys first, earlier merge sources first', () => {
    const text = 'a: &a {x: 1, y: 2}\nb: &b {y: 3, z: 4}\nm:\n  <<: [*a, *b]\n  x: 5\n';
    const { value, sourceMap: map } = parseYaml(text);
    expect(value).toMatchObject({ m: { x: 5, y: 2, z: 4 } });
    expect(map.locate(['m', 'x'])).toMatchObject({ line: 5, col: 6 });
    expect(map.locate(['m', 'y'])).toMatchObject({ line: 1, col: 17 });
    expect(map.locate(['m', 'z'])).toMatchObject({ line: 2, col: 17 });
    expect(map.locate(['m', 'w'])).toBeUndefined();
    expect(map.locateNearest(['m', 'w'])).toMatchObject({ line: 4, col: 3 });
  });

  it('does treat a quoted "<<" as an ordinary key', () => {
    const { value, sourceMap: map } = parseYaml('"<<": 1\n');
    expect(value).toEqual({ '<<': 1 });
    expect(map.locate(['<<'])).toMatchObject({ line: 1, col: 7 });
  });

  it('does locate inside a scalar root and an empty document', () => {
    expect(parseYaml('hello\n').sourceMap.locate([])).toMatchObject({ line: 1, col: 1 });
    expect(parseYaml('').sourceMap.locate([])).toMatchObject({ line: 1, col: 1 });
    expect(parseYaml('').sourceMap.locate(['a'])).toBeUndefined();
    expect(parseYaml('\n\n# c\n').sourceMap.locateNearest(['a'])).toMatchObject({ line: 1 });
  });

  it('does count columns after multi-byte characters in UTF-16 units and handles CRLF', () => {
    const { sourceMap: map } = parseYaml('é: 1\r\nb: [x, y]\r\n');
    expect(map.locate(['é'])).toMatchObject({ line: 1, col: 4 });
    expect(map.locate(['b', 1])).toMatchObject({ line: 2, col: 8 });
  });
});
