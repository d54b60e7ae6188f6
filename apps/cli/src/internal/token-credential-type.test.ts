// A real `@azure/identity` credential is the client's `TokenCredential` as is (no adapter), also
// under `exactOptionalPropertyTypes`: the assignments below fail `pnpm typecheck` otherwise.
import type { GetTokenOptions, TokenCredential } from '@amlkit/client';
import { AzureCliCredential, DefaultAzureCredential } from '@azure/identity';
import { describe, expect, it } from 'vitest';

describe('TokenCredential (type)', () => {
  it('does accept a DefaultAzureCredential and an AzureCliCredential without an adapter', () => {
    const credential: TokenCredential = new DefaultAzureCredential();
    const cli: TokenCredential = new AzureCliCredential();
    const options: GetTokenOptions = { abortSignal: new AbortController().signal, tenantId: 't' };
    // What the client passes is what @azure/identity takes.
    const passed: Parameters<DefaultAzureCredential['getToken']>[1] = options;
    expect(typeof credential.getToken).toBe('function');
    expect(typeof cli.getToken).toBe('function');
    expect(passed).toBe(options);
  });
});
