import { describe, expect, it } from 'vitest';
import { formatPath } from './format-path.js';
import { parseSetExpression } from './parse-set-expression.js';

describe('formatPath', () => {
  it('does write dotted keys and bracketed indexes', () => {
    expect(formatPath(['jobs', 'train', 'inputs', 0])).toBe('jobs.train.inputs[0]');
    expect(formatPath([0, 'a'])).toBe('[0].a');
    expect(formatPath(['azureml-examples', '$schema', '_x'])).toBe('azureml-examples.$schema._x');
  });

  it('does quote keys that are not identifiers', () => {
    expect(formatPath(['a.b'])).toBe('["a.b"]');
    expect(formatPath(['x', 'a b', 'c'])).toBe('x["a b"].c');
    expect(formatPath(['', '1x', 'q"'])).toBe('[""]["1x"]["q\\""]');
  });

  it('does write <root> for the empty path', () => {
    expect(formatPath([])).toBe('<root>');
  });

  it('does produce a path that --set parses back', () => {
    const path = ['jobs', 'a.b', 0, 'x y', '', 'q"\'', 3];
    expect(parseSetExpression(`${formatPath(path)}=1`).path).toEqual(path);
  });
});
