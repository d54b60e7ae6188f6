/**
 * REST conformance: every corpus job whose golden has a `rest` body is loaded with
 * `@amlkit/core`'s `loadJob`, converted with `toRestJob` under the offline resolver of the
 * conformance contract, and compared (keys sorted) with the body azure-ai-ml 1.4.0 built.
 * The resolver trace is compared call by call with the golden's `resolver_calls`.
 *
 * Normalizations (each an SDK quirk or a corpus limitation documented in the README):
 * - files whose `shipped_corpus_deviation` says the docker build context is not shipped: the
 *   anonymous environment version computed from the shipped files differs, so the golden's
 *   version is substituted in our body and trace before comparing (README "How a test should
 *   use a golden", step 4);
 *   Anonymous component versions hash that environment version, so they are substituted too;
 * - trace entries: `build_upload_hash` is not recorded (the loader hashes the build context,
 *   the resolver only sees the resulting version);
 * - pipeline nodes written `component: file:./c.yml`: 1.4.0 inlines the file (`_source:
 *   "YAML.JOB"`), but `@amlkit/core`'s entity does not record that `file:` was written, so the
 *   converter sends `YAML.COMPONENT` as for `component: ./c.yml`. Only those nodes' `_source` is
 *   normalized (a known gap, see `src/wire/pipeline/README.md`).
 *
 * Job types without a registered converter are skipped with a visible count.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isJobLoadError, loadJob } from '@amlkit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createOfflineResolver, toRestJob } from '../../src/index.js';
import { CONVERTERS } from '../../src/wire/internal/converters.js';
import { CONFORMANCE_WORKSPACE, CORPUS, INDEX, readGolden, sortKeys } from './corpus.js';
import type { GoldenCall, GoldenResult } from './corpus.js';

const COMPUTE_OVERRIDE = 'compute=azureml:cpu-cluster';
const GENERATED_NAME = 'oracle_generated_job_name';

/**
 * Golden outcomes where `rest` is null although the file loaded, and what amlkit does instead.
 * Both are deliberate deviations from 1.4.0: the newer service accepts what 1.4.0 rejected.
 */
const REST_FAILURE_POLICY: Record<
  string,
  { accept: true; reason: string; check: (properties: Record<string, unknown>) => void }
> = {
  'validation: spark runtime_version must be 3.1 or 3.2 in 1.4.0': {
    accept: true,
    reason:
      'Deliberate deviation: the 2025-12-01 service runs Spark 3.3+ (1.4.0 only knew 3.1/3.2), so toRestJob builds the body instead of rejecting it.',
    check: (properties) => {
      const versions = JSON.stringify(properties).match(/"runtime_?[vV]ersion":"([^"]+)"/g) ?? [];
      expect(versions.length).toBeGreaterThan(0);
      expect(versions.some((v) => !/"3\.[12]"$/.test(v))).toBe(true);
    },
  },
  'to_rest: msrest SerializationError': {
    accept: true,
    reason:
      'Deliberate deviation: 1.4.0 crashes serialising AutoML `resources` (an SDK bug, not a rule); amlkit sends them as JobResourceConfiguration.',
    check: (properties) => {
      expect(properties['resources']).toEqual({
        instanceCount: 4,
        instanceType: 'Standard_E4s_v3',
        properties: {},
      });
    },
  },
};

interface Tally {
  pass: number;
  skipped: number;
  accepted: number;
}
const tally = new Map<string, Tally>();
function count(type: string, key: keyof Tally): void {
  const t = tally.get(type) ?? { pass: 0, skipped: 0, accepted: 0 };
  t[key]++;
  tally.set(type, t);
}

interface Case {
  name: string;
  source: string;
  type: string;
  result: GoldenResult;
  overrides: string[];
}

const cases: Case[] = [];
for (const entry of INDEX) {
  const golden = readGolden(entry);
  const blocks: [GoldenResult, string[], string][] = [[golden, [], '']];
  if (golden.with_compute_override !== undefined) {
    blocks.push([golden.with_compute_override, [COMPUTE_OVERRIDE], ' (compute override)']);
  }
  for (const [result, overrides, suffix] of blocks) {
    if (!result.ok || result.type === null) continue;
    if (result.rest === null && result.error_category === null) continue;
    cases.push({
      name: `${entry.source}${suffix}`,
      source: entry.source,
      type: result.type,
      result,
      overrides,
    });
  }
}

function buildContextDeviation(result: GoldenResult): boolean {
  return (
    result.shipped_corpus_deviation?.reasons.some((r) => r.includes('docker build context')) ??
    false
  );
}

/**
 * Replaces our anonymous environment versions by the golden's, in order, then the anonymous
 * component versions that hash them (build-context files only).
 */
function substituteEnvironmentVersions(
  text: string,
  ours: readonly GoldenCall[],
  theirs: readonly GoldenCall[],
): string {
  let out = text;
  for (const op of ['environment', 'component']) {
    const mine = ours.filter((c) => c.op === op).map((c) => String(c['version']));
    const golden = theirs.filter((c) => c.op === op).map((c) => String(c['version']));
    mine.forEach((v, i) => {
      const g = golden[i];
      if (g !== undefined && v !== 'undefined') out = out.replaceAll(v, g);
    });
  }
  return out;
}

/** The top-level nodes of a pipeline YAML written `component: file:…`. */
function fileReferencedNodes(source: string): Set<string> {
  const nodes = new Set<string>();
  let inJobs = false;
  let node: string | undefined;
  for (const line of readFileSync(resolve(CORPUS, source), 'utf8').split('\n')) {
    if (/^\S/.test(line)) inJobs = /^jobs:\s*$/.test(line);
    else if (inJobs && /^ {2}[a-z_]\w*:\s*$/.test(line)) node = line.trim().slice(0, -1);
    else if (inJobs && node !== undefined && /^\s+component:\s*file:/.test(line)) nodes.add(node);
  }
  return nodes;
}

/** Our body with `_source: "YAML.JOB"` on the nodes written `component: file:…` (see the header). */
function normalizeFileComponentSources(text: string, source: string): string {
  const body = JSON.parse(text) as {
    properties: { jobs?: Record<string, Record<string, unknown>> };
  };
  for (const name of fileReferencedNodes(source)) {
    const node = body.properties.jobs?.[name];
    if (node?.['_source'] === 'YAML.COMPONENT') node['_source'] = 'YAML.JOB';
  }
  return JSON.stringify(body);
}

function goldenTrace(calls: readonly GoldenCall[]): unknown {
  return calls.map((call) => {
    const copy: Record<string, unknown> = { ...call };
    delete copy['build_upload_hash'];
    return sortKeys(copy);
  });
}

describe('toRestJob conformance (azure-ai-ml 1.4.0 goldens)', () => {
  for (const c of cases) {
    if (!CONVERTERS.has(c.type)) {
      it.skip(`${c.name} [${c.type}: no converter registered yet]`, () => undefined);
      count(c.type, 'skipped');
      continue;
    }
    it(`builds the REST body of ${c.name}`, async () => {
      const job = await loadJob(resolve(CORPUS, c.source), { overrides: c.overrides });
      const resolver = createOfflineResolver(CONFORMANCE_WORKSPACE);
      if (c.result.rest === null) {
        const policy = REST_FAILURE_POLICY[c.result.error_category ?? ''];
        expect(policy, `no policy for ${String(c.result.error_category)}`).toBeDefined();
        const body = await toRestJob(job, { resolver, defaults: { name: GENERATED_NAME } });
        policy?.check(body.properties);
        count(c.type, 'accepted');
        return;
      }
      const body = await toRestJob(job, { resolver, defaults: { name: GENERATED_NAME } });
      const calls = resolver.calls as unknown as GoldenCall[];
      let ours = JSON.stringify(sortKeys(body));
      let trace = JSON.stringify(goldenTrace(calls));
      if (buildContextDeviation(c.result)) {
        ours = substituteEnvironmentVersions(ours, calls, c.result.resolver_calls);
        trace = substituteEnvironmentVersions(trace, calls, c.result.resolver_calls);
      }
      if (c.type === 'pipeline') ours = normalizeFileComponentSources(ours, c.source);
      expect(JSON.parse(ours)).toEqual(sortKeys(c.result.rest));
      expect(JSON.parse(trace)).toEqual(goldenTrace(c.result.resolver_calls));
      count(c.type, 'pass');
    });
  }

  it('fails at load for a file the SDK could not load, before any REST conversion', async () => {
    await expect(
      loadJob(resolve(CORPUS, 'cli/jobs/single-step/java/iris/job-template.yml')),
    ).rejects.toSatisfy(isJobLoadError);
  });

  afterAll(() => {
    const lines = [...tally.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([type, t]) =>
          `  ${type.padEnd(9)} pass ${String(t.pass).padStart(3)}  accepted-deviation ${String(t.accepted).padStart(2)}  skipped ${String(t.skipped).padStart(3)}`,
      );
    console.log(`REST conformance by job type:\n${lines.join('\n')}`);
  });
});
