/**
 * Round trip of every AutoML and Spark job of the corpus that loads: `toYamlText()` →
 * `loadJob` → `toYamlObject()` gives the same dictionary, from text and through a file
 * written by `dump()`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadJob } from '../src/index.js';
import { CORPUS, INDEX, readGolden } from './corpus.js';

const entries = INDEX.filter((e) => e.declared_type === 'automl' || e.declared_type === 'spark');
const OVERRIDE = 'compute=azureml:cpu-cluster';

let out: string;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'amlkit-round-trip-'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('AutoML and Spark round trip', () => {
  it('covers the 15 AutoML and 4 Spark corpus files', () => {
    expect(entries.filter((e) => e.declared_type === 'automl')).toHaveLength(15);
    expect(entries.filter((e) => e.declared_type === 'spark')).toHaveLength(4);
  });

  for (const [i, entry] of entries.entries()) {
    const golden = readGolden(entry);
    // Files the SDK rejects only for the missing compute are loaded as written; the one with
    // a real defect (a `resources:` string) cannot be loaded at all.
    const loads = golden.ok || golden.with_compute_override?.ok === true;
    if (!loads) continue;
    it(`dumps and reloads ${entry.source} to the same dictionary`, async () => {
      const path = resolve(CORPUS, entry.source);
      const job = await loadJob(path, golden.ok ? {} : { overrides: [OVERRIDE] });
      const first = job.toYamlObject();
      const fromText = await loadJob({ text: job.toYamlText(), basePath: dirname(path) });
      expect(fromText.constructor).toBe(job.constructor);
      expect(fromText.toYamlObject()).toEqual(first);
      const file = join(out, `${i}.yml`);
      await job.dump(file);
      const fromFile = await loadJob(file);
      expect(fromFile.toYamlObject()).toEqual(first);
    });
  }
});
