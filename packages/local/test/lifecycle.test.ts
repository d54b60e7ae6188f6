import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { isLocalServiceError, readServerInfo, startLocalService } from '../src/index.js';
import { API, WS_PATH, body, command, startTestService, tempHome } from './helpers.js';
import type { TestService } from './helpers.js';

// Real processes on a shared machine: generous per-test budgets (not timing assertions).
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

describe('cancel and timeout', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ concurrency: 1, cancelGraceMs: 300 });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('cancels a running job through the LRO: 202 + Location, 202 until done, then 200; the job ends Canceled', async () => {
    await t.putJob('cancel-me', command('echo started; sleep 30'));
    await t.waitForStatus('cancel-me', ['Running']);
    const res = await t.call(`${WS_PATH}/jobs/cancel-me/cancel?${API}`, { method: 'POST' });
    expect(res.status).toBe(202);
    const location = res.headers.get('location')!;
    expect(location).toContain('/mfeOperationResults/');
    expect(res.headers.get('retry-after')).toBe('1');
    let status = 202;
    const seen: number[] = [];
    while (status === 202) {
      const op = await fetch(location, { headers: t.auth });
      status = op.status;
      seen.push(status);
      if (status === 202) expect(op.headers.get('location')).toBe(location);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe(200);
    const job = await t.getJob('cancel-me');
    expect(job.properties.status).toBe('Canceled');
    const events = await (await t.call(`/amlkit/v1/workspaces/local/jobs/cancel-me/events`)).text();
    expect(events).toContain('"CancelRequested"');
  });

  it('cancels a queued job before it starts', async () => {
    await t.putJob('blocker', command('sleep 30'));
    await t.waitForStatus('blocker', ['Running']);
    await t.putJob('queued', command('echo never'));
    const res = await t.call(`${WS_PATH}/jobs/queued/cancel?${API}`, { method: 'POST' });
    expect(res.status).toBe(202);
    const op = await fetch(res.headers.get('location')!, { headers: t.auth });
    expect(op.status).toBe(200);
    expect((await t.getJob('queued')).properties.status).toBe('Canceled');
    // deleting the running blocker cancels it first, then removes it
    const del = await t.call(`${WS_PATH}/jobs/blocker?${API}`, { method: 'DELETE' });
    expect(del.status).toBe(202);
    let opStatus = 202;
    while (opStatus === 202) {
      opStatus = (await fetch(del.headers.get('location')!, { headers: t.auth })).status;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(opStatus).toBe(200);
    expect((await t.call(`${WS_PATH}/jobs/blocker?${API}`)).status).toBe(404);
  });

  it('ends a job at limits.timeout (Canceled with a JobTimeout error, as Azure ML does)', async () => {
    await t.putJob(
      'times-out',
      command('sleep 30', { limits: { jobLimitsType: 'Command', timeout: 'PT1S' } }),
    );
    const job = await t.waitForStatus('times-out', ['Completed', 'Failed', 'Canceled']);
    expect(job.properties.status).toBe('Canceled');
    const details = await body(await t.call(`/history/v1.0${WS_PATH}/runs/times-out/details`));
    expect(details.error.error.code).toBe('JobTimeout');
  });

  it('fails a job with an invalid timeout instead of running it forever', async () => {
    await t.putJob('bad-timeout', command('true', { limits: { timeout: 'five minutes' } }));
    const job = await t.waitForStatus('bad-timeout', ['Failed']);
    expect(job.properties.status).toBe('Failed');
  });
});

describe('startLocalService', () => {
  it('creates the token with mode 0600, writes server.json and answers health without a token', async () => {
    const { dir, cleanup } = tempHome();
    const service = await startLocalService({ home: dir });
    try {
      const token = join(dir, 'token');
      expect(statSync(token).mode & 0o777).toBe(0o600);
      expect(readFileSync(token, 'utf8').trim()).toBe(service.token);
      expect(service.token).toMatch(/^[0-9a-f]{64}$/);
      expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const info = await readServerInfo(dir);
      expect(info).toMatchObject({ pid: process.pid, url: service.url });
      const health = await fetch(`${service.url}/amlkit/v1/health`);
      expect(health.status).toBe(200);
      expect(Object.keys(await body(health)).sort()).toEqual(['ok', 'version']);
    } finally {
      await service.close();
    }
    expect(existsSync(join(dir, 'server.json'))).toBe(false);
    expect(await readServerInfo(dir)).toBeUndefined();
    const again = await startLocalService({ home: dir });
    expect(again.token).toBe(service.token);
    await again.close();
    cleanup();
  });

  it('refuses a second service on the same home (HomeLocked)', async () => {
    const { dir, cleanup } = tempHome();
    const first = await startLocalService({ home: dir });
    try {
      const error = await startLocalService({ home: dir }).catch((e: unknown) => e);
      expect(isLocalServiceError(error)).toBe(true);
      expect((error as { code: string }).code).toBe('HomeLocked');
    } finally {
      await first.close();
      cleanup();
    }
  });

  it('refuses a non-loopback host without allowRemote', async () => {
    const { dir, cleanup } = tempHome();
    const error = await startLocalService({ home: dir, host: '0.0.0.0' }).catch((e: unknown) => e);
    expect(isLocalServiceError(error)).toBe(true);
    expect((error as { code: string }).code).toBe('RemoteBindRefused');
    cleanup();
  });

  it('closes when its signal aborts', async () => {
    const { dir, cleanup } = tempHome();
    const controller = new AbortController();
    const service = await startLocalService({ home: dir, signal: controller.signal });
    expect((await fetch(`${service.url}/amlkit/v1/health`)).status).toBe(200);
    controller.abort();
    await service.close();
    await expect(fetch(`${service.url}/amlkit/v1/health`)).rejects.toThrow();
    expect(existsSync(join(dir, 'server.lock'))).toBe(false);
    cleanup();
  });

  it('binds another address only with allowRemote, and still requires the token there', async () => {
    const { dir, cleanup } = tempHome();
    const service = await startLocalService({ home: dir, host: '0.0.0.0', allowRemote: true });
    try {
      const port = new URL(service.url).port;
      const anonymous = await fetch(`http://127.0.0.1:${port}${WS_PATH}/jobs?${API}`);
      expect(anonymous.status).toBe(401);
      const res = await fetch(`http://localhost:${port}${WS_PATH}/jobs?${API}&$top=1`, {
        headers: { Authorization: `Bearer ${service.token}` },
      });
      expect(res.status).toBe(200);
    } finally {
      await service.close();
      cleanup();
    }
  });

  it('honours AMLKIT_HOME through defaultHome and rejects bad numeric options', async () => {
    const { defaultHome } = await import('../src/index.js');
    expect(defaultHome({ AMLKIT_HOME: '/tmp/x-amlkit' })).toBe('/tmp/x-amlkit');
    expect(defaultHome({})).toMatch(/\.amlkit$/);
    await expect(startLocalService({ concurrency: 0 })).rejects.toThrow(RangeError);
  });
});
