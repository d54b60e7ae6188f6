import type { PathSegment } from './source-map.js';

const BARE_KEY = /^[A-Za-z_$][\w$-]*$/;

/**
 * Formats a JSON path for messages: `jobs.train.inputs[0]`; keys that are not
 * plain identifiers are written as `["a.b"]`; the root is `<root>`.
 *
 * The output is also a valid `--set` path (see {@link parseSetExpression}).
 */
export function formatPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return '<root>';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (BARE_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
