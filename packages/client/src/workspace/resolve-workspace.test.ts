import { describe, expect, it } from 'vitest';
import { isWorkspaceConfigError, WorkspaceConfigError } from '../errors/workspace-config-error.js';
import { findWorkspaceConfigFile, resolveWorkspace } from './resolve-workspace.js';

function memoryFs(files: Record<string, string>) {
  const reads: string[] = [];
  const readFile = (path: string): Promise<string | undefined> => {
    reads.push(path);
    return Promise.resolve(files[path]);
  };
  return { readFile, reads };
}

const FILE = JSON.stringify({
  subscription_id: 'file-sub',
  resource_group: 'file-rg',
  workspace_name: 'file-ws',
});
const ENV = {
  AZUREML_ARM_SUBSCRIPTION: 'env-sub',
  AZUREML_ARM_RESOURCEGROUP: 'env-rg',
  AZUREML_ARM_WORKSPACE_NAME: 'env-ws',
};

describe('resolveWorkspace', () => {
  it('does prefer explicit options, then env vars, then the config file, per field', async () => {
    const fs = memoryFs({ '/p/config.json': FILE });
    const ws = await resolveWorkspace({
      workspaceName: 'cli-ws',
      env: { AZUREML_ARM_RESOURCEGROUP: 'env-rg' },
      cwd: '/p',
      readFile: fs.readFile,
    });
    expect(ws).toEqual({
      subscriptionId: 'file-sub',
      resourceGroup: 'env-rg',
      workspaceName: 'cli-ws',
      sources: { subscriptionId: 'file', resourceGroup: 'env', workspaceName: 'explicit' },
      configPath: '/p/config.json',
    });
  });

  it('does not touch the file system when options and env are complete', async () => {
    const fs = memoryFs({});
    const ws = await resolveWorkspace({ env: ENV, cwd: '/p', readFile: fs.readFile });
    expect(ws.subscriptionId).toBe('env-sub');
    expect(fs.reads).toEqual([]);
  });

  it('does search .azureml/config.json up the tree before config.json, like MLClient.from_config', async () => {
    const fs = memoryFs({
      '/repo/sub/config.json': JSON.stringify({
        subscription_id: 'near',
        resource_group: 'r',
        workspace_name: 'w',
      }),
      '/repo/.azureml/config.json': JSON.stringify({
        subscription_id: 'dot-azureml',
        resource_group: 'r',
        workspace_name: 'w',
      }),
    });
    const ws = await resolveWorkspace({ cwd: '/repo/sub/deeper', readFile: fs.readFile });
    expect(ws.subscriptionId).toBe('dot-azureml');
    expect(ws.configPath).toBe('/repo/.azureml/config.json');
    expect(fs.reads.slice(0, 3)).toEqual([
      '/repo/sub/deeper/.azureml/config.json',
      '/repo/sub/.azureml/config.json',
      '/repo/.azureml/config.json',
    ]);
  });

  it('does fall back to config.json and walk Windows paths', async () => {
    const fs = memoryFs({ 'C:\\work\\config.json': FILE });
    const found = await findWorkspaceConfigFile('C:\\work\\proj', { readFile: fs.readFile });
    expect(found?.path).toBe('C:\\work\\config.json');
    expect(fs.reads).toEqual([
      'C:\\work\\proj\\.azureml\\config.json',
      'C:\\work\\.azureml\\config.json',
      'C:\\.azureml\\config.json',
      'C:\\work\\proj\\config.json',
      'C:\\work\\config.json',
    ]);
  });

  it('does stop the search when the signal is aborted', async () => {
    const fs = memoryFs({});
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(
      resolveWorkspace({ cwd: '/a/b', readFile: fs.readFile, signal: controller.signal }),
    ).rejects.toThrow('stop');
    expect(fs.reads).toEqual([]);
  });

  it('does stop climbing after maxLevels', async () => {
    const fs = memoryFs({ '/config.json': FILE });
    expect(
      await findWorkspaceConfigFile('/a/b/c', { readFile: fs.readFile, maxLevels: 1 }),
    ).toBeUndefined();
    expect(fs.reads).toEqual([
      '/a/b/c/.azureml/config.json',
      '/a/b/.azureml/config.json',
      '/a/b/c/config.json',
      '/a/b/config.json',
    ]);
  });

  it('does read the workspace ARM id from Scope', async () => {
    const fs = memoryFs({
      '/w/config.json': JSON.stringify({
        Scope:
          '/subscriptions/s-1/resourceGroups/rg-1/providers/Microsoft.MachineLearningServices/workspaces/ws-1',
      }),
    });
    const ws = await resolveWorkspace({ cwd: '/w', readFile: fs.readFile });
    expect([ws.subscriptionId, ws.resourceGroup, ws.workspaceName]).toEqual([
      's-1',
      'rg-1',
      'ws-1',
    ]);
  });

  it('does read an explicit configPath and fail when it is missing', async () => {
    const fs = memoryFs({ '/etc/aml.json': FILE });
    expect(
      (await resolveWorkspace({ configPath: '/etc/aml.json', readFile: fs.readFile }))
        .workspaceName,
    ).toBe('file-ws');
    await expect(
      resolveWorkspace({ configPath: '/nope.json', readFile: fs.readFile }),
    ).rejects.toThrow(
      'Reading workspace config /nope.json failed: expected the file to exist, received no such file',
    );
  });

  it('does report malformed JSON, wrong shapes and missing keys with the path', async () => {
    const cases: [string, RegExp][] = [
      [
        '{"subscription_id": ',
        /\/x\/config\.json failed: expected JSON, received "\{\\"subscription_id\\": "/,
      ],
      ['[1]', /expected a JSON object, received an array/],
      [
        JSON.stringify({ subscription_id: 's', workspace: 'w' }),
        /missing resource_group, workspace_name \(received keys: subscription_id, workspace\)/,
      ],
      [JSON.stringify({ Scope: '/subscriptions/s' }), /expected "Scope" to be a workspace ARM id/],
    ];
    for (const [text, message] of cases) {
      const error = await resolveWorkspace({
        cwd: '/x',
        readFile: memoryFs({ '/x/config.json': text }).readFile,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkspaceConfigError);
      expect((error as WorkspaceConfigError).path).toBe('/x/config.json');
      expect((error as Error).message).toMatch(message);
    }
  });

  it('does wrap a failing readFile', async () => {
    const readFile = () => Promise.reject(new Error('EACCES: permission denied'));
    const error = await resolveWorkspace({ cwd: '/x', readFile }).catch((e: unknown) => e);
    expect(isWorkspaceConfigError(error)).toBe(true);
    expect((error as Error).message).toBe(
      'Reading workspace config /x/.azureml/config.json failed: expected a readable file, received EACCES: permission denied',
    );
  });

  it('does list every missing field and its sources', async () => {
    const error = await resolveWorkspace({ env: { AZUREML_ARM_SUBSCRIPTION: 's' } }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toBe(
      'Resolving the workspace failed: expected subscriptionId, resourceGroup and workspaceName, missing resourceGroup (option resourceGroup or env AZUREML_ARM_RESOURCEGROUP), workspaceName (option workspaceName or env AZUREML_ARM_WORKSPACE_NAME); no config file search (cwd and readFile not given)',
    );
    const searched = await resolveWorkspace({ cwd: '/a', readFile: memoryFs({}).readFile }).catch(
      (e: unknown) => e,
    );
    expect((searched as Error).message).toContain(
      'no config file found (looked for .azureml/config.json or config.json in /a and its parents)',
    );
  });
});
