import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document } from 'yaml';
import type { PathSegment } from '../source-map.js';
import { keyToSegment } from './display.js';

type Range = [number, number, number];

function rangeOf(node: unknown): Range | undefined {
  return (node as { range?: Range } | null)?.range;
}

function end(node: unknown): number {
  const range = rangeOf(node);
  return range ? Math.max(range[1], range[2]) : -1;
}

function contains(node: unknown, offset: number): boolean {
  const range = rangeOf(node);
  return !!range && range[0] <= offset && offset < Math.max(range[1], range[2]);
}

/**
 * JSON path of the deepest node an error at `offset` belongs to (used to place
 * syntax errors). Offsets in front of a node (its tag or anchor) belong to it.
 */
export function pathAtOffset(doc: Document, offset: number): PathSegment[] {
  const path: PathSegment[] = [];
  let node: unknown = doc.contents;
  for (let guard = 0; guard < 1000 && node && !isAlias(node); guard++) {
    let next: unknown;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key: unknown = pair.key;
        if (Math.max(end(key), end(pair.value)) > offset) {
          if (rangeOf(key) && rangeOf(key)![0] > offset) break;
          path.push(isScalar(key) ? keyToSegment(key.value) : '');
          next = contains(key, offset) ? undefined : pair.value;
          break;
        }
      }
    } else if (isSeq(node)) {
      const items: unknown[] = node.items;
      for (let i = 0; i < items.length; i++) {
        if (end(items[i]) > offset) {
          path.push(i);
          next = items[i];
          break;
        }
      }
    }
    node = next && contains(next, offset) ? next : undefined;
  }
  return path;
}
