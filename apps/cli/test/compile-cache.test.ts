import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBuiltCli } from './run-built-cli.js';

const HELLO = 'examples/hello-world.yml';
const VALID = { code: 0, stdout: `${HELLO}: valid command job\n`, stderr: '' };

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'amlkit-cli-cache-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

async function cacheFiles(): Promise<string[]> {
  return readdir(join(home, 'cache')).catch(() => []);
}

describe('the compile cache of the bundled runtime', () => {
  it('is written by the first run under $AMLKIT_HOME/cache and used by the next', async () => {
    expect(
      await runBuiltCli(['job', 'validate', '-f', HELLO], { env: { AMLKIT_HOME: home } }),
    ).toEqual(VALID);
    const files = await cacheFiles();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^runtime-.+\.v8cache$/);
    expect(
      await runBuiltCli(['job', 'validate', '-f', HELLO], { env: { AMLKIT_HOME: home } }),
    ).toEqual(VALID);
    expect(await cacheFiles()).toEqual(files);
  });

  it('survives a corrupt cache file and replaces it', async () => {
    await runBuiltCli(['job', 'validate', '-f', HELLO], { env: { AMLKIT_HOME: home } });
    const [file] = await cacheFiles();
    await writeFile(join(home, 'cache', file!), 'not a V8 code cache');
    expect(
      await runBuiltCli(['job', 'validate', '-f', HELLO], { env: { AMLKIT_HOME: home } }),
    ).toEqual(VALID);
    expect(await readFile(join(home, 'cache', file!), 'utf8')).not.toBe('not a V8 code cache');
    expect(
      await runBuiltCli(['job', 'dump', '-f', HELLO], { env: { AMLKIT_HOME: home } }),
    ).toMatchObject({
      code: 0,
      stderr: '',
    });
  });

  it('is neither read nor written with AMLKIT_NO_COMPILE_CACHE=1', async () => {
    const env = { AMLKIT_HOME: home, AMLKIT_NO_COMPILE_CACHE: '1' };
    expect(await runBuiltCli(['job', 'validate', '-f', HELLO], { env })).toEqual(VALID);
    expect(await cacheFiles()).toEqual([]);
  });

  it('does not stop the CLI when the cache cannot be written', async () => {
    const blocker = join(home, 'not-a-directory');
    await writeFile(blocker, '');
    expect(
      await runBuiltCli(['job', 'validate', '-f', HELLO], { env: { AMLKIT_HOME: blocker } }),
    ).toEqual(VALID);
  });

  it('is not touched by --help or --version', async () => {
    await runBuiltCli(['--version'], { env: { AMLKIT_HOME: home } });
    await runBuiltCli(['job', 'validate', '--help'], { env: { AMLKIT_HOME: home } });
    expect(await cacheFiles()).toEqual([]);
  });
});
