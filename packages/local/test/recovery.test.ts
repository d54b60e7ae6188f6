import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { afterAll, describe, expect, it, vi } from 'vitest';

import { isProcessAlive, LOCAL_WORKSPACE, openJobStore, startLocalService } from '../src/index.js';
import type { LocalService } from '../src/index.js';
import { API, WS_PATH, body, command, tempHome } from './helpers.js';
import type { Json } from './helpers.js';

// Real processes on a shared machine: generous per-test budgets (not timing assertions).
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const FIXTURE = fileURLToPath(new URL('./fixtures/serve.mjs', import.meta.url));

interface Spawned {
  child: ChildProcess;
  url: string;
  token: string;
  error?: string;
}

async function spawnService(home: string): Promise<Spawned> {
  const child = spawn(process.execPath, [FIXTURE, home, '1'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => {
      resolve(line);
    });
    child.once('exit', (code) => {
      reject(new Error(`service exited with ${String(code)} before printing`));
    });
  });
  return { child, ...(JSON.parse(first) as Omit<Spawned, 'child'>) };
}

/** Whether a process group has a live (non-zombie) member: /proc on Linux, else signal 0. */
function groupAlive(pgid: number): boolean {
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(fields[2]) === pgid && fields[0] !== 'Z') return true;
      } catch {
        // exited meanwhile
      }
    }
    return false;
  } catch {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

describe('restart recovery after kill -9', () => {
  const { dir: home, cleanup } = tempHome('amlkit-recovery-');
  let restarted: LocalService | undefined;
  afterAll(async () => {
    await restarted?.close();
    cleanup();
  });

  it('keeps every accepted job, fails the running one with a reason, stops its processes and runs the queued ones', async () => {
    const { child, url, token } = await spawnService(home);
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const put = (name: string, properties: Record<string, unknown>): Promise<Response> =>
      fetch(`${url}${WS_PATH}/jobs/${name}?${API}`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ properties }),
      });
    const get = async (base: string, auth: string, name: string): Promise<Json> =>
      (
        await fetch(`${base}${WS_PATH}/jobs/${name}?${API}`, {
          headers: { Authorization: `Bearer ${auth}` },
        })
      ).json();

    expect((await put('long', command('echo started; sleep 60'))).status).toBe(201);
    for (let i = 0; i < 100; i += 1) {
      if ((await get(url, token, 'long')).properties.status === 'Running') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await get(url, token, 'long')).properties.status).toBe('Running');
    const accepted: string[] = [];
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        put(`queued-${String(i)}`, command(`echo queued ${String(i)}`)),
      ),
    );
    burst.forEach((res, i) => {
      if (res.status === 201) accepted.push(`queued-${String(i)}`);
    });
    expect(accepted).toHaveLength(20);
    const uid = readdirSync(join(home, 'jobs')).find((entry) => {
      try {
        return (
          JSON.parse(readFileSync(join(home, 'jobs', entry, 'process-groups.json'), 'utf8'))
            .jobName === 'long'
        );
      } catch {
        return false;
      }
    });
    expect(uid).toBeDefined();
    const { groups } = JSON.parse(
      readFileSync(join(home, 'jobs', uid!, 'process-groups.json'), 'utf8'),
    ) as { groups: number[] };
    expect(groups.every(groupAlive)).toBe(true);

    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(isProcessAlive(child.pid!)).toBe(false);

    restarted = await startLocalService({ home, concurrency: 2 });
    expect(restarted.token).toBe(token);
    expect(groups.some(groupAlive)).toBe(false);
    const long = await get(restarted.url, restarted.token, 'long');
    expect(long.properties.status).toBe('Failed');
    const details = await body(
      await fetch(`${restarted.url}/history/v1.0${WS_PATH}/runs/long/details`, {
        headers: { Authorization: `Bearer ${restarted.token}` },
      }),
    );
    expect(details.error.error.code).toBe('ServiceRestarted');
    expect(details.error.error.message).toContain('stopped while the job was Running');

    for (const name of accepted) {
      let job = await get(restarted.url, restarted.token, name);
      for (let i = 0; i < 200 && job.properties.status !== 'Completed'; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        job = await get(restarted.url, restarted.token, name);
      }
      expect(job.properties.status, name).toBe('Completed');
    }
  }, 60_000);
});

describe('two services started at once on one home', () => {
  it('lets exactly one of three start (the others fail with HomeLocked), and two concurrent creates both succeed', async () => {
    const { dir: home, cleanup } = tempHome('amlkit-race-');
    const started = await Promise.all([spawnService(home), spawnService(home), spawnService(home)]);
    try {
      const winners = started.filter((s) => s.error === undefined);
      const losers = started.filter((s) => s.error !== undefined);
      expect(winners).toHaveLength(1);
      expect(losers.map((s) => s.error)).toEqual(['HomeLocked', 'HomeLocked']);
      const { url, token } = winners[0]!;
      const info = JSON.parse(readFileSync(join(home, 'server.json'), 'utf8')) as {
        url: string;
        pid: number;
      };
      expect(info.url).toBe(url);
      const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
      const create = (name: string): Promise<Response> =>
        fetch(`${url}${WS_PATH}/jobs/${name}?${API}`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({ properties: command(`echo ${name}`) }),
        });
      const [a, b] = await Promise.all([create('first'), create('second')]);
      expect([a.status, b.status]).toEqual([201, 201]);
    } finally {
      for (const s of started) {
        if (s.child.exitCode === null) {
          const exited = new Promise((resolve) => s.child.once('exit', resolve));
          s.child.kill('SIGTERM');
          await exited;
        }
      }
      expect(readdirSync(home)).not.toContain('server.json');
      cleanup();
    }
  });
});

describe('recovery of every unfinished status', () => {
  it('fails executor-owned jobs with a reason, cancels CancelRequested ones, runs NotStarted ones and keeps final ones', async () => {
    const { dir: home, cleanup } = tempHome('amlkit-recover-states-');
    const store = openJobStore(join(home, 'amlkit.db'));
    const statuses = [
      'Starting',
      'Preparing',
      'Queued',
      'Running',
      'Finalizing',
      'CancelRequested',
      'Completed',
      'Failed',
      'NotStarted',
    ];
    for (const status of statuses) {
      store.insertJob({
        workspace: LOCAL_WORKSPACE,
        name: `was-${status}`,
        status,
        properties: { jobType: 'Command', command: `echo ${status}` },
      });
    }
    // A pipeline that was running, with one step waiting for a slot.
    store.insertJob({
      workspace: LOCAL_WORKSPACE,
      name: 'was-pipeline',
      status: 'Running',
      properties: { jobType: 'Pipeline', jobs: { a: { type: 'command', componentId: 'x' } } },
    });
    store.insertJob({
      workspace: LOCAL_WORKSPACE,
      name: 'was-pipeline_a',
      status: 'NotStarted',
      properties: { jobType: 'Command', command: 'echo orphan', parentJobName: 'was-pipeline' },
    });
    store.close();
    const service = await startLocalService({ home });
    try {
      const get = async (name: string): Promise<Json> =>
        body(
          await fetch(`${service.url}${WS_PATH}/jobs/${name}?${API}`, {
            headers: { Authorization: `Bearer ${service.token}` },
          }),
        );
      for (const status of ['Starting', 'Preparing', 'Queued', 'Running', 'Finalizing']) {
        expect((await get(`was-${status}`)).properties.status, status).toBe('Failed');
      }
      expect((await get('was-CancelRequested')).properties.status).toBe('Canceled');
      expect((await get('was-Completed')).properties.status).toBe('Completed');
      expect((await get('was-Failed')).properties.status).toBe('Failed');
      expect((await get('was-pipeline')).properties.status).toBe('Failed');
      expect((await get('was-pipeline_a')).properties.status).toBe('Canceled');
      let queued = await get('was-NotStarted');
      for (let i = 0; i < 400 && queued.properties.status !== 'Completed'; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        queued = await get('was-NotStarted');
      }
      expect(queued.properties.status).toBe('Completed');
      const events = await (
        await fetch(`${service.url}/amlkit/v1/workspaces/local/jobs/was-Running/events`, {
          headers: { Authorization: `Bearer ${service.token}` },
        })
      ).text();
      expect(events).toContain('stopped while the job was Running');
    } finally {
      await service.close();
      cleanup();
    }
  });
});
