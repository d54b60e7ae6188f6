import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applySetOverrides,
  formatDiagnostic,
  isYamlError,
  parseSetExpression,
  parseYaml,
  readYamlFile,
  writeYamlFile,
  writeYamlStream,
  YamlErrorCode,
} from '../src/index.js';
import type { YamlErrorCode as Code } from '../src/index.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'amlkit-yaml-codes-'));
  await writeFile(join(dir, 'exists.yml'), 'a: 1\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const triggers: Record<Code, () => unknown> = {
  YAML_SYNTAX: () => parseYaml('a: [1,\n'),
  YAML_DUPLICATE_KEY: () => parseYaml('a: 1\na: 2\n'),
  YAML_ALIAS_LIMIT: () => parseYaml('a: &a [1, 1]\nb: [*a, *a, *a]\n', { maxAliasCount: 2 }),
  YAML_TOO_LARGE: () => parseYaml('a: 1\n', { maxBytes: 2 }),
  YAML_DEPTH_LIMIT: () => parseYaml('a: {b: {c: 1}}\n', { maxDepth: 2 }),
  YAML_BINARY: () => parseYaml('\u0000\u0001'),
  YAML_MULTIPLE_DOCUMENTS: () => parseYaml('a: 1\n---\nb: 2\n'),
  YAML_UNSUPPORTED_TAG: () => parseYaml('a: !!timestamp 2020-01-01\n'),
  YAML_COMPLEX_KEY: () => parseYaml('? {a: 1}\n: x\n'),
  YAML_FILE_NOT_FOUND: () => readYamlFile(join(dir, 'missing.yml')),
  YAML_READ_FAILED: () => readYamlFile(dir),
  YAML_FILE_EXISTS: () => writeYamlFile(join(dir, 'exists.yml'), 'b: 2\n'),
  YAML_WRITE_FAILED: () => {
    const stream = new Writable({
      write: (_c, _e, cb) => {
        cb();
      },
    });
    stream.destroy();
    return writeYamlStream(stream, 'a: 1\n');
  },
  SET_SYNTAX: () => parseSetExpression('a.b'),
  SET_PATH_CONFLICT: () => applySetOverrides({ a: 'x' }, ['a.b=1']),
  SET_INDEX_OUT_OF_RANGE: () => applySetOverrides({ a: [] }, ['a[1]=1']),
};

describe('error codes', () => {
  it('does have a trigger for every code', () => {
    expect(Object.keys(triggers).sort()).toEqual(Object.values(YamlErrorCode).sort());
  });

  it.each(Object.entries(triggers))(
    'does throw %s with a complete, located diagnostic',
    async (code, trigger) => {
      let caught: unknown;
      try {
        await trigger();
      } catch (err) {
        caught = err;
      }
      expect(isYamlError(caught), `${code} should be thrown`).toBe(true);
      if (!isYamlError(caught)) return;
      expect(caught.code).toBe(code);
      expect(caught.name).toBe('YamlError');
      expect(caught.diagnostics.length).toBeGreaterThan(0);
      for (const d of caught.diagnostics) {
        expect(d.code).toBe(code);
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.col).toBeGreaterThanOrEqual(1);
        expect(d.file).not.toBe('');
        expect(d.message).not.toBe('');
        expect(Array.isArray(d.path)).toBe(true);
        expect(formatDiagnostic(d)).toMatch(/^.+:\d+:\d+: /);
      }
      const first = caught.diagnostics[0]!;
      expect(caught.message.startsWith(first.file)).toBe(true);
      // Writing has no position inside a file to point at; everything else says line:col.
      if (code !== 'YAML_FILE_EXISTS' && code !== 'YAML_WRITE_FAILED') {
        expect(caught.message).toContain(`${first.file}:${first.line}:${first.col}: `);
      }
    },
  );
});
