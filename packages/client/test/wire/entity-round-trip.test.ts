/**
 * Entity → REST → entity → REST is identity on the conformance corpus: every REST golden the
 * converters build is read back by the converter alone (no kept REST JSON, so nothing is
 * echoed) and must serialise to the same body under the offline resolver (ids are resolved
 * already, so they pass through unchanged).
 */
import { resolve } from 'node:path';
import { loadJob } from '@amlkit/core';
import { describe, expect, it } from 'vitest';
import { createOfflineResolver, toRestJob } from '../../src/index.js';
import { readCommonOptions } from '../../src/wire/internal/common-from-rest.js';
import { CONVERTERS } from '../../src/wire/internal/converters.js';
import type { RestJobBaseResource } from '../../src/index.js';
import { CONFORMANCE_WORKSPACE, CORPUS, INDEX, readGolden, sortKeys } from './corpus.js';

const TYPES = new Set(['command', 'sweep', 'spark', 'automl']);

const cases: { name: string; source: string; type: string; overrides: string[] }[] = [];
for (const entry of INDEX) {
  const golden = readGolden(entry);
  if (golden.rest !== null && golden.type !== null && TYPES.has(golden.type)) {
    cases.push({ name: entry.source, source: entry.source, type: golden.type, overrides: [] });
  }
  const o = golden.with_compute_override;
  if (o?.rest != null && o.type !== null && TYPES.has(o.type)) {
    cases.push({
      name: `${entry.source} (compute override)`,
      source: entry.source,
      type: o.type,
      overrides: ['compute=azureml:cpu-cluster'],
    });
  }
}

describe('entity ⇄ REST round trip (conformance corpus)', () => {
  it('covers every non-pipeline REST golden', () => {
    expect(cases.length).toBe(46);
  });

  for (const c of cases) {
    it(`reads back and rebuilds ${c.name}`, async () => {
      const job = await loadJob(resolve(CORPUS, c.source), { overrides: c.overrides });
      const first = await toRestJob(job, {
        resolver: createOfflineResolver(CONFORMANCE_WORKSPACE),
        defaults: { name: 'oracle_generated_job_name' },
      });
      const converter = CONVERTERS.get(c.type);
      expect(converter).toBeDefined();
      const resource: RestJobBaseResource = { properties: structuredClone(first.properties) };
      const back = converter!.fromRest(resource.properties, {
        common: { ...readCommonOptions(resource), basePath: job.basePath },
      });
      const resolver = createOfflineResolver(CONFORMANCE_WORKSPACE);
      const second = await toRestJob(back, { resolver });
      expect(sortKeys(second)).toEqual(sortKeys(first));
      expect(resolver.calls.filter((call) => call.op !== 'label')).toEqual([]);
    });
  }
});
