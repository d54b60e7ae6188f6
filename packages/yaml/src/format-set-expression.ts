import { resolveCoreScalar } from './internal/core-scalar.js';
import type { PathSegment } from './source-map.js';

const BARE_KEY = /^[^.=[\]"'\s]+$/;

// Characters JSON.stringify leaves raw but the binary check rejects.
const NEEDS_ESCAPE = /[\uFFFE\uFFFF]/g;

function quote(s: string): string {
  return JSON.stringify(s).replace(
    NEEDS_ESCAPE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function formatNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Number.POSITIVE_INFINITY) return '.inf';
  if (n === Number.NEGATIVE_INFINITY) return '-.inf';
  if (Object.is(n, -0)) return '-0.0';
  return String(n);
}

function formatFlow(value: unknown, seen: Set<unknown>): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return formatNumber(value);
    case 'boolean':
      return String(value);
    case 'object': {
      if (seen.has(value)) throw new TypeError('formatSetExpression: the value is circular');
      seen.add(value);
      const out = Array.isArray(value)
        ? `[${value.map((v) => formatFlow(v, seen)).join(', ')}]`
        : `{${Object.entries(value as Record<string, unknown>)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => `${quote(k)}: ${formatFlow(v, seen)}`)
            .join(', ')}}`;
      seen.delete(value);
      return out;
    }
    default:
      throw new TypeError(`formatSetExpression: cannot format a value of type ${typeof value}`);
  }
}

/** Formats the path part of a `--set` expression: `a.b[0]."c.d"`. */
export function formatSetPath(path: readonly PathSegment[]): string {
  if (path.length === 0) throw new RangeError('formatSetExpression: the path must not be empty');
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Number.isSafeInteger(segment) || segment < 0) {
        throw new RangeError(
          `formatSetExpression: list index must be a non-negative integer, received ${segment}`,
        );
      }
      out += `[${segment}]`;
    } else {
      const key = BARE_KEY.test(segment) ? segment : quote(segment);
      out += out === '' ? key : `.${key}`;
    }
  }
  return out;
}

/**
 * Formats a path and value as a `--set` expression that
 * {@link parseSetExpression} parses back to the same path and value.
 *
 * @example
 * ```ts
 * formatSetExpression(['a', 'b.c', 0], '10'); // 'a."b.c"[0]="10"'
 * ```
 */
export function formatSetExpression(path: readonly PathSegment[], value: unknown): string {
  let text: string;
  if (typeof value === 'string') {
    const first = value.trimStart()[0];
    const plainOk =
      value === '' ||
      (resolveCoreScalar(value) === value &&
        first !== '[' &&
        first !== '{' &&
        first !== '"' &&
        first !== "'");
    text = plainOk ? value : quote(value);
  } else {
    text = formatFlow(value, new Set());
  }
  return `${formatSetPath(path)}=${text}`;
}
