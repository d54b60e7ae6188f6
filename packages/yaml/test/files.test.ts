import { mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isYamlError, readYamlFile, stringifyYaml, writeYamlFile } from '../src/index.js';
import type { YamlError } from '../src/index.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'amlkit-yaml-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<YamlError> {
  try {
    await promise;
  } catch (err) {
    if (isYamlError(err)) return err;
    throw err;
  }
  throw new Error('expected a YamlError');
}

describe('readYamlFile', () => {
  it('does read and parse a file, using its path in locations', async () => {
    const path = join(dir, 'job.yml');
    await writeFile(path, '\uFEFFcommand: echo hi\ninputs:\n  x: 1\n');
    const parsed = await readYamlFile(path);
    expect(parsed.value).toEqual({ command: 'echo hi', inputs: { x: 1 } });
    expect(parsed.file).toBe(path);
    expect(parsed.sourceMap.locate(['inputs', 'x'])).toMatchObject({ file: path, line: 3, col: 6 });
  });

  it('does report a missing file as YAML_FILE_NOT_FOUND', async () => {
    const err = await rejection(readYamlFile(join(dir, 'nope.yml')));
    expect(err.code).toBe('YAML_FILE_NOT_FOUND');
    expect(err.message).toContain('nope.yml');
    expect(err.cause).toBeDefined();
  });

  it('does report a directory as YAML_READ_FAILED', async () => {
    const err = await rejection(readYamlFile(dir));
    expect(err.code).toBe('YAML_READ_FAILED');
    expect(err.diagnostics[0]!.received).toBe('a directory');
  });

  it('does reject a 50 MB file by its size before reading it', async () => {
    const path = join(dir, 'big.yml');
    await writeFile(path, '');
    await truncate(path, 50 * 1024 * 1024); // sparse: 50 MB of NUL bytes that are never read
    const err = await rejection(readYamlFile(path));
    expect(err.code).toBe('YAML_TOO_LARGE');
    expect(err.diagnostics[0]!.received).toBe(`${50 * 1024 * 1024} bytes`);
    expect(await rejection(readYamlFile(join(dir, 'job.yml'), { maxBytes: 10 }))).toMatchObject({
      code: 'YAML_TOO_LARGE',
    });
  });

  it('does read a pipe and caps an endless device at maxBytes', async () => {
    const { execFileSync } = await import('node:child_process');
    const fifo = join(dir, 'pipe.yml');
    execFileSync('mkfifo', [fifo]);
    const writer = writeFile(fifo, 'a: 1\n');
    expect((await readYamlFile(fifo)).value).toEqual({ a: 1 });
    await writer;
    const err = await rejection(readYamlFile('/dev/zero', { maxBytes: 100_000 }));
    expect(err.code).toBe('YAML_TOO_LARGE');
  });

  it('does reject invalid UTF-8 as YAML_BINARY at the offending byte', async () => {
    const path = join(dir, 'latin1.yml');
    await writeFile(path, Buffer.from([0x61, 0x3a, 0x0a, 0x62, 0x3a, 0x20, 0xe9, 0x0a]));
    const err = await rejection(readYamlFile(path));
    expect(err.code).toBe('YAML_BINARY');
    expect(err.diagnostics[0]).toMatchObject({
      line: 2,
      col: 4,
      received: 'byte 0xE9 at offset 6',
    });
  });

  it('does name UTF-16 files', async () => {
    const path = join(dir, 'utf16.yml');
    await writeFile(
      path,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 1\n', 'utf16le')]),
    );
    const err = await rejection(readYamlFile(path));
    expect(err.code).toBe('YAML_BINARY');
    expect(err.message).toContain('UTF-16');
  });

  it('does reject binary junk such as a gzip header', async () => {
    const path = join(dir, 'junk.yml');
    await writeFile(path, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]));
    expect((await rejection(readYamlFile(path))).code).toBe('YAML_BINARY');
  });

  it('does pass parse limits through', async () => {
    const path = join(dir, 'deep.yml');
    await writeFile(path, 'a: [[[1]]]\n');
    expect((await rejection(readYamlFile(path, { maxDepth: 2 }))).code).toBe('YAML_DEPTH_LIMIT');
  });

  it('does honour an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      readYamlFile(join(dir, 'job.yml'), { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('does throw TypeError for an empty path', async () => {
    await expect(readYamlFile('')).rejects.toThrow(TypeError);
  });
});

describe('writeYamlFile', () => {
  it('does create a new file with the text', async () => {
    const path = join(dir, 'out.yml');
    const text = stringifyYaml({ a: 1, b: 'x\ny' });
    await writeYamlFile(path, text);
    expect(await readFile(path, 'utf8')).toBe(text);
    expect((await readYamlFile(path)).value).toEqual({ a: 1, b: 'x\ny' });
  });

  it('does refuse to overwrite an existing file', async () => {
    const path = join(dir, 'existing.yml');
    await writeFile(path, 'original: true\n');
    const err = await rejection(writeYamlFile(path, 'new: true\n'));
    expect(err.code).toBe('YAML_FILE_EXISTS');
    expect(err.message).toContain(path);
    expect(await readFile(path, 'utf8')).toBe('original: true\n');
  });

  it('does report a missing parent directory as YAML_WRITE_FAILED', async () => {
    const err = await rejection(writeYamlFile(join(dir, 'no', 'such', 'dir', 'x.yml'), 'a: 1\n'));
    expect(err.code).toBe('YAML_WRITE_FAILED');
    expect(err.diagnostics[0]!.received).toBe('a missing parent directory');
  });

  it('does report a parent that is a file as YAML_WRITE_FAILED', async () => {
    const parent = join(dir, 'plain-file');
    await writeFile(parent, 'x');
    const err = await rejection(writeYamlFile(join(parent, 'x.yml'), 'a: 1\n'));
    expect(err.code).toBe('YAML_WRITE_FAILED');
    expect(err.diagnostics[0]!.received).toBe('ENOTDIR');
  });

  it('does not create the file when the signal is already aborted', async () => {
    const path = join(dir, 'aborted.yml');
    const controller = new AbortController();
    controller.abort();
    await expect(
      writeYamlFile(path, 'a: 1\n', { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('does throw TypeError for bad arguments', async () => {
    await expect(writeYamlFile('', 'a')).rejects.toThrow(TypeError);
    await expect(writeYamlFile(join(dir, 'x'), 1 as unknown as string)).rejects.toThrow(TypeError);
  });
});
