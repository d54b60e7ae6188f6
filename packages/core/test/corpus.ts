/** Access to the conformance corpus (`../shared/conformance` next to the repository). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the repository (packages/core/test → ../../..). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The corpus root: the folder that contains `cli/`, `golden/` and `index.json`. */
export const CORPUS = resolve(REPO_ROOT, '../shared/conformance/azureml-examples');

if (!existsSync(resolve(CORPUS, 'index.json'))) {
  throw new Error(
    `Conformance corpus not found: expected ${resolve(CORPUS, 'index.json')} (the repository's sibling folder shared/conformance), received nothing there. Clone it next to the repository.`,
  );
}

/** One golden result block. */
export interface GoldenResult {
  ok: boolean;
  stage: string;
  sdk_class?: string | null;
  type?: string | null;
  yaml_dict?: Record<string, unknown> | null;
  error?: string | null;
  error_category?: string | null;
  params_override?: Record<string, unknown>[];
}

/** A golden file. */
export interface Golden extends GoldenResult {
  source: string;
  with_compute_override?: GoldenResult;
  shipped_corpus_deviation?: { reasons: string[]; differing_fields: string[] };
}

/** An index entry. */
export interface IndexEntry {
  source: string;
  golden: string;
  declared_type: string;
  ok: boolean;
  error_category: string | null;
}

/** Every corpus entry. */
export const INDEX: IndexEntry[] = (
  JSON.parse(readFileSync(resolve(CORPUS, 'index.json'), 'utf8')) as { jobs: IndexEntry[] }
).jobs;

/** Reads the golden of an entry. */
export function readGolden(entry: IndexEntry): Golden {
  return JSON.parse(readFileSync(resolve(CORPUS, entry.golden), 'utf8')) as Golden;
}
