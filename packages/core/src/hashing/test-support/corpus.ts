import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { PyValue } from '../py-float.js';
import { parseLosslessJson } from './lossless-json.js';

/** Test helper: the checkout root (`/work/main`), found from this file's location. */
export const REPO_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../..',
);

/** Test helper: the conformance corpus root (the folder that contains `cli/` and `golden/`). */
export const CORPUS_ROOT = path.resolve(REPO_ROOT, '../shared/conformance/azureml-examples');

/** One `resolver_calls` entry (a plain record; fields depend on `op`). */
export type ResolverCall = Readonly<Record<string, PyValue>>;

/** A golden file with every resolver call it records (top level and `with_compute_override`). */
export interface GoldenCase {
  /** Golden path relative to the corpus root. */
  readonly file: string;
  /** The `source` job YAML, relative to the corpus root. */
  readonly source: string;
  /** Resolver calls of the top level, then of `with_compute_override`. */
  readonly calls: readonly ResolverCall[];
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : full.endsWith('.json') ? [full] : [];
    });
}

let cached: GoldenCase[] | undefined;

/** Test helper: every golden of the corpus, read with int/float-preserving JSON parsing. */
export function loadGoldens(): readonly GoldenCase[] {
  cached ??= walk(path.join(CORPUS_ROOT, 'golden')).map((full) => {
    const golden = parseLosslessJson(readFileSync(full, 'utf8')) as Record<string, PyValue>;
    const calls: ResolverCall[] = [];
    const collect = (record: Record<string, PyValue> | null | undefined): void => {
      if (record === null || record === undefined) return;
      const list = record.resolver_calls;
      if (Array.isArray(list)) calls.push(...(list as ResolverCall[]));
      collect(record.with_compute_override as Record<string, PyValue> | null | undefined);
    };
    collect(golden);
    return { file: path.relative(CORPUS_ROOT, full), source: golden.source as string, calls };
  });
  return cached;
}

/** Test helper: the resolver calls of one `op` across the whole corpus, with their golden file. */
export function callsOf(
  op: string,
): { readonly file: string; readonly source: string; readonly call: ResolverCall }[] {
  return loadGoldens().flatMap((golden) =>
    golden.calls
      .filter((call) => call.op === op)
      .map((call) => ({ file: golden.file, source: golden.source, call })),
  );
}

/** Test helper: whether a path exists. */
export function exists(file: string): boolean {
  return existsSync(file);
}
