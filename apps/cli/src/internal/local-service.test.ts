import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCliError } from '../cli-error.js';
import { EXIT_CODES } from '../exit-codes.js';
import {
  amlkitHome,
  ensureLocalService,
  readServerJson,
  stopLocalService,
} from './local-service.js';

let home: string;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'amlkit-local-service-'));
});

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('amlkitHome', () => {
  it('is AMLKIT_HOME resolved, else ~/.amlkit', () => {
    expect(amlkitHome({ AMLKIT_HOME: '/tmp/x/../y' })).toBe('/tmp/y');
    expect(amlkitHome({ AMLKIT_HOME: '' })).toMatch(/\/\.amlkit$/);
  });
});

describe('readServerJson', () => {
  it('ignores a missing file, malformed JSON and a dead pid', async () => {
    expect(await readServerJson(home)).toBeUndefined();
    await writeFile(join(home, 'server.json'), '{ not json');
    expect(await readServerJson(home)).toBeUndefined();
    // Pid 2^22 + 1 is above Linux's pid_max: no such process.
    await writeFile(
      join(home, 'server.json'),
      JSON.stringify({ pid: 4_194_305, url: 'http://127.0.0.1:1' }),
    );
    expect(await readServerJson(home)).toBeUndefined();
    await writeFile(
      join(home, 'server.json'),
      JSON.stringify({ pid: process.pid, url: 'http://127.0.0.1:1', startedAt: 'x', version: '1' }),
    );
    expect(await readServerJson(home)).toEqual({
      pid: process.pid,
      url: 'http://127.0.0.1:1',
      startedAt: 'x',
      version: '1',
    });
    await rm(join(home, 'server.json'));
  });
});

describe('ensureLocalService', () => {
  it('steals a start lock left by a dead process, then reports a service that cannot start', async () => {
    await writeFile(join(home, 'cli-start.lock'), '4194305');
    const error: unknown = await ensureLocalService({
      home,
      // Not an amlkit executable: the child exits at once, and the error shows its log.
      cliPath: join(home, 'missing-cli.js'),
      env: {},
      timeoutMs: 10_000,
    }).catch((e: unknown) => e);
    expect(isCliError(error) && error.exitCode).toBe(EXIT_CODES.HTTP_ERROR);
    expect((error as Error).message).toContain('exited while starting');
    expect(await readFile(join(home, 'server.log'), 'utf8')).toContain('missing-cli.js');
    await expect(readFile(join(home, 'cli-start.lock'))).rejects.toThrow();
  }, 20_000);
});

describe('stopLocalService', () => {
  it('does nothing when no service runs', async () => {
    expect(await stopLocalService(home, 1000)).toEqual({ pid: undefined, killed: false });
  });
});
