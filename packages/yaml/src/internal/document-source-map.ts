import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node, Pair } from 'yaml';
import { createAliasResolver } from './alias-resolver.js';
import type { AliasResolver } from './alias-resolver.js';
import { keyToSegment } from './display.js';
import type { LocateOptions, PathSegment, SourceLocation, SourceMap } from '../source-map.js';

type AnyNode = Node | Pair | null | undefined;

/** Resolves an alias to its anchored node (or returns the node itself). */
function deref(resolve: AliasResolver, node: unknown): unknown {
  let current = node;
  // Aliases cannot point at aliases, but guard against cycles anyway.
  for (let i = 0; i < 8 && isAlias(current); i++) current = resolve(current);
  return current;
}

function keyMatches(key: unknown, segment: PathSegment): boolean {
  if (isScalar(key)) {
    return keyToSegment(key.value) === String(segment);
  }
  return false;
}

/** Finds the pair for `segment` in a mapping, honouring merge keys. */
function findPair(
  resolve: AliasResolver,
  map: unknown,
  segment: PathSegment,
  depth: number,
): Pair | undefined {
  if (!isMap(map) || depth > 32) return undefined;
  let found: Pair | undefined;
  const merges: unknown[] = [];
  for (const pair of map.items) {
    const key = pair.key;
    if (isScalar(key) && typeof key.value === 'symbol') {
      merges.push(pair.value);
      continue;
    }
    if (keyMatches(key, segment)) found = pair;
  }
  if (found) return found;
  for (const merge of merges) {
    const target = deref(resolve, merge);
    const sources = isSeq(target) ? target.items : [target];
    for (const source of sources) {
      const pair = findPair(resolve, deref(resolve, source), segment, depth + 1);
      if (pair) return pair;
    }
  }
  return undefined;
}

function child(
  resolve: AliasResolver,
  node: unknown,
  segment: PathSegment,
): { value: AnyNode; key: AnyNode } | undefined {
  const target = deref(resolve, node);
  if (isMap(target)) {
    const pair = findPair(resolve, target, segment, 0);
    if (!pair) return undefined;
    return { value: pair.value as AnyNode, key: pair.key as AnyNode };
  }
  if (isSeq(target)) {
    const index =
      typeof segment === 'number' ? segment : /^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : -1;
    if (!Number.isInteger(index) || index < 0 || index >= target.items.length) return undefined;
    const item = target.items[index] as AnyNode;
    return { value: item, key: item };
  }
  return undefined;
}

function rangeOf(node: AnyNode): [number, number] | undefined {
  if (!node) return undefined;
  if (isPair(node)) return rangeOf(node.key as AnyNode) ?? rangeOf(node.value as AnyNode);
  const range = node.range;
  if (!range) return undefined;
  return [range[0], range[1]];
}

/**
 * Creates a lazy source map over a parsed `yaml` Document: nothing is walked
 * until `locate` is called.
 */
export function createDocumentSourceMap(
  doc: Document,
  lineCounter: LineCounter,
  file: string,
): SourceMap {
  const resolve = createAliasResolver(doc);
  const toLocation = (range: [number, number]): SourceLocation => {
    const start = lineCounter.linePos(range[0]);
    const end = lineCounter.linePos(range[1]);
    return { file, line: start.line, col: start.col, endLine: end.line, endCol: end.col };
  };
  const rootLocation = (): SourceLocation => {
    const range = rangeOf(doc.contents) ?? (doc.range ? [doc.range[0], doc.range[1]] : [0, 0]);
    return toLocation(range);
  };
  const walk = (
    path: readonly PathSegment[],
  ): { value: AnyNode; key: AnyNode; rest: number; parent: AnyNode } => {
    let node: AnyNode = doc.contents;
    let key: AnyNode = undefined;
    let parent: AnyNode = undefined;
    let i = 0;
    for (; i < path.length; i++) {
      const next = child(resolve, node, path[i]!);
      if (!next) break;
      parent = node;
      node = next.value;
      key = next.key;
      if (node === null || node === undefined) {
        // `key:` with no value node: only the key can be located.
        i++;
        break;
      }
    }
    return { value: node, key, rest: path.length - i, parent };
  };
  return {
    locate(path: readonly PathSegment[], options: LocateOptions = {}): SourceLocation | undefined {
      if (path.length === 0) return rootLocation();
      const found = walk(path);
      if (found.rest !== 0) return undefined;
      const range =
        (options.key === true ? rangeOf(found.key) : rangeOf(found.value)) ??
        rangeOf(found.key) ??
        rangeOf(found.parent);
      return range ? toLocation(range) : rootLocation();
    },
    locateNearest(path: readonly PathSegment[]): SourceLocation {
      if (path.length === 0) return rootLocation();
      const found = walk(path);
      const range = rangeOf(found.value) ?? rangeOf(found.key) ?? rangeOf(found.parent);
      return range ? toLocation(range) : rootLocation();
    },
  };
}
