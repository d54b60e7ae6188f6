import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as libParse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYaml, readYamlFile, stringifyYaml } from '../src/index.js';
import type { PathSegment, SourceMap } from '../src/index.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CORPUS = resolve(REPO_ROOT, '../shared/conformance/azureml-examples/cli');
const EXAMPLES = resolve(REPO_ROOT, 'examples');

if (!existsSync(CORPUS)) {
  throw new Error(
    `Conformance corpus not found: expected ${CORPUS} (the repository's sibling folder shared/conformance), received nothing there.`,
  );
}

function yamlFiles(root: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out.sort();
}

/** Every path in a JSON-like value, with whether it ends at a mapping key. */
function* paths(value: unknown, prefix: PathSegment[] = []): Generator<[PathSegment[], boolean]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      yield [[...prefix, i], false];
      yield* paths(value[i], [...prefix, i]);
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      yield [[...prefix, k], true];
      yield* paths(v, [...prefix, k]);
    }
  }
}

function checkSourceMap(value: unknown, sourceMap: SourceMap, text: string): number {
  const lines = text.split(/\r?\n/);
  let count = 0;
  for (const [path, isKey] of paths(value)) {
    const at = sourceMap.locate(path);
    expect(at, `locate ${JSON.stringify(path)}`).toBeDefined();
    expect(at!.line).toBeLessThanOrEqual(lines.length);
    if (isKey) {
      const key = sourceMap.locate(path, { key: true })!;
      const line = lines[key.line - 1]!;
      // The key text starts at the reported column (possibly quoted).
      const written = line.slice(key.col - 1);
      const name = String(path[path.length - 1]);
      expect(
        written.startsWith(name) ||
          written.startsWith(`"${name}`) ||
          written.startsWith(`'${name}`) ||
          written.startsWith('<<'),
      ).toBe(true);
    }
    expect(sourceMap.locateNearest([...path, 'missing-child'])).toEqual(sourceMap.locate(path));
    count++;
  }
  return count;
}

const corpus = yamlFiles(CORPUS);
const examples = existsSync(EXAMPLES)
  ? yamlFiles(EXAMPLES).filter((f) => !f.includes('/invalid/'))
  : [];

describe('conformance corpus (azureml-examples)', () => {
  it('does find the job YAMLs', () => {
    expect(corpus.length).toBeGreaterThan(100);
  });

  it.each(corpus.map((f) => [relative(CORPUS, f), f]))(
    'does load %s like yaml does, locate every path and round-trip',
    async (_name, file) => {
      const parsed = await readYamlFile(file);
      const text = readFileSync(file, 'utf8');
      expect(parsed.value).toEqual(
        libParse(text.replace(/^\uFEFF/, ''), { schema: 'core', merge: true }),
      );
      checkSourceMap(parsed.value, parsed.sourceMap, parsed.text);
      expect(parseYaml(stringifyYaml(parsed.value)).value).toEqual(parsed.value);
      expect(parseYaml(stringifyYaml(parsed.value, { sortKeys: true })).value).toEqual(
        parsed.value,
      );
    },
  );
});

describe('repository examples', () => {
  it.each(examples.map((f) => [relative(EXAMPLES, f), f]))('does load %s', async (_name, file) => {
    const parsed = await readYamlFile(file);
    checkSourceMap(parsed.value, parsed.sourceMap, parsed.text);
  });
});
