import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLocalClient } from '../../src/index.js';
import type { AmlClient } from '../../src/index.js';
import { nodeFileSystem } from '../../src/node.js';
import { simpleJob } from './support/fixtures.js';
import { FAKE_TOKEN, startLocalServiceFake } from './support/local-service-fake.js';
import type { LocalServiceFake } from './support/local-service-fake.js';

let fake: LocalServiceFake;
let client: AmlClient;
let destination: string;

beforeAll(async () => {
  fake = await startLocalServiceFake();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(async () => {
  fake.jobs.clear();
  client = createLocalClient({ url: fake.url, token: FAKE_TOKEN, fileSystem: nodeFileSystem });
  destination = await mkdtemp(join(tmpdir(), 'amlkit-download-'));
  await client.jobs.create(await simpleJob('done'));
  const job = fake.jobs.get('done');
  job?.outputs.set('model', new Map([['weights/model.bin', Buffer.from([0, 1, 2, 255])]]));
  job?.outputs.set('report', new Map([['summary.txt', Buffer.from('ok\n')]]));
});
afterEach(async () => {
  await rm(destination, { recursive: true, force: true });
});

describe('jobs.download', () => {
  it('writes one named output under named-outputs/<name>/', async () => {
    const files = await client.jobs.download('done', { destination, outputName: 'model' });
    expect(files).toEqual([
      {
        outputName: 'model',
        path: 'weights/model.bin',
        destination: `${destination}/named-outputs/model/weights/model.bin`,
        size: 4,
      },
    ]);
    const bytes = await readFile(
      join(destination, 'named-outputs', 'model', 'weights', 'model.bin'),
    );
    expect([...bytes]).toEqual([0, 1, 2, 255]);
  });

  it('writes every output with all: true', async () => {
    const files = await client.jobs.download('done', { destination, all: true });
    expect(files.map((f) => `${f.outputName}/${f.path}`).sort()).toEqual([
      'model/weights/model.bin',
      'report/summary.txt',
    ]);
    expect(
      await readFile(join(destination, 'named-outputs', 'report', 'summary.txt'), 'utf8'),
    ).toBe('ok\n');
  });

  it('names the outputs there are when the requested one is missing', async () => {
    await expect(client.jobs.download('done', { destination })).rejects.toThrow(
      /no output 'default': expected one of 'model', 'report'/,
    );
  });

  it('refuses an output path that would leave the destination', async () => {
    fake.jobs.get('done')?.outputs.set('evil', new Map([['a/../../x', Buffer.from('x')]]));
    await expect(client.jobs.download('done', { destination, outputName: 'evil' })).rejects.toThrow(
      /would leave the destination/,
    );
  });

  it('needs a fileSystem', async () => {
    const noFiles = createLocalClient({ url: fake.url, token: FAKE_TOKEN });
    await expect(noFiles.jobs.download('done', { destination })).rejects.toThrow(/fileSystem/);
  });
});
