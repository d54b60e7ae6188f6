import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { command, parseEvents, readEvents, startTestService, WS_PATH } from './helpers.js';
import type { Json, TestService } from './helpers.js';

// Real processes on a shared machine: generous per-test budgets (not timing assertions).
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

describe('job event stream (SSE)', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ heartbeatMs: 200 });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('streams status and log events in order and ends on the final status', async () => {
    await t.putJob('sse-live', command('for i in 1 2 3; do echo "line $i"; sleep 0.3; done'));
    const res = await t.call(`/amlkit/v1${WS_PATH}/jobs/sse-live/events`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = await readEvents(res);
    const statuses = events.filter((e) => e.event === 'status').map((e) => String(e.data.status));
    expect(statuses[0]).toBe('NotStarted');
    expect(statuses.slice(-3)).toEqual(['Running', 'Finalizing', 'Completed']);
    const userLog = events
      .filter((e) => e.event === 'log' && e.data.file === 'user_logs/std_log.txt')
      .map((e) => String(e.data.text))
      .join('');
    expect(userLog).toBe('line 1\nline 2\nline 3\n');
    const running = events.findIndex((e) => e.event === 'status' && e.data.status === 'Running');
    const firstUserLog = events.findIndex(
      (e) => e.event === 'log' && e.data.file === 'user_logs/std_log.txt',
    );
    const completed = events.findIndex(
      (e) => e.event === 'status' && e.data.status === 'Completed',
    );
    expect(running).toBeLessThan(firstUserLog);
    expect(firstUserLog).toBeLessThan(completed);
    expect(events.at(-1)).toMatchObject({ event: 'end', data: { status: 'Completed' } });
  });

  it('resumes after Last-Event-ID without repeating events', async () => {
    await t.putJob('sse-resume', command('echo first; echo second'));
    await t.waitForStatus('sse-resume', ['Completed']);
    const all = await readEvents(
      await t.call(`/amlkit/v1/workspaces/local/jobs/sse-resume/events`),
    );
    const cut = all.findIndex((e) => e.event === 'status' && e.data.status === 'Running');
    expect(cut).toBeGreaterThan(0);
    const resumed = await readEvents(
      await t.call(`/amlkit/v1/workspaces/local/jobs/sse-resume/events`, {
        headers: { 'Last-Event-ID': all[cut]!.id! },
      }),
    );
    const key = (e: { event: string; data: Json }): string => JSON.stringify([e.event, e.data]);
    expect(resumed.map(key)).toEqual(all.slice(cut + 1).map(key));
  });

  it('resumes logs from ?offsets= byte positions', async () => {
    await t.putJob('sse-offsets', command('echo aaaa; echo bbbb'));
    await t.waitForStatus('sse-offsets', ['Completed']);
    const events = await readEvents(
      await t.call(
        `/amlkit/v1/workspaces/local/jobs/sse-offsets/events?offsets=user_logs/std_log.txt:5&statusFrom=100`,
      ),
    );
    const logs = events.filter((e) => e.event === 'log' && e.data.file === 'user_logs/std_log.txt');
    expect(logs.map((e) => String(e.data.text)).join('')).toBe('bbbb\n');
    expect(logs[0]!.data.offset).toBe(5);
    expect(events.filter((e) => e.event === 'status')).toEqual([]);
  });

  it('sends heartbeat comments while a job is quiet and refuses a forged cursor', async () => {
    await t.putJob('sse-quiet', command('sleep 1'));
    const res = await t.call(`/amlkit/v1/workspaces/local/jobs/sse-quiet/events`);
    const text = await res.text();
    expect(text).toContain(': heartbeat');
    expect(parseEvents(text).at(-1)?.event).toBe('end');
    const bad = await t.call(`/amlkit/v1/workspaces/local/jobs/sse-quiet/events`, {
      headers: { 'Last-Event-ID': 'not-a-cursor' },
    });
    expect(bad.status).toBe(400);
  });

  it('answers 404 for the events of a missing job', async () => {
    const res = await t.call(`/amlkit/v1/workspaces/local/jobs/missing/events`);
    expect(res.status).toBe(404);
  });
});

describe('job event stream (SSE) while running', () => {
  it('delivers log lines before the job ends', async () => {
    const t = await startTestService();
    try {
      await t.putJob('sse-early', command('echo early; sleep 3; echo late'));
      const res = await t.call(`/amlkit/v1/workspaces/local/jobs/sse-early/events`);
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      const userLog = (): string =>
        parseEvents(text.slice(0, text.lastIndexOf('\n\n') + 2))
          .filter((e) => e.event === 'log' && e.data.file === 'user_logs/std_log.txt')
          .map((e) => String(e.data.text))
          .join('');
      while (!userLog().includes('early')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      expect(userLog()).toBe('early\n');
      expect(text).not.toContain('"Completed"');
      await reader.cancel();
    } finally {
      await t.stop();
    }
  });
});

describe('job event stream (SSE) of a deleted job', () => {
  it('ends with status Deleted when a queued job is deleted', async () => {
    const t = await startTestService({ concurrency: 1 });
    try {
      await t.putJob('sse-blocker', command('sleep 30'));
      await t.waitForStatus('sse-blocker', ['Running']);
      await t.putJob('sse-doomed', command('echo never'));
      const res = await t.call(`/amlkit/v1/workspaces/local/jobs/sse-doomed/events`);
      const events = readEvents(res);
      const del = await t.call(`${WS_PATH}/jobs/sse-doomed?api-version=2025-12-01`, {
        method: 'DELETE',
      });
      expect(del.status).toBe(202);
      const all = await events;
      expect(all.at(-1)).toMatchObject({ event: 'end', data: { status: 'Deleted' } });
      expect(all.filter((e) => e.event === 'status').map((e) => String(e.data.status))).toEqual([
        'NotStarted',
      ]);
    } finally {
      await t.stop();
    }
  });
});
