/**
 * Round trip: for every corpus file that loads, `dump` → `loadJob` gives an equal job
 * (same `toYamlObject()`), through a real file and through text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JOB_TYPES, loadJob } from '../src/index.js';
import type { Job } from '../src/index.js';
import { CORPUS, INDEX } from './corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'amlkit-round-trip-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Loads the file as is, or with the compute override when it only lacks compute (serverless). */
async function loadAny(source: string): Promise<Job | undefined> {
  const path = resolve(CORPUS, source);
  try {
    return await loadJob(path);
  } catch {
    try {
      return await loadJob(path, { overrides: ['compute=azureml:cpu-cluster'] });
    } catch {
      return undefined;
    }
  }
}

describe('dump → load round trip', () => {
  INDEX.filter((e) => JOB_TYPES.includes(e.declared_type)).forEach((entry, i) => {
    it(`reloads an equal job from the dump of ${entry.source}`, async () => {
      const job = await loadAny(entry.source);
      if (job === undefined) return; // rejected files (see the conformance test) have no dump
      const expected = job.toYamlObject();
      const file = join(dir, `${String(i).padStart(3, '0')}-${job.type}.yml`);
      await job.dump(file);
      const fromFile = await loadJob(file);
      expect(fromFile.type).toBe(job.type);
      expect(fromFile.toYamlObject()).toEqual(expected);
      const fromText = await loadJob({
        text: job.toYamlText(),
        basePath: job.basePath,
        file: 'dumped.yml',
      });
      expect(fromText.toYamlObject()).toEqual(expected);
    });
  });
});
