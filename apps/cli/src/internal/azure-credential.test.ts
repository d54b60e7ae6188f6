import { describe, expect, it } from 'vitest';
import { authError, createAzureCredential, describeAuthError } from './azure-credential.js';
import type { IdentityModule } from './azure-credential.js';

function standIn(): { module: IdentityModule; made: { kind: string; options: unknown }[] } {
  const made: { kind: string; options: unknown }[] = [];
  const make = (kind: string) =>
    class {
      constructor(options?: unknown) {
        made.push({ kind, options });
      }
      getToken() {
        return Promise.resolve({ token: `${kind}-token`, expiresOnTimestamp: 0 });
      }
    };
  const module = {
    DefaultAzureCredential: make('default'),
    AzureCliCredential: make('cli'),
    ManagedIdentityCredential: make('msi'),
    EnvironmentCredential: make('env'),
    DeviceCodeCredential: make('device'),
  } as unknown as IdentityModule;
  return { module, made };
}

describe('createAzureCredential', () => {
  it('picks the credential --auth names and passes the tenant and client id from the env', async () => {
    const { module, made } = standIn();
    const env = { AZURE_TENANT_ID: 'tenant-1', AZURE_CLIENT_ID: 'client-1' };
    for (const kind of ['default', 'cli', 'msi', 'env', 'device']) {
      const credential = await createAzureCredential(kind, {
        env,
        loadIdentity: () => Promise.resolve(module),
      });
      expect(await credential.getToken('scope')).toEqual({
        token: `${kind}-token`,
        expiresOnTimestamp: 0,
      });
    }
    expect(made.map((entry) => entry.kind)).toEqual(['default', 'cli', 'msi', 'env', 'device']);
    expect(made[0]?.options).toEqual({ tenantId: 'tenant-1' });
    expect(made[1]?.options).toEqual({ tenantId: 'tenant-1' });
    expect(made[2]?.options).toEqual({ clientId: 'client-1' });
    expect(made[4]?.options).toMatchObject({ tenantId: 'tenant-1' });
  });

  it('rejects an unknown --auth value as a usage error', async () => {
    const { module } = standIn();
    await expect(
      createAzureCredential('browser', { env: {}, loadIdentity: () => Promise.resolve(module) }),
    ).rejects.toMatchObject({
      code: 'CLI_USAGE',
      message:
        'unknown --auth value: expected one of default, cli, msi, env, device, received "browser"',
    });
  });
});

describe('describeAuthError', () => {
  it('maps "not logged in" to az login', () => {
    const error = Object.assign(new Error("ERROR: Please run 'az login' to setup account."), {
      name: 'CredentialUnavailableError',
    });
    expect(describeAuthError(error)).toEqual({
      problem: 'not-logged-in',
      fix: 'not signed in: run `az login` (or use `--auth device`)',
    });
  });

  it('maps a wrong tenant to az login --tenant', () => {
    const error = new Error('AADSTS90002: Tenant 1234 not found.');
    expect(describeAuthError(error).problem).toBe('wrong-tenant');
    expect(describeAuthError(error).fix).toContain('az login --tenant <tenant-id>');
  });

  it('maps an expired sign-in to logging in again', () => {
    const error = new Error('AADSTS700082: The refresh token has expired due to inactivity.');
    expect(describeAuthError(error)).toEqual({
      problem: 'expired',
      fix: 'your sign-in expired: run `az login` again (or `--auth device`)',
    });
  });

  it('maps a missing role and unknown errors', () => {
    expect(describeAuthError(new Error('AuthorizationFailed: no access')).problem).toBe('denied');
    expect(describeAuthError(new Error('socket hang up')).fix).toBe(
      'run `amlkit auth doctor` to see what each credential source says',
    );
  });

  it('builds a CliError with exit code 9 and the fix as its hint', () => {
    const error = authError(new Error('AADSTS70043: token expired\nmore'), 'amlkit job create');
    expect(error).toMatchObject({
      code: 'CLI_AUTH',
      exitCode: 9,
      message: 'cannot sign in to Azure: AADSTS70043: token expired',
      hint: 'your sign-in expired: run `az login` again (or `--auth device`)',
    });
  });
});

describe('describeAuthError (missing tools)', () => {
  it('says to install the Azure CLI when it is missing', () => {
    const error = new Error('Azure CLI could not be found. Please visit https://aka.ms/azure-cli');
    expect(describeAuthError(error)).toEqual({
      problem: 'unavailable',
      fix: 'the Azure CLI is not installed: install it (https://aka.ms/azure-cli) and run `az login`, or pick another --auth',
    });
  });
});
