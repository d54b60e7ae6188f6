import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createLocalResolver,
  createStaticTokenCredential,
  createTransport,
  isAssetResolutionError,
} from '../../src/index.js';
import type { AssetResolver } from '../../src/index.js';
import { nodeFileSystem } from '../../src/node.js';
import { FAKE_TOKEN, LOCAL_WS, startLocalServiceFake } from './support/local-service-fake.js';
import type { LocalServiceFake } from './support/local-service-fake.js';

let fake: LocalServiceFake;
let dir: string;
let resolver: AssetResolver;

beforeAll(async () => {
  fake = await startLocalServiceFake();
  dir = await mkdtemp(join(tmpdir(), 'amlkit-resolver-'));
  await writeFile(join(dir, 'table.csv'), 'x\n1\n');
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  fake.requests.length = 0;
  const credential = createStaticTokenCredential(FAKE_TOKEN);
  resolver = createLocalResolver({
    transport: createTransport({ baseUrl: fake.url, credential }),
    credential,
    fileSystem: nodeFileSystem,
  });
});

describe('createLocalResolver', () => {
  it('uploads a single-file input as <name> in its own snapshot', async () => {
    const uri = await resolver.resolveInput(
      { type: 'uri_file', path: 'table.csv' },
      { jobDir: dir },
    );
    const match =
      /^azureml:\/\/datastores\/workspaceblobstore\/paths\/LocalUpload\/([0-9a-f]{64})\/table\.csv$/.exec(
        uri,
      );
    expect(match).not.toBeNull();
    const manifest = fake.snapshots.get(match?.[1] ?? '') as {
      files: { path: string; mode: number }[];
    };
    expect(manifest.files.map((f) => f.path)).toEqual(['table.csv']);
  });

  it('names the same content with the same snapshot id', async () => {
    const a = await resolver.resolveInput({ type: 'uri_file', path: 'table.csv' }, { jobDir: dir });
    const b = await resolver.resolveInput(
      { type: 'uri_file', path: `${dir}/table.csv` },
      { jobDir: '/elsewhere' },
    );
    expect(a).toBe(b);
  });

  it('delegates references to the offline resolver without any request', async () => {
    const context = { jobDir: dir };
    expect(
      await resolver.resolveInput({ type: 'uri_folder', path: 'azureml:rows:2' }, context),
    ).toBe(`${LOCAL_WS}/data/rows/versions/2`);
    expect(await resolver.resolveCode({ path: 'azureml:src:3' }, context)).toBe(
      `${LOCAL_WS}/codes/src/versions/3`,
    );
    expect(await resolver.resolveCompute('cpu-cluster', context)).toBe(
      `${LOCAL_WS}/computes/cpu-cluster`,
    );
    expect(await resolver.resolveEnvironment('azureml:my-env@latest', context)).toBe(
      'azureml:my-env@latest',
    );
    expect(
      await resolver.resolveInput({ type: 'uri_folder', path: '${{parent.inputs.rows}}' }, context),
    ).toBe('${{parent.inputs.rows}}');
    expect(fake.requests).toHaveLength(0);
  });

  it('applies a .gitignore by default, uploading the ignore file itself (as azure-ai-ml)', async () => {
    const folder = join(dir, 'with-gitignore');
    await mkdir(join(folder, 'data', 'raw'), { recursive: true });
    await mkdir(join(folder, 'src'), { recursive: true });
    await writeFile(join(folder, '.gitignore'), '# local junk\n*.log\ndata/\n!data/keep.csv\n');
    await writeFile(join(folder, 'main.py'), 'print(1)');
    await writeFile(join(folder, 'run.log'), 'noise');
    await writeFile(join(folder, 'src', 'deep.log'), 'noise');
    await writeFile(join(folder, 'src', 'util.py'), 'x = 1');
    await writeFile(join(folder, 'data', 'keep.csv'), 'a,b');
    await writeFile(join(folder, 'data', 'raw', 'big.csv'), 'c,d');
    const codeId = await resolver.resolveCode({ path: './with-gitignore' }, { jobDir: dir });
    const id = /codes\/([0-9a-f]{64})\/versions/.exec(codeId)?.[1] ?? '';
    const manifest = fake.snapshots.get(id) as { files: { path: string }[] };
    expect(manifest.files.map((f) => f.path)).toEqual([
      '.gitignore',
      'data/keep.csv',
      'main.py',
      'src/util.py',
    ]);
  });

  it('applies .amlignore by default instead of .gitignore', async () => {
    const folder = join(dir, 'with-amlignore');
    await mkdir(join(folder, 'node_modules', 'pkg'), { recursive: true });
    await writeFile(join(folder, '.amlignore'), 'node_modules\nsecret.txt\n');
    await writeFile(join(folder, '.gitignore'), 'main.py\n');
    await writeFile(join(folder, 'secret.txt'), 'do not upload');
    await writeFile(join(folder, 'main.py'), 'print(1)');
    await writeFile(join(folder, 'node_modules', 'pkg', 'index.js'), '');
    const codeId = await resolver.resolveCode({ path: './with-amlignore' }, { jobDir: dir });
    const id = /codes\/([0-9a-f]{64})\/versions/.exec(codeId)?.[1] ?? '';
    const manifest = fake.snapshots.get(id) as { files: { path: string }[] };
    expect(manifest.files.map((f) => f.path)).toEqual(['.amlignore', '.gitignore', 'main.py']);
  });

  it('reports an invalid ignore pattern as AssetResolutionError naming file and line', async () => {
    const folder = join(dir, 'bad-ignore');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, '.gitignore'), '*.log\nbad\\');
    await writeFile(join(folder, 'main.py'), 'print(1)');
    const error: unknown = await resolver
      .resolveCode({ path: './bad-ignore' }, { jobDir: dir })
      .catch((e: unknown) => e);
    expect(isAssetResolutionError(error)).toBe(true);
    expect((error as Error).message).toMatch(/bad-ignore\/\.gitignore:2/);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    expect(fake.requests).toHaveLength(0);
  });

  it('lets an ignoreRules override replace the built-in rules (.amlignore before .gitignore)', async () => {
    const folder = join(dir, 'with-rules');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, '.amlignore'), 'secret.txt\n');
    await writeFile(join(folder, '.gitignore'), 'main.py\n');
    await writeFile(join(folder, 'secret.txt'), 'do not upload');
    await writeFile(join(folder, 'main.py'), 'print(1)');
    const seen: string[] = [];
    const credential = createStaticTokenCredential(FAKE_TOKEN);
    const withRules = createLocalResolver({
      transport: createTransport({ baseUrl: fake.url, credential }),
      credential,
      fileSystem: nodeFileSystem,
      ignoreRules: (text, file) => {
        seen.push(file.split('/').pop() ?? '');
        const names = text.split('\n').filter(Boolean);
        return (path) => names.includes(path);
      },
    });
    const codeId = await withRules.resolveCode({ path: './with-rules' }, { jobDir: dir });
    const id = /codes\/([0-9a-f]{64})\/versions/.exec(codeId)?.[1] ?? '';
    const manifest = fake.snapshots.get(id) as { files: { path: string }[] };
    expect(manifest.files.map((f) => f.path)).toEqual(['.amlignore', '.gitignore', 'main.py']);
    expect(seen).toEqual(['.amlignore']);
  });

  it('reports a local path that does not exist as AssetResolutionError', async () => {
    const error: unknown = await resolver
      .resolveCode({ path: './missing' }, { jobDir: dir })
      .catch((e: unknown) => e);
    expect(isAssetResolutionError(error)).toBe(true);
    expect((error as Error).message).toMatch(/does not exist/);
  });
});
