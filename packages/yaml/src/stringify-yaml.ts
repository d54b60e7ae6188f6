import { Document, Scalar } from 'yaml';
import { formatPath } from './format-path.js';
import type { PathSegment } from './source-map.js';

/** Chooses the order of a mapping's keys: gets the path of the mapping and its keys, returns them in order. */
export type SortKeysFunction = (path: readonly PathSegment[], keys: string[]) => string[];

/** Options for {@link stringifyYaml}. */
export interface StringifyYamlOptions {
  /**
   * Key order: `false` keeps insertion order, `true` sorts by code unit, a
   * function chooses per mapping (keys it leaves out keep their relative order
   * at the end; unknown keys it returns are ignored).
   * @default false
   */
  sortKeys?: boolean | SortKeysFunction;
}

function orderKeys(
  path: readonly PathSegment[],
  keys: string[],
  sortKeys: StringifyYamlOptions['sortKeys'],
): string[] {
  if (sortKeys === true) return keys.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (typeof sortKeys !== 'function') return keys;
  const chosen = sortKeys(path, keys.slice());
  const known = new Set(keys);
  const out: string[] = [];
  const used = new Set<string>();
  for (const key of chosen) {
    if (known.has(key) && !used.has(key)) {
      out.push(key);
      used.add(key);
    }
  }
  for (const key of keys) if (!used.has(key)) out.push(key);
  return out;
}

/** A string node forced to double quotes. */
function quoted(value: string): Scalar {
  const node = new Scalar(value);
  node.type = Scalar.QUOTE_DOUBLE;
  return node;
}

/** Copies `value` into Maps/arrays with the chosen key order, rejecting what YAML cannot hold. */
function toTree(
  value: unknown,
  path: PathSegment[],
  sortKeys: StringifyYamlOptions['sortKeys'],
  seen: Set<object>,
): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      // `yaml` drops whitespace-only lines from a block scalar that has no other content.
      return value.startsWith('\uFEFF') || (value.includes('\n') && value.trim() === '')
        ? quoted(value)
        : value;
    case 'number':
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      throw new TypeError(`stringifyYaml: cannot write a ${typeof value} at ${formatPath(path)}`);
  }
  if (value instanceof Date) return value.toISOString();
  if (seen.has(value))
    throw new TypeError(`stringifyYaml: circular reference at ${formatPath(path)}`);
  seen.add(value);
  let out: unknown;
  if (Array.isArray(value)) {
    const items = value as unknown[];
    out = Array.from({ length: items.length }, (_, i) => {
      path.push(i);
      const item = toTree(items[i], path, sortKeys, seen);
      path.pop();
      return item;
    });
  } else {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(
        `stringifyYaml: expected a plain object at ${formatPath(path)}, received an instance of ${value.constructor.name}`,
      );
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined);
    const map = new Map<unknown, unknown>();
    for (const key of orderKeys(path, keys, sortKeys)) {
      path.push(key);
      // A plain `<<` key would be read back as a merge key.
      map.set(
        key === '<<' || key.startsWith('\uFEFF') ? quoted(key) : key,
        toTree(record[key], path, sortKeys, seen),
      );
      path.pop();
    }
    out = map;
  }
  seen.delete(value);
  return out;
}

/**
 * Writes a JSON-like value as canonical YAML 1.2: 2-space indent, key order
 * chosen by `sortKeys`, literal block scalars (`|`) for multi-line strings,
 * strings quoted when they would re-parse as another type, never anchors or
 * aliases, no line folding. `parseYaml(stringifyYaml(v)).value` deep-equals `v`.
 *
 * `undefined` properties are left out (as in JSON); `Date`s are written as ISO
 * strings.
 *
 * @throws {TypeError} for functions, symbols, bigints, class instances and cycles.
 * @example
 * ```ts
 * stringifyYaml({ b: 1, a: 'x\ny' }, { sortKeys: true }); // 'a: |-\n  x\n  y\nb: 1\n'
 * ```
 */
export function stringifyYaml(value: unknown, options: StringifyYamlOptions = {}): string {
  const tree = toTree(value, [], options.sortKeys, new Set());
  const doc = new Document(tree, {
    version: '1.2',
    schema: 'core',
    aliasDuplicateObjects: false,
  });
  return doc.toString({
    indent: 2,
    indentSeq: true,
    lineWidth: 0,
    minContentWidth: 0,
    // `yaml` mis-indents block scalars at the document root, so a root string is quoted.
    blockQuote: typeof tree === 'string' ? false : 'literal',
    defaultStringType: 'PLAIN',
    defaultKeyType: 'PLAIN',
    nullStr: 'null',
    trueStr: 'true',
    falseStr: 'false',
  });
}
