import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createClient,
  createLocalClient,
  isCredentialError,
  isNotFoundError,
  isOperationTimeoutError,
} from '../../src/index.js';
import type { AmlClient } from '../../src/index.js';
import { nodeFileSystem } from '../../src/node.js';
import { commandJob, makeJobFolder, simpleJob } from './support/fixtures.js';
import { FAKE_TOKEN, LOCAL_WS, startLocalServiceFake } from './support/local-service-fake.js';
import type { LocalServiceFake } from './support/local-service-fake.js';

let fake: LocalServiceFake;
let client: AmlClient;

beforeAll(async () => {
  fake = await startLocalServiceFake();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.jobs.clear();
  fake.requests.length = 0;
  fake.pageSize = 100;
  fake.pendingPolls = 1;
  fake.onJobGet = undefined;
  client = createLocalClient({
    url: fake.url,
    token: FAKE_TOKEN,
    fileSystem: nodeFileSystem,
    pollIntervalMs: 5,
  });
});

describe('jobs.create', () => {
  let folder: Awaited<ReturnType<typeof makeJobFolder>>;
  beforeEach(async () => {
    folder = await makeJobFolder();
  });
  afterEach(async () => {
    await folder.cleanup();
  });

  it('uploads the code folder and local input, PUTs the job and returns the entity', async () => {
    const job = await client.jobs.create(await commandJob(folder.dir), { name: 'train_1' });
    expect(job.name).toBe('train_1');
    expect(job.status).toBe('NotStarted');
    const stored = fake.jobs.get('train_1')?.body.properties ?? {};
    expect(stored['codeId']).toMatch(
      new RegExp(`^(azureml:)?${LOCAL_WS}/codes/[0-9a-f]{64}/versions/1$`),
    );
    const rows = (stored['inputs'] as Record<string, { uri?: string }>)['rows'];
    expect(rows?.uri).toMatch(
      /^azureml:\/\/datastores\/workspaceblobstore\/paths\/LocalUpload\/[0-9a-f]{64}\/data\/$/,
    );
    // the environment reference is kept as written
    expect(stored['environmentId']).toBe('azureml:local-python:1');
    // the experiment defaults to the job folder's name
    expect(stored['experimentName']).toBe(folder.dir.split('/').pop()?.replaceAll(' ', ''));
    // 3 distinct files uploaded, two snapshots
    expect(fake.blobs.size).toBe(3);
    expect(fake.snapshots.size).toBe(2);
    const codeManifest = [...fake.snapshots.values()].find((m) =>
      (m as { files: { path: string }[] }).files.some((f) => f.path === 'main.py'),
    ) as { files: { path: string }[] };
    expect(codeManifest.files.map((f) => f.path)).toEqual(['main.py', 'pkg/util.py']);
  });

  it('uploads only the blobs the service is missing on a second submission', async () => {
    await client.jobs.create(await commandJob(folder.dir), { name: 'first' });
    fake.requests.length = 0;
    await client.jobs.create(await commandJob(folder.dir), { name: 'second' });
    expect(
      fake.requests.filter((r) => r.path.startsWith('/amlkit/v1/blobs/') && r.method === 'PUT'),
    ).toHaveLength(0);
  });

  it('retries a blob upload the service answered 503', async () => {
    fake.blobs.clear();
    fake.failBlobPuts = 2;
    await client.jobs.create(await commandJob(folder.dir), { name: 'retried' });
    expect(fake.failBlobPuts).toBe(0);
    expect(fake.blobs.size).toBe(3);
  });

  it('respects the ignore option when walking a code folder', async () => {
    const ignoring = createLocalClient({
      url: fake.url,
      token: FAKE_TOKEN,
      fileSystem: nodeFileSystem,
      ignore: (path, isDirectory) => isDirectory && path === 'pkg',
    });
    await ignoring.jobs.create(await commandJob(folder.dir), { name: 'ignored' });
    const manifests = [...fake.snapshots.values()] as { files: { path: string }[] }[];
    expect(manifests.some((m) => m.files.map((f) => f.path).join() === 'main.py')).toBe(true);
  });

  it('generates a name when the job has none', async () => {
    const job = await client.jobs.create(await simpleJob());
    expect(job.name).toMatch(/^[a-z]+_[a-z]+_[a-z0-9]{10}$/);
    expect(fake.jobs.has(job.name ?? '')).toBe(true);
  });

  it('rejects a name that breaks the service rule before any request', async () => {
    await expect(
      client.jobs.create(await commandJob(folder.dir), { name: 'bad name!' }),
    ).rejects.toThrow(RangeError);
    await expect(client.jobs.create(await simpleJob(), { name: '_leading' })).rejects.toThrow(
      /Invalid job name/,
    );
    await expect(client.jobs.get('a/b')).rejects.toThrow(RangeError);
    await expect(client.jobs.cancel('x'.repeat(256))).rejects.toThrow(RangeError);
    expect(fake.requests).toHaveLength(0);
  });

  it('fails with CredentialError and sends nothing when the credential throws', async () => {
    const broken = createClient({
      endpoint: fake.url,
      workspace: {
        subscriptionId: '00000000-0000-0000-0000-000000000000',
        resourceGroup: 'local',
        workspaceName: 'local',
      },
      credential: {
        getToken: () => Promise.reject(new Error('no login session')),
      },
      maxRetries: 0,
    });
    const error: unknown = await broken.jobs
      .create(await simpleJob('cred'))
      .catch((e: unknown) => e);
    expect(isCredentialError(error)).toBe(true);
    expect((error as Error).message).toMatch(/no login session|credential/i);
    expect(fake.requests).toHaveLength(0);
  });

  it('fails with a TypeError when a local path needs uploading and no fileSystem was given', async () => {
    const noFiles = createLocalClient({ url: fake.url, token: FAKE_TOKEN });
    await expect(
      noFiles.jobs.create(await commandJob(folder.dir), { name: 'nofs' }),
    ).rejects.toThrow(/fileSystem/);
    expect(fake.jobs.size).toBe(0);
  });
});

describe('jobs.get', () => {
  it('returns the job and maps a missing one to NotFoundError', async () => {
    await client.jobs.create(await simpleJob('got'));
    const job = await client.jobs.get('got');
    expect(job.type).toBe('command');
    expect(job.id).toBe(`${LOCAL_WS}/jobs/got`);
    const error: unknown = await client.jobs.get('missing').catch((e: unknown) => e);
    expect(isNotFoundError(error)).toBe(true);
  });
});

describe('jobs.list', () => {
  beforeEach(async () => {
    fake.children.clear();
    for (let i = 0; i < 7; i += 1) {
      await client.jobs.create(await simpleJob(`job_${i}`, { team: i % 2 === 0 ? 'even' : 'odd' }));
    }
    fake.pageSize = 3;
    fake.requests.length = 0;
  });

  it('follows nextLink across pages, newest first', async () => {
    const names: string[] = [];
    for await (const job of client.jobs.list()) names.push(job.name ?? '');
    expect(names).toEqual(['job_6', 'job_5', 'job_4', 'job_3', 'job_2', 'job_1', 'job_0']);
    expect(fake.requests.filter((r) => r.path.includes('/jobs?'))).toHaveLength(3);
  });

  it('gives pages with byPage()', async () => {
    const sizes: number[] = [];
    for await (const page of client.jobs.list().byPage()) sizes.push(page.items.length);
    expect(sizes).toEqual([3, 3, 1]);
  });

  it('sends type, tag and list view to the service', async () => {
    const names: string[] = [];
    for await (const job of client.jobs.list({ type: 'command', tag: 'team=even' })) {
      names.push(job.name ?? '');
    }
    expect(names).toEqual(['job_6', 'job_4', 'job_2', 'job_0']);
    const first = fake.requests[0]?.path ?? '';
    expect(first).toContain('jobType=Command');
    expect(first).toContain('tag=team%3Deven');
    expect(first).toContain('listViewType=ActiveOnly');
  });

  it('filters by status client-side and stops after maxResults', async () => {
    fake.setStatus('job_5', 'Completed');
    fake.setStatus('job_3', 'Completed');
    fake.setStatus('job_1', 'Completed');
    const names: string[] = [];
    for await (const job of client.jobs.list({ status: 'Completed', maxResults: 2 })) {
      names.push(job.name ?? '');
    }
    expect(names).toEqual(['job_5', 'job_3']);
    // job_3 is on the second page; the third is never requested
    expect(fake.requests).toHaveLength(2);
  });

  it('stops at the first job older than createdAfter (newest-first listing)', async () => {
    const at = (name: string): Date =>
      new Date((fake.jobs.get(name)?.body.systemData as { createdAt: string }).createdAt);
    const names: string[] = [];
    for await (const job of client.jobs.list({
      createdAfter: at('job_5'),
      createdBefore: at('job_6'),
    })) {
      names.push(job.name ?? '');
    }
    expect(names).toEqual(['job_5']);
    // job_4 (first page) is older: nothing further is requested
    expect(fake.requests).toHaveLength(1);
  });

  it('reads every page for createdAfter when the order is not known', async () => {
    const unordered = client.withOptions({ listsNewestFirst: false });
    const at = new Date(
      (fake.jobs.get('job_5')?.body.systemData as { createdAt: string }).createdAt,
    );
    const names: string[] = [];
    for await (const job of unordered.jobs.list({ createdAfter: at })) names.push(job.name ?? '');
    expect(names).toEqual(['job_6', 'job_5']);
    expect(fake.requests).toHaveLength(3);
  });

  it('lists archived jobs only with the archived view', async () => {
    await client.jobs.archive('job_2');
    const active: string[] = [];
    for await (const job of client.jobs.list()) active.push(job.name ?? '');
    const archived: string[] = [];
    for await (const job of client.jobs.list({ listView: 'archived' }))
      archived.push(job.name ?? '');
    expect(active).not.toContain('job_2');
    expect(archived).toEqual(['job_2']);
  });

  it('lists the children of a pipeline job through run history', async () => {
    fake.children.set('job_6', ['job_1', 'job_3']);
    const names: string[] = [];
    for await (const job of client.jobs.list({ parentJobName: 'job_6' }))
      names.push(job.name ?? '');
    expect(names).toEqual(['job_1', 'job_3']);
    expect(fake.requests[0]?.path).toMatch(
      /^\/history\/v1\.0\/subscriptions\/.*\/runs\/job_6\/children/,
    );
  });

  it('rejects bad filters before any request', () => {
    expect(() => client.jobs.list({ maxResults: -1 })).toThrow(RangeError);
    expect(() => client.jobs.list({ createdAfter: new Date('nope') })).toThrow(TypeError);
    expect(() => client.jobs.list({ status: 'Done' as never })).toThrow(/JobStatus/);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('jobs.archive / jobs.restore', () => {
  it('sets and clears isArchived with GET + PUT', async () => {
    await client.jobs.create(await simpleJob('arch'));
    await client.jobs.archive('arch');
    expect(fake.jobs.get('arch')?.body.properties['isArchived']).toBe(true);
    await client.jobs.restore('arch');
    expect(fake.jobs.get('arch')?.body.properties['isArchived']).toBe(false);
    const methods = fake.requests.filter((r) => r.path.includes('/jobs/arch')).map((r) => r.method);
    expect(methods).toEqual(['PUT', 'GET', 'PUT', 'GET', 'PUT']);
  });
});

describe('jobs.showServices', () => {
  it('returns the services the service reports', async () => {
    await client.jobs.create(await simpleJob('svc'));
    const services = await client.jobs.showServices('svc');
    expect(services['Studio']?.endpoint).toBe(`${fake.url}/studio/jobs/svc`);
  });
});

describe('jobs.cancel / jobs.delete', () => {
  it('cancels through 202 + Location polling', async () => {
    await client.jobs.create(await simpleJob('to_cancel'));
    fake.pendingPolls = 2;
    await client.jobs.cancel('to_cancel');
    expect(fake.jobs.get('to_cancel')?.body.properties['status']).toBe('Canceled');
    expect(fake.requests.filter((r) => r.path.includes('mfeOperationResults'))).toHaveLength(3);
  });

  it('deletes through 202 + Location polling, and a missing job is a 204 no-op', async () => {
    await client.jobs.create(await simpleJob('to_delete'));
    await client.jobs.delete('to_delete');
    expect(fake.jobs.has('to_delete')).toBe(false);
    await expect(client.jobs.delete('to_delete')).resolves.toBeUndefined();
  });

  it('bounds an endless 202 by timeoutMs', async () => {
    await client.jobs.create(await simpleJob('stuck'));
    fake.pendingPolls = Number.POSITIVE_INFINITY;
    const error: unknown = await client.jobs
      .cancel('stuck', { timeoutMs: 200 })
      .catch((e: unknown) => e);
    expect(isOperationTimeoutError(error)).toBe(true);
    expect(
      fake.requests.filter((r) => r.path.includes('mfeOperationResults')).length,
    ).toBeGreaterThan(1);
  });
});

describe('client.withOptions', () => {
  it('derives a new client without changing the original', () => {
    const derived = client.withOptions({ timeoutMs: 1234 });
    expect(derived).not.toBe(client);
    expect(derived.options.timeoutMs).toBe(1234);
    expect(client.options.timeoutMs).toBeUndefined();
    expect(derived.backend).toBe('local');
    expect(
      createClient({ ...client.options, endpoint: 'https://management.azure.com' }).backend,
    ).toBe('azure');
  });
});
