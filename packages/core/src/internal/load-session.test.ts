import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { s } from '../schema/builders.js';
import { INVALID, ParseContext } from '../schema/schema.js';
import type { Schema } from '../schema/schema.js';
import { LoadDocument, LoadSession } from './load-session.js';

const dir = mkdtempSync(join(tmpdir(), 'amlkit-session-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** `{ n: integer, next?: 'file:<other.yml>' }`, following `next` references. */
const node: Schema<unknown> = s.object({
  n: s.integer(),
  next: s
    .custom<string>({
      expected: 'a file: reference',
      parse(value, ctx) {
        if (typeof value !== 'string') return INVALID;
        ctx.defer(async (c) => {
          const doc = await c.env.loadRelative(value, c);
          doc?.validate(node);
        });
        return value;
      },
      jsonSchema: () => ({ type: 'string' }),
    })
    .optional(),
});

async function run(root: string): Promise<LoadSession> {
  const session = new LoadSession();
  const doc = new LoadDocument(session, { file: 'root.yml', basePath: dir, sourceMap: undefined });
  node.parse({ n: 1, next: root }, new ParseContext(doc, [], doc.issues));
  await session.drain();
  return session;
}

describe('LoadSession', () => {
  it('locates problems of referenced files in those files, following references relative to each file', async () => {
    writeFileSync(join(dir, 'a.yml'), 'n: 2\nnext: file:b.yml\n');
    writeFileSync(join(dir, 'b.yml'), 'n: three\n');
    const session = await run('file:a.yml');
    expect(session.diagnostics()).toEqual([
      expect.objectContaining({
        code: 'JOB_INVALID_TYPE',
        file: join(dir, 'b.yml'),
        line: 1,
        col: 4,
        path: ['n'],
      }),
    ]);
    expect(Object.keys(session.sources).sort()).toEqual([join(dir, 'a.yml'), join(dir, 'b.yml')]);
  });

  it('detects reference cycles instead of looping', async () => {
    writeFileSync(join(dir, 'c.yml'), 'n: 1\nnext: file:d.yml\n');
    writeFileSync(join(dir, 'd.yml'), 'n: 2\nnext: file:c.yml\n');
    const session = await run('file:c.yml');
    expect(session.diagnostics()).toEqual([
      expect.objectContaining({
        code: 'JOB_REFERENCE_CYCLE',
        file: join(dir, 'd.yml'),
        line: 2,
        col: 7,
      }),
    ]);
  });

  it('reports a missing referenced file at the reference, once', async () => {
    const session = await run('file:nope.yml');
    expect(session.diagnostics().map((d) => [d.code, d.file])).toEqual([
      ['JOB_FILE_NOT_FOUND', 'root.yml'],
    ]);
  });

  it('passes syntax errors of referenced files through with their own location', async () => {
    writeFileSync(join(dir, 'bad.yml'), 'n: [1\n');
    const session = await run('file:bad.yml');
    expect(session.diagnostics()[0]).toMatchObject({
      code: 'YAML_SYNTAX',
      file: join(dir, 'bad.yml'),
    });
  });
});
