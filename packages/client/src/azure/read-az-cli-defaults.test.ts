import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isWorkspaceConfigError } from '../errors/workspace-config-error.js';
import { readAzCliDefaults } from './read-az-cli-defaults.js';

let home: string;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'amlkit-az-defaults-'));
  await mkdir(join(home, '.azure'));
});

afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const profile = {
  subscriptions: [
    { id: 'sub-other', tenantId: 't-other', isDefault: false },
    { id: 'sub-default', tenantId: 't-default', isDefault: true },
  ],
};

describe('readAzCliDefaults', () => {
  it('reads az configure --defaults and the az account set subscription', async () => {
    await writeFile(
      join(home, '.azure', 'config'),
      '[cloud]\nname = AzureCloud\n\n[defaults]\n# set by az configure\ngroup = my-rg\nworkspace = my-ws\n',
    );
    await writeFile(join(home, '.azure', 'azureProfile.json'), `\uFEFF${JSON.stringify(profile)}`);
    expect(await readAzCliDefaults({ env: {}, homeDir: home })).toEqual({
      subscriptionId: 'sub-default',
      resourceGroup: 'my-rg',
      workspaceName: 'my-ws',
      tenantId: 't-default',
      files: [join(home, '.azure', 'config'), join(home, '.azure', 'azureProfile.json')],
    });
  });

  it('lets AZURE_DEFAULTS_* override the file and AZURE_CONFIG_DIR move it', async () => {
    const dir = join(home, 'elsewhere');
    await mkdir(dir);
    await writeFile(join(dir, 'config'), '[defaults]\ngroup=file-rg\nworkspace=file-ws\n');
    const defaults = await readAzCliDefaults({
      env: { AZURE_CONFIG_DIR: dir, AZURE_DEFAULTS_WORKSPACE: 'env-ws' },
      homeDir: home,
    });
    expect(defaults).toMatchObject({ resourceGroup: 'file-rg', workspaceName: 'env-ws' });
    expect(defaults.subscriptionId).toBeUndefined();
  });

  it('gives undefined fields when az never ran, and ignores keys outside [defaults]', async () => {
    expect(await readAzCliDefaults({ env: {}, homeDir: join(home, 'none') })).toEqual({
      subscriptionId: undefined,
      resourceGroup: undefined,
      workspaceName: undefined,
      tenantId: undefined,
      files: [],
    });
    await writeFile(join(home, '.azure', 'config'), '[core]\ngroup = not-a-default\n');
    expect((await readAzCliDefaults({ env: {}, homeDir: home })).resourceGroup).toBeUndefined();
  });

  it('rejects a profile that is not JSON, naming the file', async () => {
    await writeFile(join(home, '.azure', 'azureProfile.json'), 'not json');
    const error: unknown = await readAzCliDefaults({ env: {}, homeDir: home }).catch(
      (e: unknown) => e,
    );
    expect(isWorkspaceConfigError(error)).toBe(true);
    expect((error as Error).message).toContain(join(home, '.azure', 'azureProfile.json'));
  });
});
