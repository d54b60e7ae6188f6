/**
 * Fuzzing the loader: random text, random job-shaped values and mutated corpus documents
 * either load or fail with a JobLoadError — never another exception, never a hang.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JOB_TYPES, isJobLoadError, loadJob } from '../src/index.js';
import { CORPUS, INDEX } from './corpus.js';

async function loadsOrFailsTyped(text: string, basePath: string): Promise<void> {
  try {
    const job = await loadJob({ text, basePath, file: 'fuzz.yml' });
    // whatever loads must also dump
    expect(typeof job.toYamlText()).toBe('string');
  } catch (e) {
    if (!isJobLoadError(e)) throw e;
    for (const d of e.diagnostics) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.col).toBeGreaterThanOrEqual(1);
      expect(typeof d.message).toBe('string');
    }
  }
}

const corpus = INDEX.filter((e) => JOB_TYPES.includes(e.declared_type)).map((e) => {
  const path = resolve(CORPUS, e.source);
  return { text: readFileSync(path, 'utf8'), basePath: dirname(path) };
});

const JOB_KEYS = [
  'type',
  'command',
  'code',
  'environment',
  'compute',
  'inputs',
  'outputs',
  'resources',
  'distribution',
  'limits',
  'identity',
  'services',
  'tags',
  'trial',
  'search_space',
  'objective',
  'sampling_algorithm',
  'early_termination',
  'jobs',
  'settings',
  'task',
  'entry',
  'conf',
  'name',
  'display_name',
  'environment_variables',
];

describe('loadJob fuzzing', () => {
  it('never throws anything but JobLoadError on random text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), (text) =>
        loadsOrFailsTyped(text, CORPUS),
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('never throws anything but JobLoadError on random job-shaped values', async () => {
    const value = fc.dictionary(fc.constantFrom(...JOB_KEYS), fc.jsonValue({ maxDepth: 3 }), {
      maxKeys: 8,
    });
    await fc.assert(
      fc.asyncProperty(value, fc.constantFrom(...JOB_TYPES, 'Command', undefined), (doc, type) => {
        const withType = type === undefined ? doc : { ...doc, type };
        return loadsOrFailsTyped(JSON.stringify(withType), CORPUS);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('never throws anything but JobLoadError on random --set overrides', async () => {
    const { text, basePath } = corpus[0]!;
    const segment = fc.oneof(
      fc.constantFrom(...JOB_KEYS, '__proto__', 'toString', '0', 'a.b'),
      fc.string({ maxLength: 6 }),
    );
    const expr = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc
        .tuple(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.string({ maxLength: 12 }))
        .map(([path, value]) => `${path.join('.')}=${value}`),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(expr, { maxLength: 3 }), async (overrides) => {
        try {
          await loadJob({ text, basePath, file: 'fuzz.yml' }, { overrides });
        } catch (e) {
          if (!isJobLoadError(e)) throw e;
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('never throws anything but JobLoadError on mutated corpus documents', async () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        text: fc.constantFrom(
          ':',
          '- ',
          '{',
          '"',
          ' ',
          '\n',
          '&a ',
          '*a',
          '!!binary ',
          'null',
          '0x1F',
          '\t',
          'type: sweep\n',
        ),
      }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant('swap-value' as const),
        at: fc.nat(),
        text: fc.constantFrom(
          '5',
          'true',
          '[]',
          '{}',
          'null',
          '"x"',
          '-1',
          'azureml:x:1',
          'file:nope.yml',
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: corpus.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        async (which, mutations) => {
          const doc = corpus[which]!;
          let text = doc.text;
          for (const m of mutations) {
            const lines = text.split('\n');
            const line = lines.length === 0 ? 0 : m.at % lines.length;
            switch (m.kind) {
              case 'delete-line':
                lines.splice(line, 1);
                text = lines.join('\n');
                break;
              case 'duplicate-line':
                lines.splice(line, 0, lines[line] ?? '');
                text = lines.join('\n');
                break;
              case 'insert': {
                const at = text.length === 0 ? 0 : m.at % text.length;
                text = text.slice(0, at) + m.text + text.slice(at);
                break;
              }
              case 'truncate':
                text = text.slice(0, text.length === 0 ? 0 : m.at % text.length);
                break;
              case 'swap-value': {
                const l = lines[line] ?? '';
                const colon = l.indexOf(': ');
                if (colon >= 0) lines[line] = `${l.slice(0, colon + 2)}${m.text}`;
                text = lines.join('\n');
                break;
              }
            }
          }
          await loadsOrFailsTyped(text, doc.basePath);
        },
      ),
      { numRuns: 400 },
    );
    // 400 loads of corpus documents (pipelines load their component files too): no time
    // budget here (style rule 24), only a cap against hangs on a shared, busy machine.
  }, 60_000);
});
