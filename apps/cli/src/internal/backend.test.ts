import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCliError } from '../cli-error.js';
import { EXIT_CODES } from '../exit-codes.js';
import { connect, resolveTarget } from './backend.js';

const COMMAND = 'amlkit job list';
let root: string;
let empty: string;
let configured: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'amlkit-backend-'));
  empty = join(root, 'empty');
  configured = join(root, 'configured', 'sub', 'dir');
  await mkdir(empty, { recursive: true });
  await mkdir(configured, { recursive: true });
  await writeFile(
    join(root, 'configured', 'config.json'),
    JSON.stringify({ subscription_id: 'sub-1', resource_group: 'rg-1', workspace_name: 'ws-1' }),
  );
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}): Record<string, string> => ({
  AMLKIT_HOME: join(root, 'home'),
  // Never the user's ~/.azure.
  AZURE_CONFIG_DIR: join(root, 'no-az-config'),
  ...extra,
});

/** An `az` config folder: `az configure --defaults` and `az account set` written by hand. */
async function azConfigDir(
  name: string,
  defaults: string,
  subscription: string | undefined,
): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'config'), `[core]\noutput = json\n\n[defaults]\n${defaults}\n`);
  if (subscription !== undefined) {
    // az writes azureProfile.json with a byte order mark.
    await writeFile(
      join(dir, 'azureProfile.json'),
      `\uFEFF${JSON.stringify({ subscriptions: [{ id: subscription, tenantId: 't', isDefault: true }] })}`,
    );
  }
  return dir;
}

describe('resolveTarget', () => {
  it('picks the local service of AMLKIT_HOME when no workspace is configured', async () => {
    const target = await resolveTarget({}, { env: env(), command: COMMAND, cwd: empty });
    expect(target).toEqual({ kind: 'local', home: join(root, 'home'), url: undefined });
  });

  it('takes a loopback --endpoint as a local service URL', async () => {
    const target = await resolveTarget(
      { endpoint: 'http://127.0.0.1:7070/' },
      { env: env(), command: COMMAND, cwd: empty },
    );
    expect(target).toMatchObject({ kind: 'local', url: 'http://127.0.0.1:7070' });
  });

  it('picks Azure from a config.json above the working directory', async () => {
    const target = await resolveTarget({}, { env: env(), command: COMMAND, cwd: configured });
    expect(target).toEqual({
      kind: 'azure',
      endpoint: 'https://management.azure.com',
      workspace: { subscriptionId: 'sub-1', resourceGroup: 'rg-1', workspaceName: 'ws-1' },
      configPath: join(root, 'configured', 'config.json'),
    });
  });

  it('lets flags and AZUREML_ARM_* variables win over each other in az order', async () => {
    const target = await resolveTarget(
      { resourceGroup: 'rg-flag', endpoint: 'https://example.test' },
      {
        env: env({ AZUREML_ARM_SUBSCRIPTION: 'sub-env', AZUREML_ARM_WORKSPACE_NAME: 'ws-env' }),
        command: COMMAND,
        cwd: empty,
      },
    );
    expect(target).toMatchObject({
      kind: 'azure',
      endpoint: 'https://example.test',
      workspace: { subscriptionId: 'sub-env', resourceGroup: 'rg-flag', workspaceName: 'ws-env' },
    });
  });

  it('does pick Azure from the az CLI default workspace, as the last step', async () => {
    const dir = await azConfigDir('az-full', 'group = rg-az\nworkspace = ws-az', 'sub-az');
    const target = await resolveTarget(
      {},
      { env: env({ AZURE_CONFIG_DIR: dir }), command: COMMAND, cwd: empty },
    );
    expect(target).toMatchObject({
      kind: 'azure',
      workspace: { subscriptionId: 'sub-az', resourceGroup: 'rg-az', workspaceName: 'ws-az' },
    });
  });

  it('does fill only the missing fields from the az CLI defaults', async () => {
    const dir = await azConfigDir('az-fill', 'group = rg-az\nworkspace = ws-az', 'sub-az');
    const target = await resolveTarget(
      { workspaceName: 'ws-flag' },
      {
        env: env({ AZURE_CONFIG_DIR: dir, AZUREML_ARM_RESOURCEGROUP: 'rg-env' }),
        command: COMMAND,
        cwd: empty,
      },
    );
    expect(target).toMatchObject({
      kind: 'azure',
      workspace: { subscriptionId: 'sub-az', resourceGroup: 'rg-env', workspaceName: 'ws-flag' },
    });
  });

  it('does keep config.json ahead of the az CLI defaults', async () => {
    const dir = await azConfigDir('az-behind', 'group = rg-az\nworkspace = ws-az', 'sub-az');
    const target = await resolveTarget(
      {},
      { env: env({ AZURE_CONFIG_DIR: dir }), command: COMMAND, cwd: configured },
    );
    expect(target).toMatchObject({
      workspace: { subscriptionId: 'sub-1', resourceGroup: 'rg-1', workspaceName: 'ws-1' },
    });
  });

  it('does stay local when the az CLI defaults name no workspace', async () => {
    const dir = await azConfigDir('az-group-only', 'group = rg-az', 'sub-az');
    const target = await resolveTarget(
      {},
      { env: env({ AZURE_CONFIG_DIR: dir }), command: COMMAND, cwd: empty },
    );
    expect(target).toMatchObject({ kind: 'local' });
  });

  it('turns an incomplete workspace into a usage error', async () => {
    const error: unknown = await resolveTarget(
      { workspaceName: 'ws' },
      { env: env(), command: COMMAND, cwd: empty },
    ).catch((e: unknown) => e);
    expect(isCliError(error) && error.exitCode).toBe(EXIT_CODES.USAGE_ERROR);
  });
});

describe('connect', () => {
  it('does sign in to Azure with the --auth credential: without one, exit 9 and the fix', async () => {
    const error: unknown = await connect(
      { subscription: 's', resourceGroup: 'g', workspaceName: 'w' },
      {
        // No AZURE_CLIENT_ID/SECRET/TENANT: EnvironmentCredential fails before any request.
        env: env(),
        auth: 'env',
        command: COMMAND,
        cwd: empty,
        cliPath: '/nonexistent/cli.js',
      },
    ).catch((e: unknown) => e);
    expect(isCliError(error) && error.exitCode).toBe(EXIT_CODES.AUTH_ERROR);
    expect((error as Error).message).toContain('cannot sign in to Azure: EnvironmentCredential');
    expect((error as { hint?: string }).hint).toBe(
      'this credential source is not set up here: pick another with --auth (cli, msi, env, device)',
    );
  });

  it('does refuse an unknown --auth as a usage error', async () => {
    const error: unknown = await connect(
      { subscription: 's', resourceGroup: 'g', workspaceName: 'w' },
      { env: env(), auth: 'token', command: COMMAND, cwd: empty, cliPath: '/nonexistent/cli.js' },
    ).catch((e: unknown) => e);
    expect(isCliError(error) && error.exitCode).toBe(EXIT_CODES.USAGE_ERROR);
  });
});
