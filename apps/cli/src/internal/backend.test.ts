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
  ...extra,
});

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

  it('turns an incomplete workspace into a usage error', async () => {
    const error: unknown = await resolveTarget(
      { workspaceName: 'ws' },
      { env: env(), command: COMMAND, cwd: empty },
    ).catch((e: unknown) => e);
    expect(isCliError(error) && error.exitCode).toBe(EXIT_CODES.USAGE_ERROR);
  });
});

describe('connect', () => {
  it('stops with the auth exit code for Azure, naming the workspace', async () => {
    const error: unknown = await connect(
      { subscription: 's', resourceGroup: 'g', workspaceName: 'w' },
      { env: env(), command: COMMAND, cwd: empty, cliPath: '/nonexistent/cli.js' },
    ).catch((e: unknown) => e);
    expect(isCliError(error) && error.exitCode).toBe(EXIT_CODES.AUTH_ERROR);
    expect((error as Error).message).toContain('workspace w (resource group g, subscription s');
    expect((error as Error).message).toContain('Azure credentials come with the Azure issue');
  });
});
