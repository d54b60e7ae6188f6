import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startLocalService } from '@amlkit/local';
import type { LocalService } from '@amlkit/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { NO_FILTERS } from '../src/job-pager.js';
import { createStudioApi } from '../src/studio-api.js';
import type { ServerSentEvent } from '@amlkit/client';
import { isStudioError } from '../src/studio-error.js';
import { validateJobText } from '../src/validate-job-text.js';

describe('createStudioApi (against the real local service)', () => {
  let home: string;
  let service: LocalService;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'amlkit-studio-api-'));
    service = await startLocalService({ home, cancelGraceMs: 500 });
  });
  afterAll(async () => {
    await service?.close();
    await rm(home, { recursive: true, force: true });
  });

  it('submits a job, follows its events to the end, and reads it back', async () => {
    const api = createStudioApi(service.url, service.token);
    const loaded = await validateJobText(
      'type: command\ndisplay_name: api\ncommand: echo from-api\nenvironment:\n  image: python:3.11\ntags:\n  team: ml\n',
      'job.yml',
    );
    expect(loaded.ok).toBe(true);
    const created = await api.submit(loaded.job!);
    const name = created.name!;
    const events: ServerSentEvent[] = [];
    const outcome = await api.streamEvents(name, { onEvent: (e) => events.push(e) });
    expect(outcome).toBe('end');
    expect(
      events
        .filter((e) => e.event === 'log')
        .map((e) => JSON.parse(e.data).text as string)
        .join(''),
    ).toContain('from-api');
    expect(JSON.parse(events.at(-1)!.data)).toMatchObject({ status: 'Completed' });

    const job = await api.getJob(name);
    expect(job.properties).toMatchObject({ status: 'Completed', displayName: 'api' });
    const details = await api.runDetails(name);
    expect(Object.keys(details.logFiles)).toContain('user_logs/std_log.txt');
    expect(await api.logSize(name, 'user_logs/std_log.txt')).toBeGreaterThan(0);
    const foreign = new URL(details.logFiles['user_logs/std_log.txt']!);
    foreign.host = 'elsewhere.example:1';
    expect(await (await api.fetchBlob(foreign.href)).text()).toContain('from-api');
    expect(await api.childJobs(name)).toEqual([]);
    expect(await api.outputs(name)).toEqual(expect.any(Array));

    const page = await api.listPage(undefined, { ...NO_FILTERS, tag: 'team=ml' });
    expect(page.rows.map((r) => r.name)).toEqual([name]);
    expect((await api.listPage(undefined, { ...NO_FILTERS, tag: 'team=other' })).rows).toEqual([]);
  });

  it('cancels a running job', async () => {
    const api = createStudioApi(service.url, service.token);
    const loaded = await validateJobText(
      'type: command\ncommand: sleep 60\nenvironment:\n  image: python:3.11\n',
      'job.yml',
    );
    const { name } = await api.submit(loaded.job!);
    await api.cancel(name!);
    const events: ServerSentEvent[] = [];
    await api.streamEvents(name!, { onEvent: (e) => events.push(e) });
    expect(JSON.parse(events.at(-1)!.data)).toMatchObject({ status: 'Canceled' });
  });

  it('says the token was refused, and that a stopped service is unreachable', async () => {
    const wrong = createStudioApi(service.url, 'f'.repeat(64));
    const refused = await wrong.getJob('x').catch((e: unknown) => e);
    expect(isStudioError(refused) && refused.code).toBe('STUDIO_UNAUTHORIZED');

    const gone = createStudioApi('http://127.0.0.1:9', service.token);
    const failure = await gone.listPage(undefined, NO_FILTERS).catch((e: unknown) => e);
    expect(isStudioError(failure) && failure.code).toBe('STUDIO_UNREACHABLE');
    expect(await gone.health()).toBe(false);
    expect(await createStudioApi(service.url, service.token).health()).toBe(true);
  });
});
