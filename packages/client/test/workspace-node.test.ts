import { mkdir, mkdtemp, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWorkspaceConfigError } from '../src/index.js';
import { loadWorkspaceConfig, readTextFileIfExists } from '../src/node.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'amlkit-ws-'));
  await mkdir(join(root, 'project', '.azureml'), { recursive: true });
  await mkdir(join(root, 'project', 'src', 'deep'), { recursive: true });
  await writeFile(
    join(root, 'project', '.azureml', 'config.json'),
    JSON.stringify({ subscription_id: 'sub-1', resource_group: 'rg-1', workspace_name: 'ws-1' }),
  );
  await mkdir(join(root, 'broken'), { recursive: true });
  await writeFile(join(root, 'broken', 'config.json'), '{ not json');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('loadWorkspaceConfig (node entry)', () => {
  it('does find .azureml/config.json walking up from a real directory', async () => {
    const ws = await loadWorkspaceConfig({ cwd: join(root, 'project', 'src', 'deep'), env: {} });
    expect(ws).toMatchObject({
      subscriptionId: 'sub-1',
      resourceGroup: 'rg-1',
      workspaceName: 'ws-1',
    });
    expect(ws.configPath).toBe(join(root, 'project', '.azureml', 'config.json'));
  });

  it('does let env vars win over the file', async () => {
    const ws = await loadWorkspaceConfig({
      cwd: join(root, 'project'),
      env: { AZUREML_ARM_WORKSPACE_NAME: 'from-env' },
    });
    expect(ws.workspaceName).toBe('from-env');
    expect(ws.subscriptionId).toBe('sub-1');
  });

  it('does report a broken config.json with its path', async () => {
    const error = await loadWorkspaceConfig({ cwd: join(root, 'broken'), env: {} }).catch(
      (e: unknown) => e,
    );
    expect(isWorkspaceConfigError(error)).toBe(true);
    expect((error as Error).message).toContain(
      `Reading workspace config ${join(root, 'broken', 'config.json')} failed: expected JSON`,
    );
  });
});

describe('readTextFileIfExists', () => {
  it('does return undefined for missing files and directories, and reject other failures', async () => {
    expect(await readTextFileIfExists(join(root, 'nope.json'))).toBeUndefined();
    expect(await readTextFileIfExists(join(root, 'project'))).toBeUndefined();
    expect(
      await readTextFileIfExists(join(root, 'project', '.azureml', 'config.json', 'x')),
    ).toBeUndefined();
    const locked = join(root, 'locked.json');
    await writeFile(locked, '{}');
    await chmod(locked, 0o000);
    const isRoot = process.getuid?.() === 0;
    if (isRoot) expect(await readTextFileIfExists(locked)).toBe('{}');
    else await expect(readTextFileIfExists(locked)).rejects.toThrow(/EACCES/);
  });
});
