import { isAlias, isCollection, isMap, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';
import type { PathSegment } from '../source-map.js';
import { createAliasResolver } from './alias-resolver.js';
import type { AliasResolver } from './alias-resolver.js';
import type { YamlDiagnostic } from '../yaml-error.js';
import { keyToSegment } from './display.js';

interface Measure {
  /** Collection nesting levels of the fully expanded value (scalars are 0). */
  readonly height: number;
  /** Alias nodes met when fully expanding the value. */
  readonly aliases: number;
}

/** The measure of a scalar (and of anything not counted): shared, so scalars allocate nothing. */
const NONE: Measure = Object.freeze({ height: 0, aliases: 0 });

/** Limits checked by {@link analyzeDocument}. */
export interface AnalyzeLimits {
  maxDepth: number;
  maxAliasCount: number;
}

const CAP = Number.MAX_SAFE_INTEGER;

/**
 * One pass over the AST (never expanding aliases) that checks nesting depth,
 * alias expansion count (billion laughs), duplicate keys (in linear time:
 * `yaml`'s own `uniqueKeys` check is quadratic per mapping) and collection keys. Alias targets are
 * measured once and memoised, so the pass is linear in the size of the text.
 */
export function analyzeDocument(
  doc: Document,
  lineCounter: LineCounter,
  file: string,
  limits: AnalyzeLimits,
): YamlDiagnostic[] {
  const resolve = createAliasResolver(doc);
  const memo = new Map<unknown, Measure>();
  const inProgress = new Set<unknown>();
  // Anchored collections whose children are being visited (an alias to one of them is a cycle).
  const open = new Set<unknown>();
  const problems: YamlDiagnostic[] = [];
  const path: PathSegment[] = [];
  let totalAliases = 0;
  let fatal = false;

  const at = (node: unknown): { line: number; col: number } => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lineCounter.linePos(range[0]) : { line: 1, col: 1 };
  };
  const report = (
    node: unknown,
    diag: Omit<YamlDiagnostic, 'file' | 'line' | 'col' | 'path'>,
  ): void => {
    const { line, col } = at(node);
    problems.push({ ...diag, path: [...path], file, line, col });
  };

  const measureAlias = (source: unknown): Measure => {
    const cached = memo.get(source);
    if (cached) return cached;
    // A target seen for the first time (or a cycle): measure it without reporting.
    if (inProgress.has(source)) return NONE;
    inProgress.add(source);
    const m = measureQuiet(source, 0);
    inProgress.delete(source);
    memo.set(source, m);
    return m;
  };

  // Measures a node without reporting (for alias targets reached out of order).
  const measureQuiet = (node: unknown, depth: number): Measure => {
    if (depth > limits.maxDepth) return { height: depth, aliases: 0 };
    if (isAlias(node)) {
      const source = resolve(node);
      if (source === undefined) return NONE;
      const m = measureAlias(source);
      return { height: m.height, aliases: Math.min(CAP, m.aliases + 1) };
    }
    if (!isCollection(node)) return NONE;
    let height = 0;
    let aliases = 0;
    for (const item of node.items as unknown[]) {
      const parts = isMap(node)
        ? [(item as { key: unknown }).key, (item as { value: unknown }).value]
        : [item];
      for (const part of parts) {
        const m = measureQuiet(part, depth + 1);
        if (m.height > height) height = m.height;
        aliases = Math.min(CAP, aliases + m.aliases);
      }
    }
    return { height: height + 1, aliases };
  };

  const visit = (node: unknown, depth: number): Measure => {
    if (fatal) return NONE;
    if (isAlias(node)) {
      const source = resolve(node);
      if (source === undefined) {
        report(node, {
          code: 'YAML_SYNTAX',
          message: `Unknown alias *${node.source}: no anchor &${node.source} is defined before it`,
          expected: `an anchor &${node.source} earlier in the document`,
          received: `*${node.source}`,
        });
        return NONE;
      }
      if (open.has(source)) {
        report(node, {
          code: 'YAML_SYNTAX',
          message: `Circular alias *${node.source}: it refers to a node that contains it`,
          expected: 'an alias to a node defined before it and not containing it',
          received: `*${node.source} inside &${node.source}`,
        });
        return NONE;
      }
      const m = measureAlias(source);
      const expansions = Math.min(CAP, m.aliases + 1);
      totalAliases = Math.min(CAP, totalAliases + expansions);
      if (totalAliases > limits.maxAliasCount) {
        fatal = true;
        report(node, {
          code: 'YAML_ALIAS_LIMIT',
          message: `Too many alias expansions: expanding the aliases would repeat nodes more than ${limits.maxAliasCount} times (a "billion laughs" document?)`,
          expected: `at most ${limits.maxAliasCount} alias expansions`,
          received: totalAliases >= CAP ? 'an astronomically large number' : `${totalAliases}`,
          hint: 'Reduce the use of aliases (*name) or raise maxAliasCount',
        });
      } else if (depth - 1 + m.height > limits.maxDepth) {
        fatal = true;
        report(node, depthProblem(limits.maxDepth));
      }
      return { height: m.height, aliases: expansions };
    }
    if (!isCollection(node)) return NONE;
    if (depth > limits.maxDepth) {
      fatal = true;
      report(node, depthProblem(limits.maxDepth));
      return NONE;
    }
    let height = 0;
    let aliases = 0;
    const anchored = (node as Node).anchor !== undefined;
    if (anchored) open.add(node);
    if (isSeq(node)) {
      const items: unknown[] = node.items;
      for (let i = 0; i < items.length && !fatal; i++) {
        path.push(i);
        const m = visit(items[i], depth + 1);
        path.pop();
        if (m.height > height) height = m.height;
        aliases = Math.min(CAP, aliases + m.aliases);
      }
    } else if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (fatal) break;
        const key: unknown = pair.key;
        const keyTarget = isAlias(key) ? resolve(key) : key;
        if (isScalar(keyTarget) && typeof keyTarget.value !== 'symbol') {
          // Keys that name the same JSON property (`1` and "1", `~` and "") are duplicates too.
          const name = keyToSegment(keyTarget.value);
          if (seen.has(name)) {
            path.push(name);
            report(key, {
              code: 'YAML_DUPLICATE_KEY',
              message: `Duplicate key ${JSON.stringify(name)}: mapping keys must be unique`,
              expected: 'each key at most once per mapping',
              received: 'the same key again',
            });
            path.pop();
          }
          seen.add(name);
        } else if (isScalar(keyTarget) && !isMergeSource(resolve, pair.value)) {
          path.push('<<');
          report(pair.value ?? key, {
            code: 'YAML_SYNTAX',
            message:
              'A merge key (<<) must be given a mapping, an alias to one, or a list of those',
            expected: 'a mapping such as <<: *defaults',
            received: describeNode(resolve, pair.value),
          });
          path.pop();
        }
        if (isCollection(keyTarget)) {
          report(key, {
            code: 'YAML_COMPLEX_KEY',
            message: 'A mapping key is a collection, which has no JSON equivalent',
            expected: 'a scalar key (a string, number, boolean or null)',
            received: isMap(keyTarget) ? 'a mapping' : 'a list',
          });
          continue;
        }
        const segment = isScalar(keyTarget) ? keyToSegment(keyTarget.value) : '';
        path.push(segment);
        const km = isAlias(key) ? visit(key, depth + 1) : NONE;
        const m = visit(pair.value, depth + 1);
        path.pop();
        if (m.height > height) height = m.height;
        aliases = Math.min(CAP, aliases + m.aliases + km.aliases);
      }
    }
    const result = { height: height + 1, aliases };
    if (anchored) {
      open.delete(node);
      memo.set(node, result);
    }
    return result;
  };

  visit(doc.contents, 1);
  return problems;
}

function depthProblem(maxDepth: number): Omit<YamlDiagnostic, 'file' | 'line' | 'col' | 'path'> {
  return {
    code: 'YAML_DEPTH_LIMIT',
    message: `Document nests mappings and lists more than ${maxDepth} levels deep`,
    expected: `at most ${maxDepth} nesting levels`,
    received: `more than ${maxDepth} levels`,
    hint: 'Flatten the document or raise maxDepth',
  };
}

function isMergeSource(resolve: AliasResolver, value: unknown): boolean {
  const target = isAlias(value) ? resolve(value) : value;
  if (isMap(target)) return true;
  if (!isSeq(target)) return false;
  return target.items.every((item) => isMap(isAlias(item) ? resolve(item) : item));
}

function describeNode(resolve: AliasResolver, value: unknown): string {
  const target = isAlias(value) ? resolve(value) : value;
  if (isSeq(target)) return 'a list with an item that is not a mapping';
  if (isScalar(target)) return target.value === null ? 'null' : JSON.stringify(target.value);
  return 'nothing';
}
