/**
 * Conformance: every job YAML of the corpus is loaded and `toYamlObject()` is compared
 * with the golden `yaml_dict` produced by azure-ai-ml 1.4.0 (see ./normalize.ts for the
 * listed normalizations). Files the SDK rejected are handled per error category (below).
 * Types not registered yet are skipped (visible count); known gaps are `it.fails` entries.
 * Spark: loading never checks that `entry.file` exists (the SDK checks it on submission),
 * so the corpus' missing .py files (`shipped_corpus_deviation`) do not affect this test;
 * the submission outcome of each Spark golden is checked in ./spark-submission-checks.test.ts.
 */
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JOB_TYPES, isJobLoadError, loadJob } from '../src/index.js';
import type { Job } from '../src/index.js';
import { CORPUS, INDEX, readGolden } from './corpus.js';
import type { Golden, GoldenResult, IndexEntry } from './corpus.js';
import { normalizeGolden, withCorpusPlaceholder } from './normalize.js';

/** The override the golden generator used for `with_compute_override`. */
const COMPUTE_OVERRIDE = 'compute=azureml:cpu-cluster';

/**
 * What amlkit does with each SDK error category: accept (valid under the newer schema)
 * or reject (a real defect), with the diagnostic it must produce.
 */
const CATEGORY_POLICY: Record<
  string,
  | { accept: true; reason: string }
  | { accept: false; reason: string; expect: (codes: string[], paths: string[]) => boolean }
> = {
  'schema: compute missing (1.4.0 has no serverless compute)': {
    accept: true,
    reason:
      'Newer SDKs run jobs without compute on serverless compute; the file is valid. Its yaml_dict is compared through with_compute_override.',
  },
  'schema: unknown field in node services (type/log_dir)': {
    accept: true,
    reason:
      'Newer SDKs name the service kind `type` (was job_service_type) and add tensor_board `log_dir`; both are valid.',
  },
  'schema: invalid environment': {
    accept: false,
    reason: 'A bare string that is no azureml: reference is a real defect.',
    expect: (codes, paths) =>
      codes.includes('JOB_INVALID_ENVIRONMENT') && paths.some((p) => p.includes('environment')),
  },
  'schema: local path not found': {
    accept: false,
    reason: 'A code: path that does not exist is a real defect (the SDK checks at load time).',
    expect: (codes, paths) =>
      codes.includes('JOB_PATH_NOT_FOUND') && paths.some((p) => p.includes('code')),
  },
  'schema: unsupported component kind (promptflow flow)': {
    accept: false,
    reason:
      'Prompt-flow components are not job components amlkit can run (newer SDKs run them as parallel components; amlkit does not implement prompt flow), so each node that uses one is rejected at its component reference.',
    expect: (codes, paths) =>
      codes.includes('JOB_UNSUPPORTED_COMPONENT') && paths.some((p) => p.endsWith('.component')),
  },
  'schema: invalid resources': {
    accept: false,
    reason: 'Resources the schema does not allow for the job type are a real defect.',
    expect: (codes, paths) => codes.length > 0 && paths.some((p) => p.includes('resources')),
  },
};

/**
 * Corpus files that do not pass yet, with the reason. Each is an `it.fails` entry, so the
 * suite turns red as soon as one starts passing (remove it from here then).
 */
const KNOWN_GAPS: Record<string, string> = {};

interface Tally {
  pass: number;
  gap: number;
  skipped: number;
}
const tally = new Map<string, Tally>();
function count(type: string, key: keyof Tally): void {
  const t = tally.get(type) ?? { pass: 0, gap: 0, skipped: 0 };
  t[key]++;
  tally.set(type, t);
}

async function loadEntry(entry: IndexEntry, overrides: string[] = []): Promise<Job> {
  return loadJob(resolve(CORPUS, entry.source), { overrides });
}

function compare(
  job: Job,
  golden: GoldenResult,
  deviation: Golden['shipped_corpus_deviation'],
): void {
  const ours = withCorpusPlaceholder(JSON.parse(JSON.stringify(job.toYamlObject())));
  const buildContextDeviation =
    deviation?.reasons.some((r) => r.includes('docker build context')) ?? false;
  const { golden: expected, used } = normalizeGolden(golden.yaml_dict, ours, {
    buildContextDeviation,
  });
  expect(ours).toEqual(expected);
  for (const name of used) normalizationUse.set(name, (normalizationUse.get(name) ?? 0) + 1);
}

/** How many comparisons needed each normalization (printed with the counts). */
const normalizationUse = new Map<string, number>();

async function expectRejected(
  entry: IndexEntry,
  category: string,
  overrides: string[] = [],
): Promise<void> {
  const policy = CATEGORY_POLICY[category];
  expect(policy, `no policy for error category '${category}'`).toBeDefined();
  if (policy === undefined || policy.accept)
    throw new Error(`category '${category}' is accepted, not rejected`);
  const error = await loadEntry(entry, overrides).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isJobLoadError(error), `expected a JobLoadError (${policy.reason})`).toBe(true);
  if (!isJobLoadError(error)) return;
  const codes = error.diagnostics.map((d) => d.code);
  const paths = error.diagnostics.map((d) => d.path.join('.'));
  expect(
    policy.expect(codes, paths),
    `diagnostics ${JSON.stringify(error.diagnostics.map((d) => [d.code, d.path.join('.')]))} do not match '${category}'`,
  ).toBe(true);
  for (const d of error.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.col).toBeGreaterThanOrEqual(1);
  }
}

async function check(entry: IndexEntry): Promise<void> {
  const golden = readGolden(entry);
  const category = golden.error_category ?? null;
  const policy = category === null ? undefined : CATEGORY_POLICY[category];
  if (golden.ok) {
    const job = await loadEntry(entry);
    expect(job.type).toBe(golden.type);
    compare(job, golden, golden.shipped_corpus_deviation);
  } else if (policy?.accept === true) {
    // The SDK may report an accepted problem together with a real defect, naming only the
    // first in `error_category` (automl …-serverless.yml: no compute *and* a `resources:`
    // string). The compute-override run isolates the defect: the file must still be rejected.
    const other = golden.with_compute_override;
    const defect = other?.ok === false ? CATEGORY_POLICY[other.error_category ?? ''] : undefined;
    if (defect !== undefined && !defect.accept) {
      await expectRejected(entry, other?.error_category ?? '<none>');
    } else {
      const job = await loadEntry(entry);
      expect(job.type).toBe(entry.declared_type);
      // Without compute (serverless), the dump is the override's golden minus `compute`.
      if (other?.ok === true && other.yaml_dict != null && 'compute' in other.yaml_dict) {
        const { compute: _compute, ...withoutCompute } = other.yaml_dict;
        compare(job, { ...other, yaml_dict: withoutCompute }, golden.shipped_corpus_deviation);
      }
    }
  } else {
    await expectRejected(entry, category ?? '<none>');
  }
  const override = golden.with_compute_override;
  if (override !== undefined) {
    if (override.ok) {
      const job = await loadEntry(entry, [COMPUTE_OVERRIDE]);
      compare(job, override, golden.shipped_corpus_deviation);
    } else if (CATEGORY_POLICY[override.error_category ?? '']?.accept === true) {
      await loadEntry(entry, [COMPUTE_OVERRIDE]);
    } else {
      await expectRejected(entry, override.error_category ?? '<none>', [COMPUTE_OVERRIDE]);
    }
  }
}

describe('conformance corpus', () => {
  const types = [...new Set(INDEX.map((e) => e.declared_type))].sort();
  for (const type of types) {
    describe(`type ${type}`, () => {
      for (const entry of INDEX.filter((e) => e.declared_type === type)) {
        const title = `matches the golden for ${entry.source}`;
        if (!JOB_TYPES.includes(type)) {
          count(type, 'skipped');
          it.skip(`${title} (type '${type}' not registered yet)`, () => undefined);
          continue;
        }
        const gap = KNOWN_GAPS[entry.source];
        if (gap !== undefined) {
          count(type, 'gap');
          it.fails(`${title} — known gap: ${gap}`, () => check(entry));
          continue;
        }
        it(title, async () => {
          await check(entry);
          count(type, 'pass');
        });
      }
    });
  }

  afterAll(() => {
    const lines = [...tally.entries()].map(
      ([type, t]) =>
        `  ${type.padEnd(9)} pass ${t.pass}  known-gap ${t.gap}  skipped(unregistered) ${t.skipped}`,
    );
    const used = [...normalizationUse.entries()].map(
      ([name, n]) => `  ${name}: ${n} comparison(s)`,
    );
    console.log(
      `conformance per declared type:\n${lines.join('\n')}\nnormalizations used (see test/normalize.ts for the reasons):\n${used.join('\n')}`,
    );
  });
});
