// Azure sign-in for the CLI: `--auth default|cli|msi|env|device` picks an `@azure/identity`
// credential, loaded with a dynamic `import()` only by the commands that talk to Azure (it stays
// external to the bundle, so local commands never pay for it). Errors become one-line fixes.
import type { TokenCredential } from '@amlkit/client';
import type * as Identity from '@azure/identity';
import { CLI_ERROR_CODES, CliError } from '../cli-error.js';

/** The ARM token scope every Azure request uses. */
export const ARM_SCOPE = 'https://management.azure.com/.default';

/** The `--auth` values: which credential signs in. */
export const AUTH_KINDS = ['default', 'cli', 'msi', 'env', 'device'] as const;

/** One of {@link AUTH_KINDS}. */
export type AuthKind = (typeof AUTH_KINDS)[number];

/** The `--auth` flag spec shared by the Azure commands. */
export const AUTH_FLAG = {
  name: 'auth',
  kind: 'string',
  valueName: 'KIND',
  choices: AUTH_KINDS,
  default: 'default',
  description:
    'How to sign in to Azure: default (DefaultAzureCredential), cli (az login), msi (managed identity), env (AZURE_* variables), device (device code).',
} as const;

/** The subset of `@azure/identity` the CLI uses (typed structurally, loaded lazily). */
export type IdentityModule = typeof Identity;

/** Options of {@link createAzureCredential}. */
export interface AzureCredentialOptions {
  /** Environment variables (`AZURE_TENANT_ID`, `AZURE_CLIENT_ID`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where the device-code prompt is written (stderr). */
  readonly prompt?: ((message: string) => void) | undefined;
  /**
   * Loads `@azure/identity` (tests pass a stand-in).
   * @default a dynamic `import('@azure/identity')`
   */
  readonly loadIdentity?: (() => Promise<IdentityModule>) | undefined;
}

/** `import('@azure/identity')`, once. */
let identityModule: Promise<IdentityModule> | undefined;
export function loadIdentity(): Promise<IdentityModule> {
  identityModule ??= import('@azure/identity');
  return identityModule;
}

/** Whether `value` is one of {@link AUTH_KINDS}. */
export function isAuthKind(value: unknown): value is AuthKind {
  return typeof value === 'string' && (AUTH_KINDS as readonly string[]).includes(value);
}

/**
 * The credential `--auth` names. `default` is `DefaultAzureCredential` (env, workload identity,
 * managed identity, Azure CLI, Azure PowerShell, Azure Developer CLI, in that order).
 *
 * @throws CliError (usage) for an unknown kind.
 */
export async function createAzureCredential(
  kind: string,
  options: AzureCredentialOptions,
): Promise<TokenCredential> {
  if (!isAuthKind(kind)) {
    throw new CliError(
      `unknown --auth value: expected one of ${AUTH_KINDS.join(', ')}, received ${JSON.stringify(kind)}`,
      { code: CLI_ERROR_CODES.USAGE },
    );
  }
  return identityCredential(kind, options);
}

async function identityCredential(
  kind: AuthKind,
  options: AzureCredentialOptions,
): Promise<TokenCredential> {
  const identity = await (options.loadIdentity ?? loadIdentity)();
  const tenantId = options.env['AZURE_TENANT_ID'];
  const clientId = options.env['AZURE_CLIENT_ID'];
  const tenant = tenantId === undefined || tenantId === '' ? {} : { tenantId };
  switch (kind) {
    case 'cli':
      return new identity.AzureCliCredential(tenant);
    case 'msi':
      return clientId === undefined || clientId === ''
        ? new identity.ManagedIdentityCredential()
        : new identity.ManagedIdentityCredential({ clientId });
    case 'env':
      return new identity.EnvironmentCredential();
    case 'device':
      return new identity.DeviceCodeCredential({
        ...tenant,
        userPromptCallback: (info) => {
          (options.prompt ?? ((message: string) => process.stderr.write(`${message}\n`)))(
            info.message,
          );
        },
      });
    default:
      return new identity.DefaultAzureCredential(tenant);
  }
}

/** A sign-in failure turned into what to do about it. */
export interface AuthFix {
  /** What went wrong, in a few words. */
  readonly problem:
    'not-logged-in' | 'wrong-tenant' | 'expired' | 'unavailable' | 'denied' | 'other';
  /** The one-line fix. */
  readonly fix: string;
}

/**
 * Maps an `@azure/identity` (or ARM 401/403) error to a one-line fix: not logged in, wrong
 * tenant, expired token, a credential source that is not available here, or access denied.
 */
export function describeAuthError(error: unknown): AuthFix {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (
    /AADSTS(700082|70043|50173|50078)|expired|refresh token has expired|interaction_required/i.test(
      message,
    )
  ) {
    return {
      problem: 'expired',
      fix: 'your sign-in expired: run `az login` again (or `--auth device`)',
    };
  }
  if (
    /AADSTS(90002|700016|50020|500011|90072)|tenant|InvalidAuthenticationTokenTenant/i.test(message)
  ) {
    return {
      problem: 'wrong-tenant',
      fix: 'the token is for another tenant: run `az login --tenant <tenant-id>` or set AZURE_TENANT_ID to the workspace tenant',
    };
  }
  if (/Azure CLI could not be found|az: not found|'az' is not recognized/i.test(message)) {
    return {
      problem: 'unavailable',
      fix: 'the Azure CLI is not installed: install it (https://aka.ms/azure-cli) and run `az login`, or pick another --auth',
    };
  }
  if (/az login|Please run 'az login'|not logged in|No accounts were found/i.test(message)) {
    return {
      problem: 'not-logged-in',
      fix: 'not signed in: run `az login` (or use `--auth device`)',
    };
  }
  if (/AuthorizationFailed|PermissionDenied|403/i.test(message)) {
    return {
      problem: 'denied',
      fix: 'signed in, but without access: ask for a role on the workspace (e.g. AzureML Data Scientist)',
    };
  }
  if (
    /CredentialUnavailableError|unavailable|not configured|environment variables are not fully configured/i.test(
      message,
    )
  ) {
    return {
      problem: 'unavailable',
      fix: 'this credential source is not set up here: pick another with --auth (cli, msi, env, device)',
    };
  }
  return {
    problem: 'other',
    fix: 'run `amlkit auth doctor` to see what each credential source says',
  };
}

/** Throws a CliError (exit 9) with the one-line fix of a sign-in failure. */
export function authError(error: unknown, command: string): CliError {
  const { fix } = describeAuthError(error);
  const first = (error instanceof Error ? error.message : String(error)).split('\n', 1)[0] ?? '';
  return new CliError(`cannot sign in to Azure: ${first.slice(0, 300)}`, {
    code: CLI_ERROR_CODES.AUTH,
    command,
    hint: fix,
    cause: error,
  });
}
