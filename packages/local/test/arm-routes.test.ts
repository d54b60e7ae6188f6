import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { API, SUB, WS_PATH, body, command, startTestService } from './helpers.js';
import type { Json, TestService } from './helpers.js';

// Real processes on a shared machine: generous per-test budgets (not timing assertions).
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

describe('ARM jobs routes', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ pageSize: 100, concurrency: 2, maxJsonBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('answers an empty workspace with { value: [] }', async () => {
    const res = await t.call(
      `/subscriptions/${SUB}/resourceGroups/other/providers/Microsoft.MachineLearningServices/workspaces/empty-ws/jobs?${API}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await body(res)).toEqual({ value: [] });
  });

  it('creates with 201, repeats with 200 and fills id, name, type, systemData, status and services', async () => {
    const first = await t.putJob('put-idem', command('echo hi'), {});
    expect(first.status).toBe(201);
    const created = await body(first);
    expect(created.id).toBe(`${WS_PATH}/jobs/put-idem`);
    expect(created.name).toBe('put-idem');
    expect(created.type).toBe('Microsoft.MachineLearningServices/workspaces/jobs');
    expect(created.properties.status).toBe('NotStarted');
    expect(created.properties.experimentName).toBe('Default');
    expect(created.properties.services.Studio).toEqual({
      jobServiceType: 'Studio',
      endpoint: `${t.url}/studio/jobs/put-idem`,
    });
    expect(created.properties.services.Tracking.jobServiceType).toBe('Tracking');
    expect(created.properties.services.Tracking.endpoint).toContain('/mlflow/v1.0/subscriptions/');
    expect(created.systemData.createdByType).toBe('User');
    const again = await t.putJob('put-idem', command('echo hi'));
    expect(again.status).toBe(200);
    const again2 = await body(again);
    expect(again2.systemData.createdAt).toBe(created.systemData.createdAt);
    // Status changes move lastModifiedAt (as on Azure); an identical PUT does not.
    const finished = await t.waitForStatus('put-idem', ['Completed']);
    expect(Date.parse(finished.systemData.lastModifiedAt)).toBeGreaterThanOrEqual(
      Date.parse(created.systemData.lastModifiedAt),
    );
    const third = await body(await t.putJob('put-idem', command('echo hi')));
    expect(third.systemData.lastModifiedAt).toBe(finished.systemData.lastModifiedAt);
  });

  it('replaces tags, adds new properties and refuses create-only changes with 409', async () => {
    await t.putJob(
      'put-rules',
      command('true', { tags: { a: '1', b: '2' }, properties: { p: 'x' } }),
    );
    const updated = await t.putJob(
      'put-rules',
      command('true', { tags: { c: '3' }, properties: { q: 'y' } }),
    );
    expect(updated.status).toBe(200);
    const job = await body(updated);
    expect(job.properties.tags).toEqual({ c: '3' });
    expect(job.properties.properties).toEqual({ p: 'x', q: 'y' });
    const changed = await t.putJob('put-rules', command('false'));
    expect(changed.status).toBe(409);
    const error = await body(changed);
    expect(error.error.code).toBe('Conflict');
    expect(error.error.message).toContain("'command'");
    const prop = await t.putJob('put-rules', command('true', { properties: { p: 'other' } }));
    expect(prop.status).toBe(409);
    // a GET-modify-PUT round trip (what archive does) is accepted
    const current = await t.getJob('put-rules');
    current.properties.isArchived = true;
    const archived = await t.call(`${WS_PATH}/jobs/put-rules?${API}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(current),
    });
    expect(archived.status).toBe(200);
    expect((await body(archived)).properties.isArchived).toBe(true);
  });

  it('gets a job and answers 404 with the ARM error envelope for a missing one', async () => {
    await t.putJob('get-me', command('true'));
    const ok = await t.call(`${WS_PATH}/jobs/get-me?${API}`);
    expect(ok.status).toBe(200);
    expect((await body(ok)).name).toBe('get-me');
    const missing = await t.call(`${WS_PATH}/jobs/nope?${API}`);
    expect(missing.status).toBe(404);
    const error404 = await body(missing);
    expect(error404).toEqual({
      error: {
        code: 'ResourceNotFound',
        message: expect.stringContaining("'nope'"),
        details: [],
        additionalInfo: [],
      },
    });
    expect(missing.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('matches the provider namespace and resourceGroups case-insensitively', async () => {
    await t.putJob('case-job', command('true'));
    const res = await t.call(
      `/subscriptions/${SUB}/resourcegroups/local/providers/microsoft.machinelearningservices/workspaces/local/jobs/case-job?${API}`,
    );
    expect(res.status).toBe(200);
  });

  it('echoes x-ms-client-request-id and sets x-ms-request-id', async () => {
    const res = await t.call(`${WS_PATH}/jobs?${API}`, {
      headers: { 'x-ms-client-request-id': 'abc-123' },
    });
    expect(res.headers.get('x-ms-client-request-id')).toBe('abc-123');
    expect(res.headers.get('x-ms-request-id')).not.toBeNull();
  });

  it('answers 400 MissingApiVersionParameter without api-version', async () => {
    const res = await t.call(`${WS_PATH}/jobs`);
    expect(res.status).toBe(400);
    expect((await body(res)).error.code).toBe('MissingApiVersionParameter');
  });

  it('answers 401 AuthenticationFailed without a token or with a wrong one', async () => {
    const none = await fetch(`${t.url}${WS_PATH}/jobs?${API}`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect((await body(none)).error.code).toBe('AuthenticationFailed');
    const wrong = await fetch(`${t.url}${WS_PATH}/jobs?${API}`, {
      headers: { Authorization: `Bearer ${'0'.repeat(64)}` },
    });
    expect(wrong.status).toBe(401);
    const basic = await fetch(`${t.url}/amlkit/v1/blobs/missing`, {
      method: 'POST',
      headers: { Authorization: 'Basic eDp5' },
      body: '{"sha256":[]}',
    });
    expect(basic.status).toBe(401);
  });

  it('rejects invalid job names and bodies with 400', async () => {
    const badName = await t.putJob('-bad', command('true'));
    expect(badName.status).toBe(400);
    expect((await body(badName)).error.message).toContain('Invalid job name');
    const long = await t.putJob('a'.repeat(256), command('true'));
    expect(long.status).toBe(400);
    const noType = await t.putJob('no-type', { command: 'true' });
    expect(noType.status).toBe(400);
    expect((await body(noType)).error.message).toContain('jobType');
    const noCommand = await t.putJob('no-command', { jobType: 'Command' });
    expect(noCommand.status).toBe(400);
    const notJson = await t.call(`${WS_PATH}/jobs/not-json?${API}`, { method: 'PUT', body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await t.putJob('too-big', command('true', { description: 'x'.repeat(70 * 1024) }));
    expect(res.status).toBe(413);
    expect((await body(res)).error.code).toBe('RequestEntityTooLarge');
  });

  it('stores unknown job types unchanged and fails them with a reason', async () => {
    const res = await t.putJob('fine-tune', {
      jobType: 'FineTuning',
      fineTuningDetails: { taskType: 'TextCompletion' },
    });
    expect(res.status).toBe(201);
    const job = await t.waitForStatus('fine-tune', ['Failed']);
    expect(job.properties.jobType).toBe('FineTuning');
    expect(job.properties.fineTuningDetails).toEqual({ taskType: 'TextCompletion' });
    const details = await body(await t.call(`/history/v1.0${WS_PATH}/runs/fine-tune/details`));
    expect(details.error.error.message).toContain(
      'FineTuning jobs cannot run on the local backend yet',
    );
  });

  it('accepts two concurrent creates of different jobs', async () => {
    const [a, b] = await Promise.all([
      t.putJob('concurrent-a', command('true')),
      t.putJob('concurrent-b', command('true')),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const [c, d] = await Promise.all([
      t.putJob('concurrent-same', command('true')),
      t.putJob('concurrent-same', command('true')),
    ]);
    expect([c.status, d.status].sort()).toEqual([200, 201]);
  });

  it('deletes with 202 + Location and answers 204 for an unknown job', async () => {
    await t.putJob('to-delete', command('true'));
    await t.waitForStatus('to-delete', ['Completed']);
    const res = await t.call(`${WS_PATH}/jobs/to-delete?${API}`, { method: 'DELETE' });
    expect(res.status).toBe(202);
    const location = res.headers.get('location')!;
    expect(location).toMatch(
      new RegExp(
        `^${t.url}/subscriptions/${SUB}/providers/Microsoft\\.MachineLearningServices/locations/local/mfeOperationResults/[0-9a-f-]+\\?api-version=2025-12-01$`,
      ),
    );
    expect(res.headers.get('retry-after')).toBe('1');
    const op = await t.call(location.slice(t.url.length));
    expect(op.status).toBe(200);
    expect((await t.call(`${WS_PATH}/jobs/to-delete?${API}`)).status).toBe(404);
    const unknown = await t.call(`${WS_PATH}/jobs/never-was?${API}`, { method: 'DELETE' });
    expect(unknown.status).toBe(204);
    const missingOp = await t.call(
      `/subscriptions/${SUB}/providers/Microsoft.MachineLearningServices/locations/local/mfeOperationResults/nope?${API}`,
    );
    expect(missingOp.status).toBe(404);
  });

  it('answers 405 for a method a route does not have', async () => {
    const res = await t.call(`${WS_PATH}/jobs?${API}`, { method: 'POST' });
    expect(res.status).toBe(405);
    expect((await body(res)).error.code).toBe('MethodNotAllowed');
  });
});

describe('ARM jobs list', () => {
  let t: TestService;
  const ws = `/subscriptions/${SUB}/resourceGroups/paging/providers/Microsoft.MachineLearningServices/workspaces/paging`;
  beforeAll(async () => {
    t = await startTestService({ concurrency: 1 });
    for (let i = 0; i < 250; i += 1) {
      const jobType = i % 5 === 0 ? 'Command' : i % 5 === 1 ? 'Sweep' : 'Pipeline';
      const properties: Record<string, unknown> = {
        jobType,
        ...(jobType === 'Command' ? { command: 'true' } : {}),
        tags: i % 2 === 0 ? { even: 'yes', n: String(i) } : { odd: 'yes' },
        properties: { bucket: String(i % 3) },
        ...(i % 10 === 9 ? { isArchived: true } : {}),
      };
      const res = await t.call(`${ws}/jobs/job-${String(i).padStart(3, '0')}?${API}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ properties }),
      });
      if (res.status !== 201) throw new Error(`PUT ${i} → ${res.status}`);
    }
  }, 60_000);
  afterAll(async () => {
    await t.stop();
  });

  async function all(query: string): Promise<{ names: string[]; pages: number }> {
    const names: string[] = [];
    let pages = 0;
    let next: string | undefined = `${t.url}${ws}/jobs?${API}${query}`;
    while (next !== undefined) {
      const res = await fetch(next, { headers: t.auth });
      expect(res.status).toBe(200);
      const page = await body(res);
      pages += 1;
      names.push(...page.value.map((job: Json) => String(job.name)));
      next = page.nextLink ?? undefined;
      if (next !== undefined)
        expect(next.startsWith(`${t.url}${ws}/jobs?api-version=2025-12-01&$skip=`)).toBe(true);
    }
    return { names, pages };
  }

  it('pages over every active job newest first with absolute nextLinks', async () => {
    const { names, pages } = await all('');
    expect(names).toHaveLength(225);
    expect(pages).toBe(3);
    expect(names[0]).toBe('job-248');
    expect(new Set(names).size).toBe(225);
  });

  it('filters by listViewType', async () => {
    expect((await all('&listViewType=ArchivedOnly')).names).toHaveLength(25);
    expect((await all('&listViewType=All')).names).toHaveLength(250);
    const bad = await t.call(`${ws}/jobs?${API}&listViewType=Nope`);
    expect(bad.status).toBe(400);
  });

  it('filters by jobType, tag and properties', async () => {
    const commands = (await all('&jobType=Command&listViewType=All')).names;
    expect(commands).toHaveLength(50);
    expect(commands.every((n) => Number(n.slice(4)) % 5 === 0)).toBe(true);
    expect((await all('&tag=odd&listViewType=All')).names).toHaveLength(125);
    expect((await all('&tag=n=4&listViewType=All')).names).toEqual(['job-004']);
    const bucket = (await all('&properties=bucket=1&listViewType=All')).names;
    expect(bucket.every((n) => Number(n.slice(4)) % 3 === 1)).toBe(true);
    expect(bucket).toHaveLength(83);
    expect((await all('&properties=bucket,missing&listViewType=All')).names).toEqual([]);
  });

  it('honours $top and refuses a forged $skip', async () => {
    const res = await t.call(`${ws}/jobs?${API}&$top=7`);
    const page = await body(res);
    expect(page.value).toHaveLength(7);
    expect(page.nextLink).toContain('&$top=7');
    const bad = await t.call(`${ws}/jobs?${API}&$skip=garbage`);
    expect(bad.status).toBe(400);
  });
});
