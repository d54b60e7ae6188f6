import { createHash } from 'node:crypto';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { body, command, startTestService, WS_PATH } from './helpers.js';
import type { Json, TestService } from './helpers.js';

// Real processes on a shared machine: generous per-test budgets (not timing assertions).
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

/** A request sent exactly as written (fetch would normalize dot segments away). */
function rawGet(
  t: TestService,
  path: string,
  method = 'GET',
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(t.url);
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method,
        headers: {
          ...t.auth,
          ...(body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(body)) }),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: text });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const sha = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

describe('uploads, logs and outputs', () => {
  let t: TestService;
  const files = {
    'train.py': '#!/bin/sh\necho "training on $1"\ncat "$1/rows.csv" > "$2/copy.csv"\n',
    'data/rows.csv': 'a,b\n1,2\n',
  };
  beforeAll(async () => {
    t = await startTestService({ maxBlobBytes: 1024 * 1024 });
  });
  afterAll(async () => {
    await t.stop();
  });

  async function upload(snapshotId: string, entries: Record<string, string>): Promise<Json> {
    const digests = Object.values(entries).map((text) => sha(text));
    const missing = await t.call('/amlkit/v1/blobs/missing', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sha256: digests }),
    });
    expect(missing.status).toBe(200);
    for (const text of Object.values(entries)) {
      if (!(await body(missing.clone())).missing.includes(sha(text))) continue;
      const res = await t.call(`/amlkit/v1/blobs/${sha(text)}`, { method: 'PUT', body: text });
      expect([200, 201]).toContain(res.status);
    }
    const res = await t.call(`/amlkit/v1/snapshots/${snapshotId}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        files: Object.entries(entries).map(([path, text]) => ({
          path,
          sha256: sha(text),
          mode: path.endsWith('.py') ? 0o755 : 0o644,
        })),
      }),
    });
    return { status: res.status, body: await body(res) };
  }

  it('reports missing blobs, verifies digests and limits sizes', async () => {
    const text = 'hello blob';
    const before = await t.call('/amlkit/v1/blobs/missing', {
      method: 'POST',
      body: JSON.stringify({ sha256: [sha(text)] }),
    });
    expect((await body(before)).missing).toEqual([sha(text)]);
    const wrong = await t.call(`/amlkit/v1/blobs/${sha('other')}`, { method: 'PUT', body: text });
    expect(wrong.status).toBe(400);
    expect((await body(wrong)).error.message).toContain('digest mismatch');
    const ok = await t.call(`/amlkit/v1/blobs/${sha(text)}`, { method: 'PUT', body: text });
    expect(ok.status).toBe(201);
    const again = await t.call(`/amlkit/v1/blobs/${sha(text)}`, { method: 'PUT', body: text });
    expect(again.status).toBe(200);
    const after = await t.call('/amlkit/v1/blobs/missing', {
      method: 'POST',
      body: JSON.stringify({ sha256: [sha(text)] }),
    });
    expect((await body(after)).missing).toEqual([]);
    const big = Buffer.alloc(1024 * 1024 + 1, 1);
    const tooBig = await t.call(`/amlkit/v1/blobs/${sha(big)}`, { method: 'PUT', body: big });
    expect(tooBig.status).toBe(413);
    const badName = await t.call('/amlkit/v1/blobs/NOTHEX', { method: 'PUT', body: 'x' });
    expect(badName.status).toBe(400);
  });

  it('materializes a snapshot and runs a command job from it with an uploaded input', async () => {
    const code = await upload('code-1', { 'train.py': files['train.py'] });
    expect(code.status).toBe(201);
    expect(code.body.codeId).toBe(`${WS_PATH}/codes/code-1/versions/1`);
    expect((await upload('code-1', { 'train.py': files['train.py'] })).status).toBe(200);
    expect((await upload('code-1', { 'other.py': 'x' })).status).toBe(409);
    const data = await upload('data-1', { 'data/rows.csv': files['data/rows.csv'] });
    expect(data.status).toBe(201);
    const res = await t.putJob(
      'from-snapshot',
      command('./train.py ${{inputs.data}} ${{outputs.result}}', {
        codeId: code.body.codeId,
        inputs: {
          data: {
            jobInputType: 'uri_folder',
            uri: 'azureml://datastores/workspaceblobstore/paths/LocalUpload/data-1/data/',
            mode: 'ReadOnlyMount',
          },
          rate: { jobInputType: 'literal', value: '0.1' },
        },
        outputs: { result: { jobOutputType: 'uri_folder', mode: 'ReadWriteMount' } },
      }),
    );
    expect(res.status).toBe(201);
    const job = await t.waitForStatus('from-snapshot', ['Completed', 'Failed', 'Canceled']);
    expect(job.properties.status).toBe('Completed');

    const outputs = await body(await t.call(`/amlkit/v1${WS_PATH}/jobs/from-snapshot/outputs`));
    const result = outputs.value.find((o: Json) => o.name === 'result');
    expect(result.files.map((f: Json) => String(f.path))).toEqual(['copy.csv']);
    const download = await fetch(result.files[0].url, { headers: t.auth });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('a,b\n1,2\n');
    const short = await t.call(
      '/amlkit/v1/workspaces/local/jobs/from-snapshot/outputs/result/copy.csv',
    );
    expect(await short.text()).toBe('a,b\n1,2\n');
  });

  it('serves logs by byte offset with Range (206, Content-Range, 416 past the end)', async () => {
    await t.putJob('logs-job', command('printf "line1\\nline2\\n"'));
    await t.waitForStatus('logs-job', ['Completed']);
    const details = await body(await t.call(`/history/v1.0${WS_PATH}/runs/logs-job/details`));
    expect(details.runId).toBe('logs-job');
    expect(details.status).toBe('Completed');
    const url = details.logFiles['user_logs/std_log.txt'];
    expect(url).toBe(`${t.url}/amlkit/v1${WS_PATH}/jobs/logs-job/logs/user_logs/std_log.txt`);
    expect(Object.keys(details.logFiles)).toContain('system_logs/executor.txt');
    const whole = await fetch(url, { headers: t.auth });
    expect(whole.status).toBe(200);
    expect(await whole.text()).toBe('line1\nline2\n');
    const tail = await fetch(url, { headers: { ...t.auth, Range: 'bytes=6-' } });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe('bytes 6-11/12');
    expect(await tail.text()).toBe('line2\n');
    const mid = await fetch(url, { headers: { ...t.auth, Range: 'bytes=0-4' } });
    expect(await mid.text()).toBe('line1');
    const past = await fetch(url, { headers: { ...t.auth, Range: 'bytes=12-' } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe('bytes */12');
  });

  it('fails a job whose input is remote, with a clear reason', async () => {
    await t.putJob(
      'remote-input',
      command('true', {
        inputs: { d: { jobInputType: 'uri_file', uri: 'https://example.com/data.csv' } },
      }),
    );
    await t.waitForStatus('remote-input', ['Failed']);
    const details = await body(await t.call(`/history/v1.0${WS_PATH}/runs/remote-input/details`));
    expect(details.error.error.message).toContain(
      'remote inputs are not supported by the local backend',
    );
  });

  it('fails a job whose code snapshot was never uploaded', async () => {
    await t.putJob(
      'no-code',
      command('true', { codeId: `${WS_PATH}/codes/never-uploaded/versions/1` }),
    );
    await t.waitForStatus('no-code', ['Failed']);
    const details = await body(await t.call(`/history/v1.0${WS_PATH}/runs/no-code/details`));
    expect(details.error.error.message).toContain("'never-uploaded' was not uploaded");
  });

  describe('path traversal', () => {
    beforeAll(async () => {
      await t.putJob(
        'trav',
        command('echo secret-log; mkdir -p ${{outputs.o}}', {
          outputs: { o: { jobOutputType: 'uri_folder' } },
        }),
      );
      const job = await t.waitForStatus('trav', ['Completed']);
      expect(job.properties.status).toBe('Completed');
      const details = await body(await t.call(`/history/v1.0${WS_PATH}/runs/trav/details`));
      expect(details.status).toBe('Completed');
    });

    const prefixes = [
      `/amlkit/v1${WS_PATH}/jobs/trav/logs`,
      `/amlkit/v1${WS_PATH}/jobs/trav/outputs/o`,
      '/amlkit/v1/workspaces/local/jobs/trav/logs',
    ];
    const attacks = [
      '../../../token',
      '..%2F..%2F..%2Ftoken',
      '%2e%2e/%2e%2e/%2e%2e/token',
      '%2E%2E%2F%2E%2E%2Ftoken',
      'user_logs/..%5c..%5ctoken',
      'user_logs/%00',
      '..',
      '.%2e/token',
      'user_logs/./std_log.txt',
      'user_logs%2f..%2f..%2ftoken',
    ];
    for (const prefix of prefixes) {
      for (const attack of attacks) {
        it(`refuses ${prefix.split('/').slice(-2).join('/')}/${attack}`, async () => {
          const res = await rawGet(t, `${prefix}/${attack}`);
          expect(res.status).toBe(400);
          expect(res.body).not.toContain(t.service.token);
          expect(JSON.parse(res.body).error.code).toBe('InvalidPath');
        });
      }
    }

    it('refuses symlinks that point outside the job folder', async () => {
      const jobs = join(t.home, 'jobs');
      const { readdirSync } = await import('node:fs');
      for (const uid of readdirSync(jobs)) {
        try {
          symlinkSync(join(t.home, 'token'), join(jobs, uid, 'logs', 'user_logs', 'escape.txt'));
          mkdirSync(join(jobs, uid, 'outputs', 'o'), { recursive: true });
          symlinkSync(join(t.home, 'token'), join(jobs, uid, 'outputs', 'o', 'escape.txt'));
          symlinkSync(t.home, join(jobs, uid, 'outputs', 'home-link'));
        } catch {
          // another job folder
        }
      }
      const log = await t.call(`/amlkit/v1${WS_PATH}/jobs/trav/logs/user_logs/escape.txt`);
      expect(log.status).toBe(403);
      expect(await log.text()).not.toContain(t.service.token);
      const out = await t.call(`/amlkit/v1${WS_PATH}/jobs/trav/outputs/o/escape.txt`);
      expect(out.status).toBe(403);
      const dir = await t.call(`/amlkit/v1${WS_PATH}/jobs/trav/outputs/home-link/token`);
      expect(dir.status).toBe(403);
      const listing = await body(await t.call(`/amlkit/v1${WS_PATH}/jobs/trav/outputs`));
      expect(JSON.stringify(listing)).not.toContain('token');
    });

    it('refuses snapshot paths that escape', async () => {
      const text = 'payload';
      await t.call(`/amlkit/v1/blobs/${sha(text)}`, { method: 'PUT', body: text });
      for (const path of [
        '../evil.txt',
        '/etc/evil',
        'a/../../evil',
        'a//b',
        'a\\..\\b',
        'nul\u0000byte',
        '.',
      ]) {
        const res = await t.call('/amlkit/v1/snapshots/evil-snap', {
          method: 'PUT',
          body: JSON.stringify({ files: [{ path, sha256: sha(text), mode: 420 }] }),
        });
        expect(res.status, path).toBe(400);
      }
      for (const id of ['..', '.hidden', '%2e%2e', 'a%2Fb', '-x']) {
        const res = await rawGet(
          t,
          `/amlkit/v1/snapshots/${id}`,
          'PUT',
          JSON.stringify({ files: [] }),
        );
        expect(res.status, id).toBe(400);
      }
    });

    it('refuses inputs whose upload path escapes the snapshot folder', async () => {
      writeFileSync(join(t.home, 'outside.txt'), 'x');
      await t.putJob(
        'trav-input',
        command('cat ${{inputs.d}}', {
          inputs: {
            d: {
              jobInputType: 'uri_file',
              uri: 'azureml://datastores/workspaceblobstore/paths/LocalUpload/../outside.txt',
            },
          },
        }),
      );
      await t.waitForStatus('trav-input', ['Failed']);
      await t.putJob(
        'trav-input2',
        command('cat ${{inputs.d}}', {
          inputs: {
            d: {
              jobInputType: 'uri_file',
              uri: 'azureml://datastores/workspaceblobstore/paths/LocalUpload/x/%2e%2e/%2e%2e/outside.txt',
            },
          },
        }),
      );
      await t.waitForStatus('trav-input2', ['Failed']);
    });
  });
});
