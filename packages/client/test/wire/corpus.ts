/** The conformance corpus (`../shared/conformance/azureml-examples`) and its goldens. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** The corpus root (the folder that contains `cli/`). */
export const CORPUS = resolve(REPO_ROOT, '../shared/conformance/azureml-examples');
/** The REST examples folder. */
export const REST_EXAMPLES = resolve(REPO_ROOT, '../shared/rest-examples');

/** The conformance workspace. */
export const CONFORMANCE_WORKSPACE = {
  subscriptionId: '00000000-0000-0000-0000-000000000000',
  resourceGroup: 'rg',
  workspaceName: 'ws',
} as const;

/** One resolver stand-in call of a golden. */
export type GoldenCall = Record<string, unknown> & { op: string };

/** A golden's result block (top level or `with_compute_override`). */
export interface GoldenResult {
  ok: boolean;
  stage: string;
  sdk_class: string | null;
  type: string | null;
  rest: { properties: Record<string, unknown> } | null;
  rest_error: string | null;
  error_category: string | null;
  resolver_calls: GoldenCall[];
  shipped_corpus_deviation?: { reasons: string[]; differing_fields: string[] };
}

/** A golden file. */
export interface Golden extends GoldenResult {
  source: string;
  with_compute_override?: GoldenResult & { params_override: Record<string, string>[] };
}

/** An index entry. */
export interface IndexEntry {
  source: string;
  golden: string;
  declared_type: string;
}

/** Every index entry. */
export const INDEX: IndexEntry[] = (
  JSON.parse(readFileSync(resolve(CORPUS, 'index.json'), 'utf8')) as { jobs: IndexEntry[] }
).jobs;

/** Reads the golden of an index entry. */
export function readGolden(entry: IndexEntry): Golden {
  return JSON.parse(readFileSync(resolve(CORPUS, entry.golden), 'utf8')) as Golden;
}

/** A deep copy with object keys sorted recursively (key order has no meaning). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
