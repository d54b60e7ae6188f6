import type { PathSegment } from '../source-map.js';
import { YamlError } from '../yaml-error.js';
import type { YamlDiagnostic } from '../yaml-error.js';

/** File name used in `--set` diagnostics. */
export const SET_FILE = '--set';

/** Column (1-based) of each path segment in a `--set` expression. */
export interface ParsedSetPath {
  path: PathSegment[];
  cols: number[];
  /** Index of the `=` separator. */
  eq: number;
}

export function failSetSyntax(
  source: string,
  index: number,
  message: string,
  expected: string,
  received?: string,
): never {
  const diag: YamlDiagnostic = {
    code: 'SET_SYNTAX',
    path: [],
    file: SET_FILE,
    line: 1,
    col: index + 1,
    message: `Invalid --set expression ${JSON.stringify(source)}: ${message}`,
    expected,
  };
  if (received !== undefined) diag.received = received;
  throw new YamlError(
    'SET_SYNTAX',
    `${SET_FILE}:1:${index + 1}: ${diag.message} (expected ${expected}${received === undefined ? '' : `, received ${received}`})`,
    { diagnostics: [diag] },
  );
}

function describeChar(ch: string | undefined): string {
  return ch === undefined ? 'the end of the expression' : JSON.stringify(ch);
}

const BARE_CHAR = /[^.=[\]"'\s]/;
const BARE_CHARS = /[^.=[\]"'\s]+/y;

/** Reads a quoted key starting at `i` (the quote); returns the key and the index after the closing quote. */
function readQuoted(expr: string, i: number): [string, number] {
  const quote = expr[i]!;
  let out = '';
  let j = i + 1;
  for (;;) {
    const ch = expr[j];
    if (ch === undefined)
      failSetSyntax(
        expr,
        i,
        'the quoted key is not closed',
        `a closing ${quote}`,
        'the end of the expression',
      );
    if (quote === "'") {
      if (ch === "'") {
        if (expr[j + 1] === "'") {
          out += "'";
          j += 2;
          continue;
        }
        return [out, j + 1];
      }
      out += ch;
      j++;
    } else {
      if (ch === '"') return [out, j + 1];
      if (ch === '\\') {
        const end = findEscapeEnd(expr, j);
        try {
          out += JSON.parse(`"${expr.slice(j, end)}"`) as string;
        } catch {
          failSetSyntax(
            expr,
            j,
            'the escape sequence is not valid',
            'a JSON escape such as \\" \\\\ \\n or \\u00e9',
            JSON.stringify(expr.slice(j, end)),
          );
        }
        j = end;
        continue;
      }
      out += ch;
      j++;
    }
  }
}

function findEscapeEnd(expr: string, j: number): number {
  return expr[j + 1] === 'u' ? j + 6 : j + 2;
}

/** Parses the path part of a `--set` expression (up to the `=`). */
export function parseSetPath(expr: string): ParsedSetPath {
  const path: PathSegment[] = [];
  const cols: number[] = [];
  let i = 0;
  let expectKey = true; // at start or after '.'
  for (;;) {
    const ch = expr[i];
    if (ch === '=' && !expectKey) return { path, cols, eq: i };
    if (ch === '=' || ch === undefined) {
      if (ch === undefined && path.length > 0 && !expectKey) {
        failSetSyntax(
          expr,
          i,
          'the "=" between the path and the value is missing',
          'path=value, e.g. jobs.train.compute=cpu',
          describeChar(ch),
        );
      }
      if (path.length === 0)
        failSetSyntax(
          expr,
          i,
          'the path is empty',
          'a path before "=", e.g. a.b[0].c=value',
          describeChar(ch),
        );
      failSetSyntax(expr, i, 'a key is missing after "."', 'a key', describeChar(ch));
    }
    if (ch === '[') {
      if (expectKey && path.length > 0)
        failSetSyntax(expr, i, 'a key is missing after "."', 'a key', '"["');
      const start = i;
      const next = expr[i + 1];
      if (next === '"' || next === "'") {
        const [key, end] = readQuoted(expr, i + 1);
        if (expr[end] !== ']')
          failSetSyntax(
            expr,
            end,
            'the bracketed key is not closed',
            '"]"',
            describeChar(expr[end]),
          );
        path.push(key);
        cols.push(start + 1);
        i = end + 1;
      } else {
        const close = expr.indexOf(']', i);
        const raw = close === -1 ? expr.slice(i + 1) : expr.slice(i + 1, close);
        if (close === -1 || !/^(0|[1-9][0-9]*)$/.test(raw)) {
          const eqAt = expr.indexOf('=', i);
          const shown = close === -1 ? expr.slice(i + 1, eqAt === -1 ? undefined : eqAt) : raw;
          failSetSyntax(
            expr,
            i + 1,
            'the list index is not valid',
            'a non-negative integer index such as [0] or a quoted key such as ["a.b"]',
            JSON.stringify(shown),
          );
        }
        const index = Number(raw);
        if (!Number.isSafeInteger(index))
          failSetSyntax(expr, i + 1, 'the list index is too large', 'a safe integer index', raw);
        path.push(index);
        cols.push(start + 1);
        i = close + 1;
      }
      expectKey = false;
      continue;
    }
    if (ch === '.') {
      if (expectKey) failSetSyntax(expr, i, 'a key is missing before "."', 'a key', '"."');
      expectKey = true;
      i++;
      continue;
    }
    if (!expectKey)
      failSetSyntax(
        expr,
        i,
        'unexpected character after a key',
        '".", "[" or "="',
        describeChar(ch),
      );
    if (ch === '"' || ch === "'") {
      const [key, end] = readQuoted(expr, i);
      path.push(key);
      cols.push(i + 1);
      i = end;
    } else if (BARE_CHAR.test(ch)) {
      BARE_CHARS.lastIndex = i;
      const m = BARE_CHARS.exec(expr)!;
      path.push(m[0]);
      cols.push(i + 1);
      i += m[0].length;
    } else {
      failSetSyntax(
        expr,
        i,
        'unexpected character in the path',
        'a key, a quoted key or [index]',
        describeChar(ch),
      );
    }
    expectKey = false;
  }
}
