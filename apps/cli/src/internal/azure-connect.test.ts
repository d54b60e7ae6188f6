import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAzure } from './azure-connect.js';
import type { IdentityModule } from './azure-credential.js';

const WORKSPACE = { subscriptionId: 'sub', resourceGroup: 'rg', workspaceName: 'ws' };
const WS_PATH =
  '/subscriptions/sub/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws';
let origin = '';
const seen: string[] = [];
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', origin).pathname;
  seen.push(`${req.method ?? ''} ${path} ${req.headers.authorization ?? '-'}`);
  if (path === '/discovery') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ api: `${origin}/history-root` }));
    return;
  }
  if (path === WS_PATH && req.headers.authorization === 'Bearer good-token') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: WS_PATH, properties: { discoveryUrl: `${origin}/discovery` } }));
    return;
  }
  res.writeHead(401, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      error: {
        code: 'InvalidAuthenticationTokenTenant',
        message: 'The access token is from the wrong issuer.',
      },
    }),
  );
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
});

function identity(getToken: () => Promise<{ token: string; expiresOnTimestamp: number }>) {
  const Credential = class {
    getToken = getToken;
  };
  return () =>
    Promise.resolve({
      DefaultAzureCredential: Credential,
      AzureCliCredential: Credential,
    } as unknown as IdentityModule);
}

describe('connectAzure', () => {
  it('signs in with the --auth credential and finds the run-history URL', async () => {
    seen.length = 0;
    const client = await connectAzure(WORKSPACE, {
      env: {},
      auth: 'cli',
      endpoint: origin,
      command: 'amlkit job stream',
      loadIdentity: identity(() =>
        Promise.resolve({ token: 'good-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
      ),
    });
    expect(client.options.historyUrl).toBe(`${origin}/history-root`);
    // An Azure client even on this loopback stand-in, with the Azure output download.
    expect(client.backend).toBe('azure');
    expect(typeof client.options.outputDownloader).toBe('function');
    expect(seen).toEqual([`GET ${WS_PATH} Bearer good-token`, 'GET /discovery -']);
  });

  it('turns a refused token into an auth error with a one-line fix', async () => {
    const error: unknown = await connectAzure(WORKSPACE, {
      env: {},
      endpoint: origin,
      command: 'amlkit job create',
      loadIdentity: identity(() =>
        Promise.resolve({ token: 'other-tenant', expiresOnTimestamp: Date.now() + 3_600_000 }),
      ),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CLI_AUTH', exitCode: 9 });
    expect((error as { hint: string }).hint).toContain('az login --tenant <tenant-id>');
  });

  it('turns a credential that cannot sign in into "run az login"', async () => {
    const error: unknown = await connectAzure(WORKSPACE, {
      env: {},
      endpoint: origin,
      command: 'amlkit job create',
      loadIdentity: identity(() =>
        Promise.reject(new Error("ERROR: Please run 'az login' to setup account.")),
      ),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CLI_AUTH', exitCode: 9 });
    expect((error as { hint: string }).hint).toBe(
      'not signed in: run `az login` (or use `--auth device`)',
    );
  });
});
