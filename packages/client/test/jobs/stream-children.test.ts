// jobs.stream(name, { children: true }) against the loopback fake (polling path: the fake has no
// events route). The end-to-end run against the real @amlkit/local service is in
// apps/cli/test/stream-children.test.ts (the client cannot depend on @amlkit/local).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLocalClient, isRequestAbortedError } from '../../src/index.js';
import type { AmlClient, ChildJobTransition, ChildLogChunk } from '../../src/index.js';
import { simpleJob } from './support/fixtures.js';
import { FAKE_TOKEN, startLocalServiceFake } from './support/local-service-fake.js';
import type { FakeJob, LocalServiceFake } from './support/local-service-fake.js';

const LOG = 'user_logs/std_log.txt';

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
  fake.children.clear();
  fake.requests.length = 0;
  fake.onJobGet = undefined;
  client = createLocalClient({ url: fake.url, token: FAKE_TOKEN, pollIntervalMs: 1 });
});

async function createJob(
  name: string,
  options: { nodeId?: string; displayName?: string } = {},
): Promise<void> {
  const job = await simpleJob(name);
  if (options.nodeId !== undefined) job.properties['azureml.nodeid'] = options.nodeId;
  if (options.displayName !== undefined) job.displayName = options.displayName;
  await client.jobs.create(job);
}

/** Plays per-job scripts: the i-th GET of job `name` runs `scripts[name][i]` (the last one repeats). */
function scripts(byName: Record<string, ((job: FakeJob, name: string) => void)[]>): void {
  const seen = new Map<string, number>();
  fake.onJobGet = (name, job) => {
    const steps = byName[name];
    if (steps === undefined) return;
    const i = seen.get(name) ?? 0;
    seen.set(name, i + 1);
    steps[Math.min(i, steps.length - 1)]?.(job, name);
  };
}
/** Sets the status; on a change, also appends `log` (listings read the job too, so a step may run twice). */
const status =
  (value: string, log?: string) =>
  (job: FakeJob, name: string): void => {
    if (job.body.properties['status'] === value) return;
    job.body.properties['status'] = value;
    if (log !== undefined) fake.appendLog(name, LOG, log);
  };

describe('jobs.stream with children', () => {
  it('does stream the logs and statuses of children found while the parent runs, labelled', async () => {
    await createJob('p1');
    await createJob('p1_a', { nodeId: 'train' });
    await createJob('p1_b', { displayName: 'score-step' });
    await createJob('p1_c');
    fake.children.set('p1', ['p1_a']);
    scripts({
      // The other two children appear on the parent's second read, and it ends a few reads later.
      p1: [
        status('Running'),
        (job) => {
          status('Running')(job, 'p1');
          fake.children.set('p1', ['p1_a', 'p1_b', 'p1_c']);
        },
        status('Running'),
        status('Running'),
        status('Completed'),
      ],
      // Listings read the children too: enough Running reads that the stream sees one.
      p1_a: [
        ...Array.from({ length: 6 }, () => status('Running', 'epoch 1\n')),
        status('Completed', 'epoch 2\n'),
      ],
      p1_b: [status('Running', 'scoring\n'), status('Failed')],
      p1_c: [status('Completed', 'c done\n')],
    });
    const logs: ChildLogChunk[] = [];
    const transitions: ChildJobTransition[] = [];
    const found: string[] = [];
    const result = await client.jobs.stream('p1', {
      children: true,
      childListIntervalMs: 20,
      onChild: (child) => found.push(`${child.name}=${child.label}`),
      onChildLog: (chunk) => logs.push(chunk),
      onChildStatus: (transition) => transitions.push(transition),
    });
    expect(result.status).toBe('Completed');
    expect(found.sort()).toEqual(['p1_a=train', 'p1_b=score-step', 'p1_c=p1_c']);
    const linesOf = (name: string): string =>
      logs
        .filter((c) => c.child.name === name)
        .map((c) => c.text)
        .join('');
    expect(linesOf('p1_a')).toBe('epoch 1\nepoch 2\n');
    expect(linesOf('p1_b')).toBe('scoring\n');
    expect(linesOf('p1_c')).toBe('c done\n');
    expect(logs.find((c) => c.child.name === 'p1_a')?.child.label).toBe('train');
    expect(
      transitions.filter((t) => t.child.label === 'train').map((t) => `${t.from ?? '-'}>${t.to}`),
    ).toEqual(['->Running', 'Running>Completed']);
    expect(
      result.children?.map((c) => ({ name: c.name, label: c.label, status: c.status })),
    ).toEqual([
      { name: 'p1_a', label: 'train', status: 'Completed' },
      { name: 'p1_b', label: 'score-step', status: 'Failed' },
      { name: 'p1_c', label: 'p1_c', status: 'Completed' },
    ]);
    expect(result.children?.find((c) => c.name === 'p1_a')?.cursor.offsets[LOG]).toBe(16);
  });

  it('does list the children once more after the parent stops', async () => {
    await createJob('p2');
    await createJob('p2_0');
    scripts({
      p2: [
        (job) => {
          // The child shows up only as the parent ends (a long list interval never re-lists).
          status('Completed')(job, 'p2');
          fake.children.set('p2', ['p2_0']);
        },
      ],
      p2_0: [status('Completed', 'late\n')],
    });
    const logs: string[] = [];
    const result = await client.jobs.stream('p2', {
      children: true,
      childListIntervalMs: 60_000,
      onChildLog: (chunk) => logs.push(`${chunk.child.label}:${chunk.text}`),
    });
    expect(result.children?.map((c) => `${c.name}:${c.status}`)).toEqual(['p2_0:Completed']);
    expect(logs).toEqual(['p2_0:late\n']);
  });

  it('does report a child whose stream fails and still follows the others', async () => {
    await createJob('p3');
    await createJob('p3_ok');
    await createJob('p3_bad');
    fake.children.set('p3', ['p3_ok', 'p3_bad']);
    // Its log lives on an origin that refuses connections: reading it fails.
    fake.externalLogs.set('p3_bad', { [LOG]: 'http://127.0.0.1:9/std_log.txt' });
    scripts({
      p3: [status('Running'), status('Running'), status('Completed')],
      p3_ok: [status('Completed', 'fine\n')],
      p3_bad: [status('Running')],
    });
    const diagnostics: string[] = [];
    const logs: string[] = [];
    const result = await client.jobs.stream('p3', {
      children: true,
      childListIntervalMs: 5,
      onDiagnostic: (message) => diagnostics.push(message),
      onChildLog: (chunk) => logs.push(`${chunk.child.name}:${chunk.text}`),
    });
    expect(result.status).toBe('Completed');
    expect(logs).toEqual(['p3_ok:fine\n']);
    const bad = result.children?.find((c) => c.name === 'p3_bad');
    expect(bad?.status).toBe('Running');
    expect(bad?.error).toBeInstanceOf(Error);
    expect(result.children?.find((c) => c.name === 'p3_ok')?.status).toBe('Completed');
    expect(diagnostics.join('\n')).toMatch(/following child job 'p3_bad' of 'p3' failed/);
  });

  it('does stop every stream when the caller aborts', async () => {
    await createJob('p4');
    await createJob('p4_0');
    fake.children.set('p4', ['p4_0']);
    const controller = new AbortController();
    scripts({
      p4: [status('Running')],
      p4_0: [
        (job) => {
          status('Running')(job, 'p4_0');
          controller.abort(new Error('Ctrl-C'));
        },
      ],
    });
    const error: unknown = await client.jobs
      .stream('p4', { children: true, childListIntervalMs: 5, signal: controller.signal })
      .catch((e: unknown) => e);
    expect(isRequestAbortedError(error)).toBe(true);
  });

  it('does not list children without the option (the single-job stream is unchanged)', async () => {
    await createJob('p5');
    fake.children.set('p5', ['p5_0']);
    scripts({ p5: [status('Completed')] });
    const result = await client.jobs.stream('p5');
    expect(result.status).toBe('Completed');
    expect(result.children).toBeUndefined();
    expect(fake.requests.some((r) => r.path.includes('/children'))).toBe(false);
  });

  it('rejects a bad childListIntervalMs before any request', async () => {
    await expect(
      client.jobs.stream('p6', { children: true, childListIntervalMs: -1 }),
    ).rejects.toThrow(RangeError);
    expect(fake.requests).toEqual([]);
  });
});
