import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLocalClient } from '../../client.js';
import type { AmlClient } from '../../client.js';
import { runErrorOf } from './read-run-error.js';

const TOKEN = 'run-error-test-token';
const PIPELINE_MESSAGE = [
  "Step 'a' (job plf1_a) failed: Command exited with code 3. Last log lines of user_logs/std_log.txt:",
  'one',
  'two',
  'Canceled after the failure: b',
  'Not run: c',
].join('\n');

describe('runErrorOf', () => {
  it('does take code and message from the RootError of run details', () => {
    expect(
      runErrorOf({
        runId: 'j',
        status: 'Failed',
        error: {
          error: { code: 'UserError', message: PIPELINE_MESSAGE, details: [] },
          componentName: 'amlkit-local',
        },
      }),
    ).toEqual({ code: 'UserError', message: PIPELINE_MESSAGE });
  });

  it('does give Unknown as the code when the RootError has none', () => {
    expect(runErrorOf({ error: { error: { message: 'lost' } } })).toEqual({
      code: 'Unknown',
      message: 'lost',
    });
  });

  it('does give undefined for details without an error message', () => {
    for (const details of [
      undefined,
      null,
      'text',
      {},
      { error: null },
      { error: {} },
      { error: { error: null } },
      { error: { error: { code: 'UserError' } } },
      { error: { error: { code: 'UserError', message: '  ' } } },
      { error: { code: 'UserError', message: 'ARM-shaped, not RunDetails' } },
    ]) {
      expect(runErrorOf(details), JSON.stringify(details)).toBeUndefined();
    }
  });
});

/** What the loopback service answers for a job: its status, and its run-details status/body. */
interface ServedJob {
  status: string;
  details: { status: number; body: unknown };
}

const jobs = new Map<string, ServedJob>();
const detailReads: string[] = [];
let server: Server;
let url: string;
let client: AmlClient;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function notFound(res: ServerResponse, what: string): void {
  send(res, 404, { error: { code: 'NotFound', message: `no ${what}`, details: [] } });
}

beforeAll(async () => {
  // A real HTTP service on loopback with the two routes involved: the ARM job and its run details.
  server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      send(res, 401, { error: { code: 'Unauthorized', message: 'no token', details: [] } });
      return;
    }
    const details = /^\/history\/v1\.0\/.+\/runs\/([^/]+)\/details$/.exec(path);
    if (details !== null) {
      const name = decodeURIComponent(details[1] ?? '');
      detailReads.push(name);
      const job = jobs.get(name);
      if (job === undefined) notFound(res, `run ${name}`);
      else send(res, job.details.status, job.details.body);
      return;
    }
    const arm = /\/jobs\/([^/]+)$/.exec(path);
    const job = arm === null ? undefined : jobs.get(decodeURIComponent(arm[1] ?? ''));
    if (arm === null || job === undefined) {
      notFound(res, path);
      return;
    }
    send(res, 200, {
      id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/jobs/${arm[1] ?? ''}`,
      name: arm[1],
      type: 'Microsoft.MachineLearningServices/workspaces/jobs',
      properties: {
        jobType: 'Command',
        command: 'echo hi',
        environmentId: 'azureml:local-python:1',
        status: job.status,
      },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => {
    server.close((error) => {
      if (error === undefined) resolve();
      else reject(error);
    });
  });
});

beforeEach(() => {
  jobs.clear();
  detailReads.length = 0;
  client = createLocalClient({ url, token: TOKEN, pollIntervalMs: 1, maxRetries: 0 });
});

function failedDetails(code: string, message: string): ServedJob['details'] {
  return {
    status: 200,
    body: { runId: 'x', status: 'Failed', error: { error: { code, message, details: [] } } },
  };
}

describe('jobs.wait and jobs.stream error', () => {
  it('does give the run-details reason of a Failed job, read once', async () => {
    jobs.set('f1', { status: 'Failed', details: failedDetails('UserError', PIPELINE_MESSAGE) });
    const result = await client.jobs.wait('f1');
    expect(result.status).toBe('Failed');
    expect(result.error).toEqual({ code: 'UserError', message: PIPELINE_MESSAGE });
    expect(detailReads).toEqual(['f1']);
  });

  it('does give the reason of a job Canceled with an error (a timeout), from stream too', async () => {
    jobs.set('t1', {
      status: 'Canceled',
      details: failedDetails('JobTimeout', 'The job ran longer than limits.timeout (2 s).'),
    });
    const result = await client.jobs.stream('t1');
    expect(result.status).toBe('Canceled');
    expect(result.error).toEqual({
      code: 'JobTimeout',
      message: 'The job ran longer than limits.timeout (2 s).',
    });
  });

  it('does leave error out for a Completed job without reading the details', async () => {
    jobs.set('c1', { status: 'Completed', details: failedDetails('UserError', 'never read') });
    const result = await client.jobs.wait('c1');
    expect(result.status).toBe('Completed');
    expect('error' in result).toBe(false);
    expect(detailReads).toEqual([]);
  });

  it('does leave error out for a job canceled without an error, with no diagnostic', async () => {
    jobs.set('k1', { status: 'Canceled', details: { status: 200, body: { error: null } } });
    const diagnostics: string[] = [];
    const result = await client.jobs.wait('k1', { onDiagnostic: (d) => diagnostics.push(d) });
    expect(result.status).toBe('Canceled');
    expect('error' in result).toBe(false);
    expect(detailReads).toEqual(['k1']);
    expect(diagnostics).toEqual([]);
  });

  it('does resolve without error and report a diagnostic when the details cannot be read', async () => {
    jobs.set('d1', {
      status: 'Failed',
      details: {
        status: 403,
        body: { error: { code: 'Forbidden', message: 'no run history here', details: [] } },
      },
    });
    const diagnostics: string[] = [];
    const result = await client.jobs.wait('d1', { onDiagnostic: (d) => diagnostics.push(d) });
    expect(result.status).toBe('Failed');
    expect('error' in result).toBe(false);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatch(
      /^jobs\.wait: reading why job 'd1' ended from its run details failed: .*403/,
    );
  });
});
