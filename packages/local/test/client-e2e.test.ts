/**
 * `@amlkit/client` driven against a real `startLocalService` (real HTTP on loopback, real SQLite,
 * real `bash` processes): what `amlkit job create|show|list|stream|wait|cancel|archive|restore|
 * download` does on the local backend, without the CLI in between.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createLocalClient, isNotFoundError } from '@amlkit/client';
import type { AmlClient, JobTransition, LogChunk } from '@amlkit/client';
import { nodeFileSystem } from '@amlkit/client/node';
import { loadJob } from '@amlkit/core';
import type { Job } from '@amlkit/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { startLocalService } from '../src/index.js';
import type { LocalService } from '../src/index.js';

// Real processes on a shared machine: generous per-test budgets (not timing assertions).
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const USER_LOG = 'user_logs/std_log.txt';
const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');

let root: string;
let service: LocalService;
let client: AmlClient;

/** A command job loaded from YAML lines, as `amlkit job create -f` would load it. */
function commandJob(basePath: string, lines: readonly string[]): Promise<Job> {
  return loadJob({
    basePath,
    text: [
      'type: command',
      'environment: azureml:local-env:1',
      'compute: local',
      'experiment_name: client-e2e',
      ...lines,
    ].join('\n'),
  });
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Reads the job until it reports `status` (bounded: at most `attempts` reads 100 ms apart). */
async function untilStatus(name: string, status: string, attempts = 400): Promise<Job> {
  for (let i = 0; i < attempts; i += 1) {
    const job = await client.jobs.get(name);
    if (job.status === status) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${name} never reached ${status}`);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'amlkit-client-e2e-'));
  service = await startLocalService({ home: join(root, 'home'), cancelGraceMs: 500 });
  client = createLocalClient({
    url: service.url,
    token: service.token,
    fileSystem: nodeFileSystem,
  });
});

afterAll(async () => {
  await service.close();
  await rm(root, { recursive: true, force: true });
});

describe('createLocalClient against a real local service', () => {
  it('creates a job from a code folder without the files its .gitignore excludes, waits, and downloads its output', async () => {
    const jobDir = join(root, 'project');
    const code = join(jobDir, 'src');
    await mkdir(join(code, 'sub'), { recursive: true });
    await writeFile(join(code, '.gitignore'), '# local only\nsecret.txt\n*.log\n');
    await writeFile(join(code, 'main.sh'), 'echo "main ran"\n');
    await writeFile(join(code, 'secret.txt'), 'never uploaded\n');
    await writeFile(join(code, 'debug.log'), 'never uploaded\n');
    await writeFile(join(code, 'sub', 'data.txt'), 'kept\n');
    await writeFile(join(code, 'sub', 'trace.log'), 'never uploaded\n');

    const job = await commandJob(jobDir, [
      'name: e2e-files',
      'code: ./src',
      'command: bash main.sh && find . -type f | sort > ${{outputs.listing}}/files.txt',
      'tags: {suite: e2e, kind: files}',
      'outputs:',
      '  listing:',
      '    type: uri_folder',
    ]);
    const created = await client.jobs.create(job);
    expect(created.name).toBe('e2e-files');
    expect(created.type).toBe('command');

    const transitions: JobTransition[] = [];
    const done = await client.jobs.wait('e2e-files', {
      timeoutMs: 60_000,
      pollIntervalMs: 100,
      onTransition: (t) => transitions.push(t),
    });
    expect(done.status).toBe('Completed');
    expect(transitions.at(-1)?.to).toBe('Completed');

    // The job's own view of its working directory, through a real output download.
    const destination = join(root, 'download');
    const files = await client.jobs.download('e2e-files', { destination, outputName: 'listing' });
    expect(files.map((f) => f.path)).toEqual(['files.txt']);
    const listed = (await readFile(files[0]!.destination, 'utf8')).trim().split('\n');
    expect(listed).toEqual(expect.arrayContaining(['./.gitignore', './main.sh', './sub/data.txt']));
    expect(listed).not.toContain('./secret.txt');
    expect(listed).not.toContain('./debug.log');
    expect(listed).not.toContain('./sub/trace.log');

    // And the working directory on disk: the one job folder holding this snapshot.
    const jobsDir = join(root, 'home', 'jobs');
    const workingDirs = (await readdir(jobsDir))
      .map((uid) => join(jobsDir, uid, 'wd'))
      .filter((wd) => existsSync(join(wd, 'main.sh')));
    expect(workingDirs).toHaveLength(1);
    const wd = workingDirs[0]!;
    expect(existsSync(join(wd, 'sub', 'data.txt'))).toBe(true);
    expect(existsSync(join(wd, 'secret.txt'))).toBe(false);
    expect(existsSync(join(wd, 'debug.log'))).toBe(false);
    expect(existsSync(join(wd, 'sub', 'trace.log'))).toBe(false);
  });

  it('gets a job and lists jobs with tag, type, status and maxResults filters', async () => {
    await client.jobs.create(
      await commandJob(root, ['name: e2e-failing', 'command: exit 3', 'tags: {suite: e2e}']),
    );
    expect(
      (await client.jobs.wait('e2e-failing', { timeoutMs: 60_000, pollIntervalMs: 100 })).status,
    ).toBe('Failed');

    const got = await client.jobs.get('e2e-files');
    expect(got.status).toBe('Completed');
    expect(got.tags).toEqual({ suite: 'e2e', kind: 'files' });
    expect(got.experimentName).toBe('client-e2e');

    const names = async (options: Parameters<AmlClient['jobs']['list']>[0]) =>
      (await collect(client.jobs.list(options))).map((j) => j.name).sort();
    expect(await names({ tag: 'kind=files' })).toEqual(['e2e-files']);
    expect(await names({ tag: 'suite' })).toEqual(['e2e-failing', 'e2e-files']);
    expect(await names({ tag: 'suite', status: 'Failed' })).toEqual(['e2e-failing']);
    expect(await names({ tag: 'suite', status: ['Completed', 'Failed'] })).toEqual([
      'e2e-failing',
      'e2e-files',
    ]);
    expect(await names({ tag: 'suite', type: 'command', maxResults: 1 })).toHaveLength(1);
    expect(await names({ tag: 'suite', type: 'sweep' })).toEqual([]);

    const missing: unknown = await client.jobs.get('e2e-no-such-job').catch((e: unknown) => e);
    expect(isNotFoundError(missing)).toBe(true);
  });

  it('streams logs while the job runs, then resumes from a cursor without repeating text', async () => {
    const gate = join(root, 'gate');
    await client.jobs.create(
      await commandJob(root, [
        'name: e2e-stream',
        // The job cannot finish until the test has seen its first line: logs must arrive live.
        `command: echo "line 1"; while [ ! -f ${gate} ]; do sleep 0.1; done; echo "line 2"; echo "line 3"`,
        'limits: {timeout: 60}',
      ]),
    );
    const chunks: LogChunk[] = [];
    const streamed = await client.jobs.stream('e2e-stream', {
      timeoutMs: 60_000,
      pollIntervalMs: 100,
      onLog: (chunk) => {
        chunks.push(chunk);
        if (chunk.text.includes('line 1')) void writeFile(gate, '');
      },
    });
    expect(streamed.status).toBe('Completed');
    const userText = chunks
      .filter((c) => c.file === USER_LOG)
      .map((c) => c.text)
      .join('');
    expect(userText).toContain('line 1\nline 2\nline 3\n');
    const end = streamed.cursor.offsets[USER_LOG];
    expect(end).toBe(Buffer.byteLength(userText));

    // Resuming at the end reads nothing again.
    const again: LogChunk[] = [];
    const resumed = await client.jobs.stream('e2e-stream', {
      cursor: streamed.cursor,
      pollIntervalMs: 100,
      onLog: (chunk) => again.push(chunk),
    });
    expect(again.filter((c) => c.file === USER_LOG)).toEqual([]);
    expect(resumed.cursor.offsets[USER_LOG]).toBe(end);

    // Resuming mid-file reads exactly the rest.
    const from = Buffer.byteLength(userText.slice(0, userText.indexOf('line 2')));
    const rest: LogChunk[] = [];
    await client.jobs.stream('e2e-stream', {
      cursor: { offsets: { [USER_LOG]: from } },
      pollIntervalMs: 100,
      onLog: (chunk) => rest.push(chunk),
    });
    const restText = rest
      .filter((c) => c.file === USER_LOG)
      .map((c) => c.text)
      .join('');
    expect(restText).toBe(userText.slice(userText.indexOf('line 2')));
    expect(rest.find((c) => c.file === USER_LOG)?.offset).toBe(from);
  });

  it('streams hello world through the service events: every status transition, in order, and a resume reads exactly the rest', async () => {
    const job = await loadJob(join(EXAMPLES, 'hello-world.yml'));
    const created = await client.jobs.create(job, { name: 'e2e-hello-sse' });
    const transitions: JobTransition[] = [];
    const chunks: LogChunk[] = [];
    const streamed = await client.jobs.stream(created.name ?? 'e2e-hello-sse', {
      timeoutMs: 60_000,
      onStatus: (t) => transitions.push(t),
      onLog: (chunk) => chunks.push(chunk),
    });
    const order = [
      'NotStarted',
      'Starting',
      'Preparing',
      'Queued',
      'Running',
      'Finalizing',
      'Completed',
    ];
    expect(transitions.map((t) => t.to)).toEqual(order);
    expect(streamed.history.entries.map((e) => e.status)).toEqual(order);
    expect(streamed.status).toBe('Completed');
    expect(streamed.job.status).toBe('Completed');
    const userText = chunks
      .filter((c) => c.file === USER_LOG)
      .map((c) => c.text)
      .join('');
    expect(userText).toContain('hello world\n');
    expect(streamed.cursor.offsets[USER_LOG]).toBe(Buffer.byteLength(userText));

    const from = Buffer.byteLength(userText.slice(0, userText.indexOf('hello world')));
    const rest: LogChunk[] = [];
    const resumed = await client.jobs.stream('e2e-hello-sse', {
      cursor: { offsets: { [USER_LOG]: from } },
      onLog: (chunk) => rest.push(chunk),
    });
    expect(
      rest
        .filter((c) => c.file === USER_LOG)
        .map((c) => c.text)
        .join(''),
    ).toBe(userText.slice(userText.indexOf('hello world')));
    expect(resumed.cursor.offsets[USER_LOG]).toBe(Buffer.byteLength(userText));
    expect(resumed.history.entries.map((e) => e.status)).toEqual(order);
  });

  it('cancels a long-running job: it ends Canceled and wait reports it', async () => {
    await client.jobs.create(
      await commandJob(root, [
        'name: e2e-long',
        'command: for i in $(seq 1 120); do echo "step $i"; sleep 1; done',
        'limits: {timeout: 300}',
      ]),
    );
    await untilStatus('e2e-long', 'Running');
    await client.jobs.cancel('e2e-long', { timeoutMs: 30_000 });
    const result = await client.jobs.wait('e2e-long', { timeoutMs: 30_000, pollIntervalMs: 100 });
    expect(result.status).toBe('Canceled');
    expect((await client.jobs.get('e2e-long')).status).toBe('Canceled');
  });

  it('archives a job out of the default listing and restores it', async () => {
    const active = async () =>
      (await collect(client.jobs.list({ tag: 'kind=files' }))).map((j) => j.name);
    const archivedOnly = async () =>
      (await collect(client.jobs.list({ tag: 'kind=files', listView: 'archived' }))).map(
        (j) => j.name,
      );

    await client.jobs.archive('e2e-files');
    expect(await active()).toEqual([]);
    expect(await archivedOnly()).toEqual(['e2e-files']);
    expect(
      (await collect(client.jobs.list({ tag: 'kind=files', listView: 'all' }))).map((j) => j.name),
    ).toEqual(['e2e-files']);

    await client.jobs.restore('e2e-files');
    expect(await active()).toEqual(['e2e-files']);
    expect(await archivedOnly()).toEqual([]);
  });
});
