import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContainerClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAssetResolutionError } from '../../src/index.js';
import { createAzureBlobUploader } from '../../src/node.js';
import type { AzureDatastore } from '../../src/node.js';
import { AZURITE_ACCOUNT, AZURITE_KEY, listBlobNames, startAzurite } from './support/azurite.js';
import type { Azurite } from './support/azurite.js';

let azurite: Azurite;
let root: string;
let counter = 0;

beforeAll(async () => {
  azurite = await startAzurite();
  root = await mkdtemp(join(tmpdir(), 'amlkit-azure-upload-'));
});

afterAll(async () => {
  await azurite.stop();
  await rm(root, { recursive: true, force: true });
});

/** A fresh container per test, so blob listings only show that test's uploads. */
async function fresh(): Promise<{ container: ContainerClient; datastore: AzureDatastore }> {
  counter += 1;
  const name = `ds${String(counter)}`;
  const container = await azurite.container(name);
  return {
    container,
    datastore: {
      name: 'workspaceblobstore',
      accountName: AZURITE_ACCOUNT,
      containerName: name,
      endpoint: 'core.windows.net',
      protocol: 'https',
      secret: { kind: 'accountKey', key: AZURITE_KEY },
    },
  };
}

async function tree(files: Record<string, string | Uint8Array>): Promise<string> {
  counter += 1;
  const dir = join(root, `tree${String(counter)}`, 'src');
  for (const [relative, content] of Object.entries(files)) {
    await mkdir(join(dir, relative, '..'), { recursive: true });
    await writeFile(join(dir, relative), content);
  }
  await mkdir(dir, { recursive: true });
  return dir;
}

/** A custom matcher (the option replaces core's gitwildmatch): exact names and `dir/` folders. */
function simpleRules(text: string) {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return (relative: string, isDirectory: boolean) =>
    lines.some((line) =>
      line.endsWith('/') ? isDirectory && relative === line.slice(0, -1) : relative === line,
    );
}

const uploader = () =>
  createAzureBlobUploader({ serviceUrl: () => azurite.serviceUrl, ignoreRules: simpleRules });

describe('createAzureBlobUploader', () => {
  it('uploads a code folder under LocalUpload/<hash>/<name> and records the asset on the indicator blob', async () => {
    const { container, datastore } = await fresh();
    const dir = await tree({ 'train.py': 'print(1)\n', 'pkg/util.py': 'x = 1\n' });
    const result = await uploader().upload(dir, {
      datastore,
      kind: 'code',
      assetName: 'my-code',
    });
    expect(result.uploaded).toBe(true);
    expect(result.hash).toMatch(/^[0-9a-f]{32}$/);
    expect(result.blobPath).toBe(`LocalUpload/${result.hash}/src`);
    expect(result.url).toBe(`${azurite.serviceUrl}/${datastore.containerName}/${result.blobPath}`);
    expect(result).toMatchObject({
      fileCount: 2,
      totalBytes: 15,
      assetName: 'my-code',
      assetVersion: '1',
    });
    expect(await listBlobNames(container)).toEqual([
      `${result.blobPath}/pkg/util.py`,
      `${result.blobPath}/train.py`,
    ]);
    const body = await container.getBlobClient(`${result.blobPath}/train.py`).downloadToBuffer();
    expect(body.toString('utf8')).toBe('print(1)\n');
  });

  it('does not upload an unchanged snapshot twice and reuses the recorded asset name', async () => {
    const { container, datastore } = await fresh();
    const dir = await tree({ 'a.py': 'a\n', 'b.py': 'b\n' });
    const first = await uploader().upload(dir, { datastore, kind: 'code', assetName: 'first' });
    const stamp = (await container.getBlobClient(`${first.blobPath}/b.py`).getProperties()).etag;
    const second = await uploader().upload(dir, { datastore, kind: 'code', assetName: 'second' });
    expect(second).toMatchObject({ uploaded: false, hash: first.hash, assetName: 'first' });
    expect((await container.getBlobClient(`${first.blobPath}/b.py`).getProperties()).etag).toBe(
      stamp,
    );
    await writeFile(join(dir, 'b.py'), 'changed\n');
    const third = await uploader().upload(dir, { datastore, kind: 'code', assetName: 'third' });
    expect(third.uploaded).toBe(true);
    expect(third.hash).not.toBe(first.hash);
    expect(await listBlobNames(container)).toHaveLength(4);
  });

  it('uploads folders with equal contents but different names to their own paths', async () => {
    const { container, datastore } = await fresh();
    const a = await tree({ 'OMITTED.txt': 'same\n' });
    const b = join(a, '..', 'data');
    await mkdir(b);
    await writeFile(join(b, 'OMITTED.txt'), 'same\n');
    const first = await uploader().upload(a, { datastore, kind: 'input' });
    const second = await uploader().upload(b, { datastore, kind: 'input' });
    expect(second.hash).toBe(first.hash);
    expect(second.uploaded).toBe(true);
    expect(await listBlobNames(container)).toEqual([
      `LocalUpload/${first.hash}/data/OMITTED.txt`,
      `LocalUpload/${first.hash}/src/OMITTED.txt`,
    ]);
  });

  it('rejects a code snapshot over the size limit and names the largest files', async () => {
    const { container, datastore } = await fresh();
    const dir = await tree({
      'model.bin': new Uint8Array(3000),
      'data/big.csv': new Uint8Array(2000),
      'small.py': 'x\n',
    });
    const limited = createAzureBlobUploader({
      serviceUrl: () => azurite.serviceUrl,
      maxSnapshotBytes: 4096,
    });
    const error: unknown = await limited
      .upload(dir, { datastore, kind: 'code' })
      .catch((e: unknown) => e);
    expect(isAssetResolutionError(error)).toBe(true);
    expect((error as Error).message).toContain(
      'expected at most 4.0 KiB, received 4.9 KiB in 3 files',
    );
    expect((error as Error).message).toContain(
      'the largest are model.bin (2.9 KiB), data/big.csv (2.0 KiB), small.py (2 B)',
    );
    expect(await listBlobNames(container)).toEqual([]);
    // Inputs are data, not snapshots: no limit.
    const input = await limited.upload(dir, { datastore, kind: 'input' });
    expect(input.uploaded).toBe(true);
  });

  it('leaves out what .amlignore excludes, preferring it over .gitignore', async () => {
    const { container, datastore } = await fresh();
    const dir = await tree({
      '.amlignore': 'secret.env\nlogs/\n',
      '.gitignore': 'train.py\n',
      'train.py': 'print(1)\n',
      'secret.env': 'KEY=1\n',
      'logs/run.log': 'x\n',
    });
    const result = await uploader().upload(dir, { datastore, kind: 'code' });
    expect(await listBlobNames(container)).toEqual([
      `${result.blobPath}/.amlignore`,
      `${result.blobPath}/.gitignore`,
      `${result.blobPath}/train.py`,
    ]);
  });

  it('applies .gitignore with gitwildmatch by default (globs, folders, negation)', async () => {
    const { container, datastore } = await fresh();
    const dir = await tree({
      '.gitignore': '*.log\n!keep.log\nvenv/\n',
      'train.py': '1\n',
      'debug.log': 'x\n',
      'keep.log': 'k\n',
      'venv/lib.py': '2\n',
      'pkg/deep/trace.log': 't\n',
    });
    const bare = createAzureBlobUploader({ serviceUrl: () => azurite.serviceUrl });
    const result = await bare.upload(dir, { datastore, kind: 'code' });
    expect(await listBlobNames(container)).toEqual([
      `${result.blobPath}/.gitignore`,
      `${result.blobPath}/keep.log`,
      `${result.blobPath}/train.py`,
    ]);
  });

  it('rejects an ignore file with an invalid pattern, naming the file', async () => {
    const { container, datastore } = await fresh();
    const dir = await tree({ '.amlignore': 'ok.txt\nbad\\\n', 'train.py': '1\n' });
    const bare = createAzureBlobUploader({ serviceUrl: () => azurite.serviceUrl });
    const error: unknown = await bare
      .upload(dir, { datastore, kind: 'code' })
      .catch((e: unknown) => e);
    expect(isAssetResolutionError(error)).toBe(true);
    expect((error as Error).message).toContain('expected valid .amlignore rules');
    expect((error as Error).message).toContain('.amlignore');
    expect(await listBlobNames(container)).toEqual([]);
  });

  it('does not follow symbolic links', async () => {
    const { container, datastore } = await fresh();
    const outside = await tree({ 'huge.bin': new Uint8Array(5000), 'nested/x.py': 'x\n' });
    const dir = await tree({ 'train.py': '1\n' });
    await symlink(join(outside, 'huge.bin'), join(dir, 'linked.bin'));
    await symlink(join(outside, 'nested'), join(dir, 'linked-dir'));
    const result = await uploader().upload(dir, { datastore, kind: 'code' });
    expect(result.fileCount).toBe(1);
    expect(await listBlobNames(container)).toEqual([`${result.blobPath}/train.py`]);
    await expect(
      uploader().upload(join(dir, 'linked-dir'), { datastore, kind: 'input' }),
    ).rejects.toThrow(/received a symbolic link/);
  });

  it('uploads a single input file as LocalUpload/<hash>/<file name>', async () => {
    const { container, datastore } = await fresh();
    const dir = await tree({ 'iris.csv': 'a,b\n1,2\n' });
    const result = await uploader().upload(join(dir, 'iris.csv'), { datastore, kind: 'input' });
    expect(result.blobPath).toBe(`LocalUpload/${result.hash}/iris.csv`);
    expect(await listBlobNames(container)).toEqual([result.blobPath]);
    const again = await uploader().upload(join(dir, 'iris.csv'), { datastore, kind: 'input' });
    expect(again.uploaded).toBe(false);
  });

  it('uploads an input folder with its nested files', async () => {
    const { container, datastore } = await fresh();
    const dir = await tree({ 'part-0.csv': '1\n', 'sub/part-1.csv': '2\n' });
    const result = await uploader().upload(`${dir}/`, { datastore, kind: 'input' });
    expect(result.blobPath).toBe(`LocalUpload/${result.hash}/src`);
    expect(await listBlobNames(container)).toEqual([
      `${result.blobPath}/part-0.csv`,
      `${result.blobPath}/sub/part-1.csv`,
    ]);
  });

  it('rejects a missing path with what was expected', async () => {
    const { datastore } = await fresh();
    await expect(
      uploader().upload(join(root, 'nope'), { datastore, kind: 'input' }),
    ).rejects.toThrow(/expected an existing file or folder, received a path that does not exist/);
  });
});
