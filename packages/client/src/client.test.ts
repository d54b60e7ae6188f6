import { describe, expect, it } from 'vitest';
import { createClient, createLocalClient, DEFAULT_ENDPOINT } from './client.js';
import { createStaticTokenCredential } from './auth/static-token-credential.js';

const workspace = { subscriptionId: 'sub', resourceGroup: 'rg', workspaceName: 'ws' };
const credential = createStaticTokenCredential('token');

describe('createClient', () => {
  it('targets Azure by default and the local backend for a loopback endpoint', () => {
    expect(createClient({ workspace, credential }).backend).toBe('azure');
    expect(DEFAULT_ENDPOINT).toBe('https://management.azure.com');
    expect(createClient({ workspace, credential, endpoint: 'http://127.0.0.1:9' }).backend).toBe(
      'local',
    );
    expect(createClient({ workspace, credential, endpoint: 'http://localhost:9' }).backend).toBe(
      'local',
    );
  });

  it('rejects missing workspace or credential', () => {
    expect(() => createClient({ credential } as never)).toThrow(/workspace/);
    expect(() => createClient({ workspace } as never)).toThrow(/TokenCredential/);
  });

  it('derives clients with withOptions and leaves the original alone', () => {
    const client = createClient({ workspace, credential, maxRetries: 1 });
    const derived = client.withOptions({ maxRetries: 5, endpoint: 'http://127.0.0.1:1' });
    expect(derived.options.maxRetries).toBe(5);
    expect(derived.backend).toBe('local');
    expect(client.options.maxRetries).toBe(1);
    expect(client.backend).toBe('azure');
    expect(Object.isFrozen(client.options)).toBe(true);
  });
});

describe('createLocalClient', () => {
  it('uses the local workspace and refuses an empty token', () => {
    const client = createLocalClient({ url: 'http://127.0.0.1:1', token: 'abc' });
    expect(client.options.workspace).toEqual({
      subscriptionId: '00000000-0000-0000-0000-000000000000',
      resourceGroup: 'local',
      workspaceName: 'local',
    });
    expect(client.backend).toBe('local');
    expect(() => createLocalClient({ url: 'http://127.0.0.1:1', token: ' ' })).toThrow(TypeError);
  });
});
