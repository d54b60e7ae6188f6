import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildContextUploadHash } from './build-context-hash.node.js';

const SEED = 'Initialize for october 2021 AML CLI version';

/** MD5 of the exact byte sequence the SDK's walk should feed, built by hand. */
function expectedMd5(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('md5');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

let base: string;

function tree(root: string, files: Record<string, string | Uint8Array>): string {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'amlkit-build-context-'));
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

describe('buildContextUploadHash', () => {
  it('feeds the seed, then names and bytes in lower-cased order, honouring .amlignore over .gitignore', () => {
    const amlignore = '*.log\nsecret/\n!keep.log\n';
    const gitignore = 'a.txt\n';
    const dockerfile = 'FROM python:3.11\n';
    const deep = new Uint8Array([0, 1, 2, 255]);
    const root = tree(path.join(base, 'ctx'), {
      '.amlignore': amlignore,
      '.gitignore': gitignore,
      Dockerfile: dockerfile,
      'a.txt': 'alpha',
      'B.txt': 'bravo',
      'c.log': 'ignored',
      'keep.log': 'kept',
      'secret/token.txt': 'never hashed',
      'sub/z.txt': 'zulu',
      'sub/Y.txt': 'yankee',
      'sub/nested/deep.bin': deep,
    });
    expect(buildContextUploadHash(root)).toBe(
      expectedMd5(
        SEED,
        '.amlignore',
        amlignore,
        '.gitignore',
        gitignore, // the ignore files are content too; .gitignore's rule is not used
        'a.txt',
        'alpha',
        'B.txt',
        'bravo', // "b.txt" sorts after "a.txt" although "B" < "a" in code points
        // c.log: excluded by *.log
        'Dockerfile',
        dockerfile,
        'keep.log',
        'kept', // re-included by !keep.log
        'secret', // "secret/" skips the contents, not the folder name
        'sub',
        'nested',
        'deep.bin',
        deep,
        'Y.txt',
        'yankee',
        'z.txt',
        'zulu',
      ),
    );
  });

  it('uses the root .gitignore when there is no .amlignore', () => {
    const root = tree(path.join(base, 'git'), {
      '.gitignore': '/a.txt\n',
      'a.txt': 'x',
      'd/a.txt': 'y',
    });
    expect(buildContextUploadHash(root)).toBe(
      expectedMd5(SEED, '.gitignore', '/a.txt\n', 'd', 'a.txt', 'y'),
    );
  });

  it('hashes an empty folder as the seed alone, and a file as the seed plus its bytes', () => {
    const empty = path.join(base, 'empty');
    mkdirSync(empty);
    expect(buildContextUploadHash(empty)).toBe(expectedMd5(SEED));
    const file = tree(path.join(base, 'single'), { Dockerfile: 'FROM x' });
    expect(buildContextUploadHash(path.join(file, 'Dockerfile'))).toBe(expectedMd5(SEED, 'FROM x'));
  });

  it('changes when a file name or its content changes', () => {
    const one = tree(path.join(base, 'one'), { 'a.txt': 'x' });
    const renamed = tree(path.join(base, 'renamed'), { 'b.txt': 'x' });
    const edited = tree(path.join(base, 'edited'), { 'a.txt': 'y' });
    const hashes = new Set([one, renamed, edited].map((root) => buildContextUploadHash(root)));
    expect(hashes.size).toBe(3);
  });

  it('rejects a path that does not exist', () => {
    expect(() => buildContextUploadHash(path.join(base, 'missing'))).toThrow(
      /expected an existing folder or file/,
    );
  });
});
