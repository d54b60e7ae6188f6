import { formatPath } from './format-path.js';
import { parseSetPath, SET_FILE } from './internal/set-path.js';
import { parseSetExpression } from './parse-set-expression.js';
import type { SetOverride } from './parse-set-expression.js';
import type { PathSegment } from './source-map.js';
import { YamlError } from './yaml-error.js';
import type { YamlDiagnostic } from './yaml-error.js';

type Container = Record<string, unknown> | unknown[];

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 30 ? `${value.slice(0, 29)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean')
    return `the ${typeof value} ${String(value)}`;
  return `a ${typeof value}`;
}

/** Sets an own property, also for keys such as `__proto__`. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

function fail(
  override: SetOverride,
  depth: number,
  info: { code: string; message: string; expected: string; received: string },
): never {
  let col = 1;
  try {
    col = parseSetPath(override.source).cols[depth] ?? 1;
  } catch {
    // A SetOverride built by hand may have a source that is not an expression.
  }
  const where = formatPath(override.path.slice(0, depth));
  const diag: YamlDiagnostic = {
    code: info.code,
    path: override.path.slice(0, depth + 1),
    file: SET_FILE,
    line: 1,
    col,
    message: `Cannot apply --set ${JSON.stringify(override.source)}: ${info.message} (at ${where})`,
    expected: info.expected,
    received: info.received,
  };
  throw new YamlError(
    info.code,
    `${SET_FILE}:1:${col}: ${diag.message} (expected ${info.expected}, received ${info.received})`,
    {
      diagnostics: [diag],
    },
  );
}

function setAt(node: unknown, override: SetOverride, depth: number): unknown {
  const { path } = override;
  if (depth === path.length) return override.value;
  const segment: PathSegment = path[depth]!;
  // A missing value or null becomes a new container of the right kind.
  const current: unknown =
    node === undefined || node === null ? (typeof segment === 'number' ? [] : {}) : node;
  if (typeof segment === 'number') {
    if (!Array.isArray(current)) {
      fail(override, depth, {
        code: 'SET_PATH_CONFLICT',
        message: `index ${segment} is used on a value that is not a list`,
        expected: 'a list',
        received: describe(current),
      });
    }
    if (segment > current.length) {
      fail(override, depth, {
        code: 'SET_INDEX_OUT_OF_RANGE',
        message: `index ${segment} is past the end of the list`,
        expected: `an index from 0 to ${current.length} (${current.length} appends)`,
        received: String(segment),
      });
    }
    const copy = current.slice();
    copy[segment] = setAt(current[segment], override, depth + 1);
    return copy;
  }
  if (!isMapping(current)) {
    fail(override, depth, {
      code: 'SET_PATH_CONFLICT',
      message: `key ${JSON.stringify(segment)} is looked up in a value that is not a mapping`,
      expected: 'a mapping',
      received: describe(current),
    });
  }
  const copy: Container = { ...current };
  const existing = Object.prototype.hasOwnProperty.call(current, segment)
    ? current[segment]
    : undefined;
  setOwn(copy, segment, setAt(existing, override, depth + 1));
  return copy;
}

/**
 * Applies `--set` overrides in order and returns a new value; the input is
 * never mutated (only containers along each path are copied). Missing
 * mappings (and `null` values) on the way are created; an index equal to a
 * list's length appends.
 *
 * @throws {YamlError} `SET_SYNTAX` for a malformed expression,
 *   `SET_PATH_CONFLICT` when the path goes through a scalar (or indexes a
 *   mapping / keys a list), `SET_INDEX_OUT_OF_RANGE` for an index more than one
 *   past the end.
 * @example
 * ```ts
 * applySetOverrides({ a: { b: 1 } }, ['a.b=2', 'a.c[0]=x']); // { a: { b: 2, c: ['x'] } }
 * ```
 */
export function applySetOverrides(
  value: unknown,
  overrides: readonly (string | SetOverride)[],
): unknown {
  let result = value;
  for (const entry of overrides) {
    const override = typeof entry === 'string' ? parseSetExpression(entry) : entry;
    if (override.path.length === 0) {
      throw new RangeError('applySetOverrides: an override path must not be empty');
    }
    result = setAt(result, override, 0);
  }
  return result;
}
