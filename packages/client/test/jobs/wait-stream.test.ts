import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createClient,
  createLocalClient,
  isJobWaitTimeoutError,
  isRequestAbortedError,
} from '../../src/index.js';
import type { AmlClient, JobTransition, LogChunk } from '../../src/index.js';
import { simpleJob } from './support/fixtures.js';
import { FAKE_TOKEN, startLocalServiceFake } from './support/local-service-fake.js';
import type { FakeJob, LocalServiceFake } from './support/local-service-fake.js';

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
  fake.onJobGet = undefined;
  client = createLocalClient({ url: fake.url, token: FAKE_TOKEN, pollIntervalMs: 1 });
});

/** Plays `steps` on successive GETs of the job: step i runs before the i-th GET is answered. */
function script(steps: ((job: FakeJob, name: string) => void)[]): void {
  let i = 0;
  fake.onJobGet = (name, job) => {
    const step = steps[Math.min(i, steps.length - 1)];
    i += 1;
    step?.(job, name);
  };
}
const status =
  (value: string) =>
  (job: FakeJob): void => {
    job.body.properties['status'] = value;
  };

describe('jobs.wait', () => {
  it('returns the final status and the observed history, reporting each transition', async () => {
    await client.jobs.create(await simpleJob('w1'));
    script([status('Queued'), status('Running'), status('Running'), status('Completed')]);
    const transitions: JobTransition[] = [];
    const result = await client.jobs.wait('w1', { onTransition: (t) => transitions.push(t) });
    expect(result.status).toBe('Completed');
    expect(result.job.status).toBe('Completed');
    expect(result.history.entries.map((e) => e.status)).toEqual(['Queued', 'Running', 'Completed']);
    expect(result.history.entries.every((e) => e.source === 'poll')).toBe(true);
    expect(transitions.map((t) => `${t.from ?? '-'}>${t.to}`)).toEqual([
      '->Queued',
      'Queued>Running',
      'Running>Completed',
    ]);
  });

  it('keeps the newer status when a stale poll goes backwards, and says so', async () => {
    await client.jobs.create(await simpleJob('w2'));
    script([status('Running'), status('Queued'), status('Failed')]);
    const diagnostics: string[] = [];
    const result = await client.jobs.wait('w2', { onDiagnostic: (d) => diagnostics.push(d) });
    expect(result.status).toBe('Failed');
    expect(result.history.entries.map((e) => e.status)).toEqual(['Running', 'Failed']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatch(/Queued/);
  });

  it('stops polling at NotResponding (not final) as the SDK does', async () => {
    await client.jobs.create(await simpleJob('w3'));
    script([status('Running'), status('NotResponding')]);
    expect((await client.jobs.wait('w3')).status).toBe('NotResponding');
  });

  it('throws JobWaitTimeoutError with the last status when the budget runs out', async () => {
    await client.jobs.create(await simpleJob('w4'));
    script([status('Running')]);
    const error: unknown = await client.jobs
      .wait('w4', { timeoutMs: 100, pollIntervalMs: 10 })
      .catch((e: unknown) => e);
    expect(isJobWaitTimeoutError(error)).toBe(true);
    expect((error as { lastStatus?: string }).lastStatus).toBe('Running');
    expect((error as Error).message).toContain("'w4'");
  });

  it('ends with RequestAbortedError when the caller aborts', async () => {
    await client.jobs.create(await simpleJob('w5'));
    const controller = new AbortController();
    script([
      (job) => {
        job.body.properties['status'] = 'Running';
        controller.abort();
      },
    ]);
    const error: unknown = await client.jobs
      .wait('w5', { signal: controller.signal, pollIntervalMs: 10 })
      .catch((e: unknown) => e);
    expect(isRequestAbortedError(error)).toBe(true);
  });

  it('rejects a bad interval before any request', async () => {
    await expect(client.jobs.wait('w6', { pollIntervalMs: -1 })).rejects.toThrow(RangeError);
    await expect(client.jobs.wait('w6', { timeoutMs: 0 })).rejects.toThrow(RangeError);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('jobs.stream', () => {
  const collect = (chunks: LogChunk[]) => (chunk: LogChunk) => {
    chunks.push(chunk);
  };

  it('reads a log that grows while streaming, whole lines first, the rest at the end', async () => {
    await client.jobs.create(await simpleJob('s1'));
    const log = 'user_logs/std_log.txt';
    script([
      (job, name) => {
        status('Running')(job);
        fake.appendLog(name, log, 'line 1\nline');
      },
      (_job, name) => {
        fake.appendLog(name, log, ' 2\npartial é');
      },
      (job, name) => {
        fake.appendLog(name, log, 'tail');
        status('Completed')(job);
      },
    ]);
    const chunks: LogChunk[] = [];
    const result = await client.jobs.stream('s1', { onLog: collect(chunks) });
    expect(chunks.map((c) => c.text)).toEqual(['line 1\n', 'line 2\n', 'partial étail']);
    expect(chunks.map((c) => [c.offset, c.nextOffset])).toEqual([
      [0, 7],
      [7, 14],
      [14, 28],
    ]);
    expect(result.status).toBe('Completed');
    expect(result.cursor.offsets[log]).toBe(28);
    // later reads asked for the bytes after the cursor only
    expect(fake.requests.some((r) => r.headers.range === 'bytes=7-')).toBe(true);
  });

  it('resumes from a cursor without repeating text', async () => {
    await client.jobs.create(await simpleJob('s2'));
    const log = 'user_logs/std_log.txt';
    fake.appendLog('s2', log, 'old line\nnew line\n');
    fake.setStatus('s2', 'Completed');
    const chunks: LogChunk[] = [];
    const result = await client.jobs.stream('s2', {
      onLog: collect(chunks),
      cursor: { offsets: { [log]: 9 } },
    });
    expect(chunks.map((c) => c.text)).toEqual(['new line\n']);
    expect(result.cursor.offsets[log]).toBe(18);
    // streaming again from the returned cursor reads nothing new (the service answers 416)
    const again: LogChunk[] = [];
    await client.jobs.stream('s2', { onLog: collect(again), cursor: result.cursor });
    expect(again).toEqual([]);
  });

  it('picks up log files that appear while streaming', async () => {
    await client.jobs.create(await simpleJob('s3'));
    script([
      (job, name) => {
        status('Running')(job);
        fake.appendLog(name, 'system_logs/executor.txt', 'starting\n');
      },
      (_job, name) => {
        fake.appendLog(name, 'user_logs/std_log.txt', 'from the job\n');
      },
      status('Completed'),
    ]);
    const chunks: LogChunk[] = [];
    const statuses: string[] = [];
    await client.jobs.stream('s3', {
      onLog: collect(chunks),
      onStatus: (t) => statuses.push(t.to),
      logFilter: () => true,
    });
    expect(chunks.map((c) => `${c.file}: ${c.text}`)).toEqual([
      'system_logs/executor.txt: starting\n',
      'user_logs/std_log.txt: from the job\n',
    ]);
    expect(statuses).toEqual(['Running', 'Completed']);
  });

  it("reads only rank 0's std_log by default, as the SDK does", async () => {
    await client.jobs.create(await simpleJob('s4'));
    fake.appendLog('s4', 'system_logs/executor.txt', 'system\n');
    fake.appendLog('s4', 'user_logs/std_log_process_0.txt', 'rank 0\n');
    fake.appendLog('s4', 'user_logs/std_log_process_1.txt', 'rank 1\n');
    fake.setStatus('s4', 'Failed');
    const chunks: LogChunk[] = [];
    const result = await client.jobs.stream('s4', { onLog: collect(chunks) });
    expect(chunks.map((c) => c.text)).toEqual(['rank 0\n']);
    expect(result.status).toBe('Failed');
  });

  it('reads log URLs on another origin without sending the bearer token (SAS URLs)', async () => {
    const seen: (string | undefined)[] = [];
    const blob = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('from blob storage\n');
    });
    await new Promise<void>((resolve) => {
      blob.listen(0, '127.0.0.1', resolve);
    });
    try {
      const port = (blob.address() as AddressInfo).port;
      await client.jobs.create(await simpleJob('s5'));
      fake.externalLogs.set('s5', {
        'user_logs/std_log.txt': `http://127.0.0.1:${port}/logs/std_log.txt?sig=secret`,
      });
      fake.setStatus('s5', 'Completed');
      const chunks: LogChunk[] = [];
      await client.jobs.stream('s5', { onLog: collect(chunks) });
      expect(chunks.map((c) => c.text)).toEqual(['from blob storage\n']);
      expect(seen).toEqual([undefined]);
    } finally {
      fake.externalLogs.clear();
      blob.closeAllConnections();
      await new Promise<void>((resolve) => {
        blob.close(() => {
          resolve();
        });
      });
    }
  });

  it('does discover the run-history data plane on Azure, trying again after a failure', async () => {
    // Fault injection: the workspace GET of the discovery fails; nothing else is sent.
    const urls: string[] = [];
    const azure = createClient({
      workspace: { subscriptionId: 's', resourceGroup: 'rg', workspaceName: 'ws' },
      credential: {
        getToken: () => Promise.resolve({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }),
      },
      maxRetries: 0,
      fetch: (input) => {
        urls.push(String(input instanceof Request ? input.url : input));
        return Promise.resolve(
          new Response(JSON.stringify({ error: { code: 'NotFound', message: 'no workspace' } }), {
            status: 404,
            headers: { 'content-type': 'application/json' },
          }),
        );
      },
    });
    await expect(azure.jobs.stream('x')).rejects.toThrow(/no workspace/);
    await expect(azure.jobs.stream('x')).rejects.toThrow(/no workspace/);
    const workspace =
      'https://management.azure.com/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws?';
    expect(urls.map((url) => url.slice(0, workspace.length))).toEqual([workspace, workspace]);
  });
});
