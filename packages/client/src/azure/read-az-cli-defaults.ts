import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { WorkspaceConfigError } from '../errors/workspace-config-error.js';

/** Options of {@link readAzCliDefaults}. */
export interface ReadAzCliDefaultsOptions {
  /**
   * Environment variables (`AZURE_CONFIG_DIR`, `AZURE_DEFAULTS_GROUP`, `AZURE_DEFAULTS_WORKSPACE`).
   * @default process.env
   */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /**
   * The home folder `.azure` is looked up in when `AZURE_CONFIG_DIR` is unset.
   * @default os.homedir()
   */
  readonly homeDir?: string | undefined;
}

/** What `az configure --defaults` and `az account set` left for the workspace flags. */
export interface AzCliDefaults {
  /** The default subscription of `az account set` (`azureProfile.json`, `isDefault`). */
  readonly subscriptionId: string | undefined;
  /** `az configure --defaults group=<rg>` (or `AZURE_DEFAULTS_GROUP`). */
  readonly resourceGroup: string | undefined;
  /** `az configure --defaults workspace=<ws>` (or `AZURE_DEFAULTS_WORKSPACE`). */
  readonly workspaceName: string | undefined;
  /** The tenant of the default subscription. */
  readonly tenantId: string | undefined;
  /** The files that were read. */
  readonly files: readonly string[];
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw error;
  }
}

/** The `[defaults]` section of az's INI config (`key = value`, `#`/`;` comments). */
function parseDefaults(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header !== null) {
      section = (header[1] ?? '').trim().toLowerCase();
      continue;
    }
    const pair = /^([^=:]+)[=:](.*)$/.exec(line);
    if (section === 'defaults' && pair !== null) {
      const value = (pair[2] ?? '').trim();
      if (value !== '') out[(pair[1] ?? '').trim().toLowerCase()] = value;
    }
  }
  return out;
}

function given(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * Reads the workspace defaults the `az` CLI keeps, for the last step of workspace selection
 * (after flags, environment variables and `config.json`): `az configure --defaults group=…
 * workspace=…` (the `[defaults]` section of `$AZURE_CONFIG_DIR/config`, `~/.azure/config` by
 * default, overridden by `AZURE_DEFAULTS_GROUP`/`AZURE_DEFAULTS_WORKSPACE`) and the subscription
 * of `az account set` (`azureProfile.json`, the entry with `isDefault`). Missing files give
 * `undefined` fields.
 *
 * @throws WorkspaceConfigError when `azureProfile.json` is not JSON.
 * @example
 * ```ts
 * const defaults = await readAzCliDefaults();
 * const workspace = await loadWorkspaceConfig({
 *   subscriptionId: flags.subscription ?? defaults.subscriptionId, …
 * });
 * ```
 */
export async function readAzCliDefaults(
  options: ReadAzCliDefaultsOptions = {},
): Promise<AzCliDefaults> {
  const env = options.env ?? process.env;
  const dir = given(env['AZURE_CONFIG_DIR']) ?? join(options.homeDir ?? homedir(), '.azure');
  const files: string[] = [];
  const configPath = join(dir, 'config');
  const config = await readIfExists(configPath);
  if (config !== undefined) files.push(configPath);
  const defaults = config === undefined ? {} : parseDefaults(config);
  const profilePath = join(dir, 'azureProfile.json');
  const profileText = await readIfExists(profilePath);
  let subscriptionId: string | undefined;
  let tenantId: string | undefined;
  if (profileText !== undefined) {
    files.push(profilePath);
    let profile: unknown;
    try {
      // az writes it with a UTF-8 byte order mark.
      profile = JSON.parse(profileText.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new WorkspaceConfigError({
        message: `Cannot read ${profilePath}: expected the JSON that 'az login' writes, received ${JSON.stringify(profileText.slice(0, 80))}`,
        path: profilePath,
        cause: error,
      });
    }
    const subscriptions = (profile as { subscriptions?: unknown }).subscriptions;
    if (Array.isArray(subscriptions)) {
      const current = subscriptions.find(
        (entry): entry is Record<string, unknown> =>
          typeof entry === 'object' &&
          entry !== null &&
          (entry as { isDefault?: unknown }).isDefault === true,
      );
      if (typeof current?.['id'] === 'string') subscriptionId = current['id'];
      if (typeof current?.['tenantId'] === 'string') tenantId = current['tenantId'];
    }
  }
  return {
    subscriptionId,
    resourceGroup: given(env['AZURE_DEFAULTS_GROUP']) ?? defaults['group'],
    workspaceName: given(env['AZURE_DEFAULTS_WORKSPACE']) ?? defaults['workspace'],
    tenantId,
    files,
  };
}
