import { describe, expect, it } from 'vitest';
import { CREDENTIAL_SOURCES, runAuthDoctor } from './azure-auth-doctor.js';

const jwt = (claims: Record<string, unknown>): string =>
  ['e30', Buffer.from(JSON.stringify(claims)).toString('base64url'), 'sig'].join('.');

describe('runAuthDoctor', () => {
  it('reports every source in DefaultAzureCredential order with claims, never the token', async () => {
    const token = jwt({ tid: 'tenant-1', upn: 'ada@example.com' });
    const reports = await runAuthDoctor({
      credentialOf: (source) =>
        Promise.resolve({
          getToken: () => {
            if (source === 'cli')
              return Promise.resolve({ token, expiresOnTimestamp: Date.UTC(2030, 0, 1) });
            if (source === 'env') {
              return Promise.reject(
                Object.assign(
                  new Error(
                    'EnvironmentCredential is unavailable. Environment variables are not fully configured.',
                  ),
                  {
                    name: 'CredentialUnavailableError',
                  },
                ),
              );
            }
            return Promise.reject(new Error('AADSTS90002: Tenant not found'));
          },
        }),
    });
    expect(reports.map((report) => report.source)).toEqual([...CREDENTIAL_SOURCES]);
    expect(reports.find((report) => report.source === 'cli')).toEqual({
      source: 'cli',
      status: 'ok',
      detail: 'tenant tenant-1, as ada@example.com, expires 2030-01-01T00:00:00.000Z',
      fix: '',
    });
    expect(reports[0]).toMatchObject({ source: 'env', status: 'unavailable' });
    expect(reports.find((report) => report.source === 'msi')).toMatchObject({
      status: 'error',
      detail: 'AADSTS90002: Tenant not found',
    });
    expect(JSON.stringify(reports)).not.toContain(token);
  });

  it('gives up on a source that does not answer', async () => {
    const reports = await runAuthDoctor({
      timeoutMs: 50,
      credentialOf: () =>
        Promise.resolve({
          getToken: (_scope, options) =>
            new Promise((_resolve, reject) => {
              options?.abortSignal?.addEventListener('abort', () => {
                reject(new Error('probe aborted: the source did not answer'));
              });
            }),
        }),
    });
    expect(reports.every((report) => report.status === 'error')).toBe(true);
    expect(reports[0]?.detail).toBe('probe aborted: the source did not answer');
  });
});
