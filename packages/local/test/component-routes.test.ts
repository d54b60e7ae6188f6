import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { API, WS_PATH, body, startTestService } from './helpers.js';
import type { TestService } from './helpers.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const SPEC = { type: 'command', command: 'echo hi', is_deterministic: true };

describe('ARM component version routes', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService();
  });
  afterAll(async () => {
    await t.stop();
  });

  const put = (path: string, payload: unknown): Promise<Response> =>
    t.call(`${WS_PATH}/components/${path}?${API}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
    });

  it('registers a version with 201, again with 200, and gets it back as an ARM resource', async () => {
    const payload = { properties: { componentSpec: SPEC, isAnonymous: true } };
    const first = await put('azureml_anonymous/versions/v-1', payload);
    expect(first.status).toBe(201);
    const again = await put('azureml_anonymous/versions/v-1', payload);
    expect(again.status).toBe(200);
    const got = await body(
      await t.call(`${WS_PATH}/components/azureml_anonymous/versions/v-1?${API}`),
    );
    expect(got).toMatchObject({
      id: `${WS_PATH}/components/azureml_anonymous/versions/v-1`,
      name: 'v-1',
      type: 'Microsoft.MachineLearningServices/workspaces/components/versions',
      properties: { componentSpec: SPEC, isAnonymous: true },
    });
  });

  it('answers 404 for a version never registered, and 400 for a body without a typed spec', async () => {
    const missing = await t.call(`${WS_PATH}/components/nope/versions/1?${API}`);
    expect(missing.status).toBe(404);
    expect((await body(missing)).error.message).toContain('Component nope:1 was not found');
    const bad = await put('x/versions/1', { properties: { componentSpec: { command: 'echo' } } });
    expect(bad.status).toBe(400);
    expect((await body(bad)).error.message).toContain(
      'Invalid properties.componentSpec: expected the component dictionary with a "type"',
    );
    const badName = await put('bad name/versions/1', { properties: { componentSpec: SPEC } });
    expect(badName.status).toBe(400);
    const wrongRoute = await t.call(`${WS_PATH}/components/x?${API}`);
    expect(wrongRoute.status).toBe(404);
  });
});
