// `amlkit auth doctor`: asks each Azure credential source for an ARM token and reports what it
// says, with the one-line fix of each failure. Tokens are never printed: only their expiry and
// the tenant / identity claims.
import { ARM_SCOPE, describeAuthError, loadIdentity } from './azure-credential.js';
import type { IdentityModule } from './azure-credential.js';

/** The credential sources in `DefaultAzureCredential` order. */
export const CREDENTIAL_SOURCES = [
  'env',
  'workload-identity',
  'msi',
  'cli',
  'powershell',
  'azd',
] as const;

/** One of {@link CREDENTIAL_SOURCES}. */
export type CredentialSource = (typeof CREDENTIAL_SOURCES)[number];

/** What one source said. */
export interface CredentialReport {
  readonly source: CredentialSource;
  readonly status: 'ok' | 'unavailable' | 'error';
  /** For `ok`: the token's tenant, identity and expiry; otherwise the first line of the error. */
  readonly detail: string;
  /** What to do about a failure. */
  readonly fix: string;
}

interface TokenSource {
  getToken(
    scopes: string,
    options?: { abortSignal?: AbortSignal },
  ): Promise<{ token: string; expiresOnTimestamp: number } | null>;
}

/** Options of {@link runAuthDoctor}. */
export interface AuthDoctorOptions {
  /** Aborts every probe. */
  readonly signal?: AbortSignal | undefined;
  /**
   * The credential of a source (tests pass stand-ins).
   * @default the `@azure/identity` class of the source
   */
  readonly credentialOf?: ((source: CredentialSource) => Promise<TokenSource>) | undefined;
  /**
   * The longest wait for one source.
   * @default 15_000
   */
  readonly timeoutMs?: number | undefined;
}

function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (payload === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function identityCredentialOf(source: CredentialSource): Promise<TokenSource> {
  const identity: IdentityModule = await loadIdentity();
  switch (source) {
    case 'env':
      return new identity.EnvironmentCredential();
    case 'workload-identity':
      return new identity.WorkloadIdentityCredential();
    case 'msi':
      return new identity.ManagedIdentityCredential();
    case 'cli':
      return new identity.AzureCliCredential();
    case 'powershell':
      return new identity.AzurePowerShellCredential();
    default:
      return new identity.AzureDeveloperCliCredential();
  }
}

async function probe(
  source: CredentialSource,
  options: AuthDoctorOptions,
): Promise<CredentialReport> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 15_000);
  const signal =
    options.signal === undefined ? timeout : AbortSignal.any([options.signal, timeout]);
  try {
    const credential = await (options.credentialOf ?? identityCredentialOf)(source);
    const token = await credential.getToken(ARM_SCOPE, { abortSignal: signal });
    if (token === null) {
      return { source, status: 'unavailable', detail: 'no token', fix: describeAuthError('').fix };
    }
    const claims = claimsOf(token.token);
    const who = [claims['upn'], claims['unique_name'], claims['appid'], claims['oid']].find(
      (value): value is string => typeof value === 'string',
    );
    const parts = [
      typeof claims['tid'] === 'string' ? `tenant ${claims['tid']}` : undefined,
      who === undefined ? undefined : `as ${who}`,
      `expires ${new Date(token.expiresOnTimestamp).toISOString()}`,
    ].filter((part): part is string => part !== undefined);
    return { source, status: 'ok', detail: parts.join(', '), fix: '' };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const message = error instanceof Error ? error.message : String(error);
    const first = (message.split('\n', 1)[0] ?? '').slice(0, 200);
    const { problem, fix } = describeAuthError(error);
    return {
      source,
      status:
        name === 'CredentialUnavailableError' || problem === 'unavailable'
          ? 'unavailable'
          : 'error',
      detail: first,
      fix,
    };
  }
}

/** Probes every source, one after the other (several share the same machine state). */
export async function runAuthDoctor(options: AuthDoctorOptions = {}): Promise<CredentialReport[]> {
  const reports: CredentialReport[] = [];
  for (const source of CREDENTIAL_SOURCES) reports.push(await probe(source, options));
  return reports;
}
