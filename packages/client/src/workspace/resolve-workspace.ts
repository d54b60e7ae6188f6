import { WorkspaceConfigError } from '../errors/workspace-config-error.js';
import { joinPath, parentPath } from '../internal/path.js';
import { truncate } from '../internal/truncate.js';

/** The three coordinates of an Azure ML workspace. */
export interface WorkspaceConfig {
  /** The Azure subscription id (a GUID). */
  readonly subscriptionId: string;
  /** The resource group name. */
  readonly resourceGroup: string;
  /** The workspace name. */
  readonly workspaceName: string;
}

/** Where a resolved field came from. */
export type WorkspaceFieldSource = 'explicit' | 'env' | 'file';

/** A resolved workspace plus where each field came from. */
export interface ResolvedWorkspace extends WorkspaceConfig {
  /** The source of each field. */
  readonly sources: {
    readonly subscriptionId: WorkspaceFieldSource;
    readonly resourceGroup: WorkspaceFieldSource;
    readonly workspaceName: WorkspaceFieldSource;
  };
  /** The config file that was read, if one was. */
  readonly configPath?: string;
}

/**
 * Reads a text file: resolves to its content, or `undefined` when it does not
 * exist. Any other failure should reject.
 */
export type ReadTextFile = (path: string) => Promise<string | undefined>;

/** Options of {@link resolveWorkspace}. Explicit fields win over `env`, which wins over the config file. */
export interface ResolveWorkspaceOptions {
  /** The subscription id (e.g. from `--subscription`). */
  readonly subscriptionId?: string | undefined;
  /** The resource group (e.g. from `--resource-group`). */
  readonly resourceGroup?: string | undefined;
  /** The workspace name (e.g. from `--workspace`). */
  readonly workspaceName?: string | undefined;
  /**
   * Environment variables; `AZUREML_ARM_SUBSCRIPTION`, `AZUREML_ARM_RESOURCEGROUP`
   * and `AZUREML_ARM_WORKSPACE_NAME` are read (the names Azure ML sets inside its jobs).
   * @default {} (browser-safe; the `@amlkit/client/node` entry passes `process.env`)
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The directory to start the config file search from; no search without it. */
  readonly cwd?: string | undefined;
  /** Reads a config file; no search without it. */
  readonly readFile?: ReadTextFile | undefined;
  /** A config file to read instead of searching. */
  readonly configPath?: string | undefined;
  /**
   * How many parent directories to climb (the Python SDK's 20).
   * @default 20
   */
  readonly maxLevels?: number | undefined;
  /** Stops the file search (the promise rejects with the signal's reason). */
  readonly signal?: AbortSignal | undefined;
}

/** The environment variables read by {@link resolveWorkspace}. */
export const WORKSPACE_ENV_VARS = {
  subscriptionId: 'AZUREML_ARM_SUBSCRIPTION',
  resourceGroup: 'AZUREML_ARM_RESOURCEGROUP',
  workspaceName: 'AZUREML_ARM_WORKSPACE_NAME',
} as const;

const FIELDS = ['subscriptionId', 'resourceGroup', 'workspaceName'] as const;
type Field = (typeof FIELDS)[number];

const FILE_KEYS: Readonly<Record<Field, string>> = {
  subscriptionId: 'subscription_id',
  resourceGroup: 'resource_group',
  workspaceName: 'workspace_name',
};

const SCOPE_PATTERN =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.MachineLearningServices\/workspaces\/([^/]+)\/?$/i;

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function parseConfigFile(text: string, path: string): WorkspaceConfig {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new WorkspaceConfigError({
      message: `Reading workspace config ${path} failed: expected JSON, received ${JSON.stringify(truncate(text, 80))} (${cause instanceof Error ? cause.message : String(cause)})`,
      path,
      cause,
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new WorkspaceConfigError({
      message: `Reading workspace config ${path} failed: expected a JSON object, received ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`,
      path,
    });
  }
  const record = value as Record<string, unknown>;
  const scope = record.Scope ?? record.scope;
  if (typeof scope === 'string') {
    const match = SCOPE_PATTERN.exec(scope.trim());
    if (match === null) {
      throw new WorkspaceConfigError({
        message: `Reading workspace config ${path} failed: expected "Scope" to be a workspace ARM id (/subscriptions/…/resourceGroups/…/providers/Microsoft.MachineLearningServices/workspaces/…), received ${JSON.stringify(truncate(scope, 200))}`,
        path,
      });
    }
    return {
      subscriptionId: decodeURIComponent(match[1]!),
      resourceGroup: decodeURIComponent(match[2]!),
      workspaceName: decodeURIComponent(match[3]!),
    };
  }
  const missing = FIELDS.filter((f) => {
    const v = record[FILE_KEYS[f]];
    return typeof v !== 'string' || v.trim() === '';
  }).map((f) => FILE_KEYS[f]);
  if (missing.length > 0) {
    throw new WorkspaceConfigError({
      message: `Reading workspace config ${path} failed: expected non-empty string keys subscription_id, resource_group and workspace_name, missing ${missing.join(', ')} (received keys: ${Object.keys(record).join(', ') || 'none'})`,
      path,
    });
  }
  return {
    subscriptionId: (record.subscription_id as string).trim(),
    resourceGroup: (record.resource_group as string).trim(),
    workspaceName: (record.workspace_name as string).trim(),
  };
}

async function read(readFile: ReadTextFile, path: string): Promise<string | undefined> {
  try {
    return await readFile(path);
  } catch (cause) {
    throw new WorkspaceConfigError({
      message: `Reading workspace config ${path} failed: expected a readable file, received ${cause instanceof Error ? cause.message : String(cause)}`,
      path,
      cause,
    });
  }
}

/**
 * Finds the workspace config file the way the Python SDK's
 * `MLClient.from_config()` does: `.azureml/config.json` in `cwd` and up to
 * `maxLevels` parents first, then `config.json` the same way.
 *
 * @returns the path and text of the first file found, or `undefined`.
 */
export async function findWorkspaceConfigFile(
  cwd: string,
  options: {
    readonly readFile: ReadTextFile;
    readonly maxLevels?: number | undefined;
    readonly signal?: AbortSignal | undefined;
  },
): Promise<{ readonly path: string; readonly text: string } | undefined> {
  const maxLevels = options.maxLevels ?? 20;
  for (const relative of [['.azureml', 'config.json'], ['config.json']]) {
    let dir: string | undefined = cwd;
    for (let level = 0; dir !== undefined && level <= maxLevels; level += 1) {
      options.signal?.throwIfAborted();
      const path = joinPath(dir, ...relative);
      const text = await read(options.readFile, path);
      if (text !== undefined) return { path, text };
      dir = parentPath(dir);
    }
  }
  return undefined;
}

/**
 * Resolves the workspace to talk to. For each field: the explicit option, else
 * the environment variable ({@link WORKSPACE_ENV_VARS}), else the config file
 * (`configPath`, or the first `.azureml/config.json` / `config.json` found
 * walking up from `cwd`, with the keys `subscription_id`, `resource_group`,
 * `workspace_name` or an ARM id in `Scope`). The file is only read when a
 * field is still missing. File access goes through `readFile`, so this works
 * in browsers; `@amlkit/client/node` wires in `node:fs`.
 *
 * @throws WorkspaceConfigError when a field is found nowhere or a file is malformed.
 * @example
 * const ws = await resolveWorkspace({ workspaceName: 'ws', env: { AZUREML_ARM_SUBSCRIPTION: 'sub', AZUREML_ARM_RESOURCEGROUP: 'rg' } });
 */
export async function resolveWorkspace(
  options: ResolveWorkspaceOptions = {},
): Promise<ResolvedWorkspace> {
  const env = options.env ?? {};
  const values: Partial<Record<Field, string>> = {};
  const sources: Partial<Record<Field, WorkspaceFieldSource>> = {};
  for (const field of FIELDS) {
    const explicit = nonEmpty(options[field]);
    const fromEnv = nonEmpty(env[WORKSPACE_ENV_VARS[field]]);
    if (explicit !== undefined) {
      values[field] = explicit;
      sources[field] = 'explicit';
    } else if (fromEnv !== undefined) {
      values[field] = fromEnv;
      sources[field] = 'env';
    }
  }
  let configPath: string | undefined;
  const searched: string[] = [];
  if (FIELDS.some((f) => values[f] === undefined) && options.readFile !== undefined) {
    let found: { readonly path: string; readonly text: string } | undefined;
    if (options.configPath !== undefined) {
      const text = await read(options.readFile, options.configPath);
      if (text === undefined) {
        throw new WorkspaceConfigError({
          message: `Reading workspace config ${options.configPath} failed: expected the file to exist, received no such file`,
          path: options.configPath,
        });
      }
      found = { path: options.configPath, text };
    } else if (options.cwd !== undefined) {
      found = await findWorkspaceConfigFile(options.cwd, {
        readFile: options.readFile,
        maxLevels: options.maxLevels,
        signal: options.signal,
      });
      searched.push(`.azureml/config.json or config.json in ${options.cwd} and its parents`);
    }
    if (found !== undefined) {
      const file = parseConfigFile(found.text, found.path);
      configPath = found.path;
      for (const field of FIELDS) {
        if (values[field] === undefined) {
          values[field] = file[field];
          sources[field] = 'file';
        }
      }
    }
  }
  const missing = FIELDS.filter((f) => values[f] === undefined);
  if (missing.length > 0) {
    const hints = missing.map((f) => `${f} (option ${f} or env ${WORKSPACE_ENV_VARS[f]})`);
    const where =
      searched.length > 0
        ? `; no config file found (looked for ${searched.join(', ')})`
        : options.readFile === undefined || options.cwd === undefined
          ? '; no config file search (cwd and readFile not given)'
          : '';
    throw new WorkspaceConfigError({
      message: `Resolving the workspace failed: expected subscriptionId, resourceGroup and workspaceName, missing ${hints.join(', ')}${where}`,
      path: configPath,
    });
  }
  return {
    subscriptionId: values.subscriptionId!,
    resourceGroup: values.resourceGroup!,
    workspaceName: values.workspaceName!,
    sources: {
      subscriptionId: sources.subscriptionId!,
      resourceGroup: sources.resourceGroup!,
      workspaceName: sources.workspaceName!,
    },
    ...(configPath === undefined ? {} : { configPath }),
  };
}
