// Checks the id utilities against the real-world corpus (Azure/azureml-examples job YAMLs and the
// goldens produced by azure-ai-ml 1.4.0); see /work/shared/conformance/README.md.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatArmId, parseArmId } from './arm-id.js';
import { parseAssetReference } from './asset-reference.js';
import { defaultExperimentName } from './experiment-name.js';

const CORPUS = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../../shared/conformance/azureml-examples',
);
const present = existsSync(join(CORPUS, 'golden'));

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(suffix))
    .map((name) => join(dir, name));
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) strings(item, out);
  }
  return out;
}

interface Golden {
  source: string;
  rest: { properties: { experimentName?: string } } | null;
  yaml_dict: { experiment_name?: string } | null;
}

describe.skipIf(!present)('ids against the conformance corpus', () => {
  it('parses every azureml: reference written in the job YAMLs', () => {
    const references = new Set<string>();
    for (const file of files(join(CORPUS, 'cli'), '.yml')) {
      for (const match of readFileSync(file, 'utf8').matchAll(
        /azureml:(?:\$\{\{[^}]*\}\}|[^\s"',\]{}#])+/g,
      )) {
        // Skip documentation placeholders such as azureml:<my_model>:<version>.
        if (!match[0].includes('<')) references.add(match[0]);
      }
    }
    expect(references.size).toBeGreaterThan(20);
    for (const reference of references) {
      expect(() => parseAssetReference(reference), reference).not.toThrow();
    }
    expect(parseAssetReference('azureml:AzureML-sklearn-1.5@latest').kind).toBe('curated');
  });

  it('parses and re-formats every workspace ARM id in the REST goldens exactly', () => {
    let count = 0;
    for (const file of files(join(CORPUS, 'golden'), '.json')) {
      for (const text of strings(JSON.parse(readFileSync(file, 'utf8')))) {
        const id = text.startsWith('azureml:/subscriptions/') ? text.slice(8) : text;
        if (!id.startsWith('/subscriptions/')) continue;
        count += 1;
        expect(formatArmId(parseArmId(id)), file).toBe(id);
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  it('derives the experiment name the SDK sent from the YAML folder', () => {
    let count = 0;
    for (const file of files(join(CORPUS, 'golden'), '.json')) {
      const golden = JSON.parse(readFileSync(file, 'utf8')) as Golden;
      const sent = golden.rest?.properties.experimentName;
      if (sent === undefined || golden.yaml_dict?.experiment_name !== undefined) continue;
      count += 1;
      expect(defaultExperimentName(dirname(join(CORPUS, golden.source))), golden.source).toBe(sent);
    }
    expect(count).toBeGreaterThan(10);
  });
});
