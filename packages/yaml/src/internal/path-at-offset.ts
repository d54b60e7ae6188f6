import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document } from 'yaml';
import type { PathSegment } from '../source-map.js';
import { keyToSegment } from './display.js';

function contains(node: unknown, offset: number): boolean {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return !!range && range[0] <= offset && offset < Math.max(range[1], range[2]);
}

/** JSON path of the deepest node whose source range contains `offset` (used to place syntax errors). */
export function pathAtOffset(doc: Document, offset: number): PathSegment[] {
  const path: PathSegment[] = [];
  let node: unknown = doc.contents;
  for (let guard = 0; guard < 1000 && node && !isAlias(node); guard++) {
    let next: unknown;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key: unknown = pair.key;
        if (contains(key, offset) || contains(pair.value, offset)) {
          path.push(isScalar(key) ? keyToSegment(key.value) : '');
          next = contains(key, offset) ? undefined : pair.value;
          break;
        }
      }
    } else if (isSeq(node)) {
      const items: unknown[] = node.items;
      for (let i = 0; i < items.length; i++) {
        if (contains(items[i], offset)) {
          path.push(i);
          next = items[i];
          break;
        }
      }
    }
    node = next;
  }
  return path;
}
