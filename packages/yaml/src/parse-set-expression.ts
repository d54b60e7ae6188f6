import { resolveCoreScalar } from './internal/core-scalar.js';
import { failSetSyntax, parseSetPath, SET_FILE } from './internal/set-path.js';
import { parseYaml } from './parse-yaml.js';
import type { PathSegment } from './source-map.js';
import { isYamlError } from './yaml-error.js';

/** One parsed `--set path=value` override. */
export interface SetOverride {
  /** Where to set the value, e.g. `['jobs', 'train', 'inputs', 0]`. */
  path: PathSegment[];
  /** The typed value (YAML 1.2 core scalar or flow collection). */
  value: unknown;
  /** The expression as written (used in messages). */
  source: string;
}

/** Parses the value part of a `--set` expression (text after `=`). */
function parseSetValue(expr: string, start: number): unknown {
  const text = expr.slice(start);
  if (text === '') return '';
  const first = text.trimStart()[0];
  if (first === '[' || first === '{' || first === '"' || first === "'") {
    try {
      return parseYaml(text, { file: SET_FILE }).value;
    } catch (err) {
      const d = isYamlError(err) ? err.diagnostics[0] : undefined;
      const at = d && d.line === 1 ? start + d.col - 1 : start;
      const what = first === '"' || first === "'" ? 'a quoted string' : 'a flow collection';
      failSetSyntax(
        expr,
        at,
        `the value is not valid YAML (${d?.message ?? 'unknown error'})`,
        `${what} in YAML flow syntax`,
        JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text),
      );
    }
  }
  return resolveCoreScalar(text);
}

/**
 * Parses a `--set path=value` override.
 *
 * Grammar (see the package README): `path` is `key(.key | [index] | ["key"])*`
 * where a key is bare (`a`), double-quoted (`"b.c"`, JSON escapes) or
 * single-quoted (`'x y'`, `''` for a quote). The value is everything after the
 * first `=` outside quotes: empty means the empty string; `[`/`{`/quotes start
 * YAML flow syntax; anything else is a YAML 1.2 core plain scalar
 * (`true`, `10`, `1.5`, `null`, or a string).
 *
 * @throws {YamlError} code `SET_SYNTAX`, located at the offending column.
 * @example
 * ```ts
 * parseSetExpression('jobs.train.inputs[0]."lr.max"=0.1');
 * // { path: ['jobs', 'train', 'inputs', 0, 'lr.max'], value: 0.1, source: … }
 * ```
 */
export function parseSetExpression(expr: string): SetOverride {
  if (typeof expr !== 'string') {
    throw new TypeError(`parseSetExpression: expected a string, received ${typeof expr}`);
  }
  const { path, eq } = parseSetPath(expr);
  return { path, value: parseSetValue(expr, eq + 1), source: expr };
}
