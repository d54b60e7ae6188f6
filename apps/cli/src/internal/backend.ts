// Backend selection: Azure when a workspace is configured, else the embedded local service
// (started on first use). Bundled into `dist/runtime.cjs`; the commands reach it through
// `loadRuntime()`.
import type { AmlClient, WorkspaceConfig } from '@amlkit/client';
import {
  createLocalClient,
  DEFAULT_ENDPOINT,
  findWorkspaceConfigFile,
  WORKSPACE_ENV_VARS,
} from '@amlkit/client';
import type { AzCliDefaults } from '@amlkit/client/node';
import {
  loadWorkspaceConfig,
  nodeFileSystem,
  readAzCliDefaults,
  readTextFileIfExists,
} from '@amlkit/client/node';
import { CLI_ERROR_CODES, CliError } from '../cli-error.js';
import { amlkitHome, ensureLocalService, readToken } from './local-service.js';

/** The workspace flags every job command accepts (`az ml` names). */
export interface WorkspaceFlags {
  /** `--endpoint`: the service root (ARM, or a local service URL). */
  readonly endpoint?: string | undefined;
  /** `--subscription`. */
  readonly subscription?: string | undefined;
  /** `-g/--resource-group`. */
  readonly resourceGroup?: string | undefined;
  /** `-w/--workspace-name`. */
  readonly workspaceName?: string | undefined;
}

/** Options of {@link connect} and {@link resolveTarget}. */
export interface ConnectOptions {
  /** Environment variables (`AMLKIT_HOME`, the `AZUREML_ARM_*` workspace variables). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The `amlkit` executable that runs a started service (`dist/cli.js`). */
  readonly cliPath: string;
  /** The command, for messages. */
  readonly command: string;
  /** Aborts the connection. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Where the `config.json` search starts.
   * @default process.cwd()
   */
  readonly cwd?: string | undefined;
  /** Called when this command starts the local service. */
  readonly onStart?: ((pid: number) => void) | undefined;
  /**
   * `--auth`: the Azure credential (see `AUTH_KINDS`).
   * @default 'default'
   */
  readonly auth?: string | undefined;
  /**
   * The `fetch` of the Azure client (tests).
   * @default globalThis.fetch
   */
  readonly fetch?: typeof globalThis.fetch | undefined;
}

/** Where the requests of a command go, before anything is contacted. */
export type Target =
  | { readonly kind: 'local'; readonly home: string; readonly url: string | undefined }
  | {
      readonly kind: 'azure';
      readonly endpoint: string;
      readonly workspace: WorkspaceConfig;
      readonly configPath: string | undefined;
    };

const LOCAL_WORKSPACE: WorkspaceConfig = {
  subscriptionId: '00000000-0000-0000-0000-000000000000',
  resourceGroup: 'local',
  workspaceName: 'local',
};

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host);
  } catch {
    return false;
  }
}

function given(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/** The `az` CLI defaults, or none when its files cannot be read (they are only a fallback). */
async function azDefaults(
  env: Readonly<Record<string, string | undefined>>,
): Promise<AzCliDefaults | undefined> {
  try {
    return await readAzCliDefaults({ env });
  } catch {
    return undefined;
  }
}

/**
 * Decides the backend: an explicit loopback `--endpoint` is a local service; explicit
 * workspace flags, the `AZUREML_ARM_*` variables, a `config.json` / `.azureml/config.json`
 * above the working directory, a default workspace of the `az` CLI (`az configure --defaults
 * workspace=…`) or a non-loopback `--endpoint` mean Azure; otherwise the local service of
 * `$AMLKIT_HOME` (`~/.amlkit`). Each workspace field comes from the first of: the flags, the
 * `AZUREML_ARM_*` variables, the config file, the `az` CLI defaults (as `az ml` does).
 */
export async function resolveTarget(
  flags: WorkspaceFlags,
  options: Pick<ConnectOptions, 'env' | 'command' | 'signal' | 'cwd'>,
): Promise<Target> {
  const home = amlkitHome(options.env);
  if (given(flags.endpoint) && isLoopback(flags.endpoint)) {
    return { kind: 'local', home, url: flags.endpoint.replace(/\/+$/, '') };
  }
  const explicit =
    given(flags.subscription) || given(flags.resourceGroup) || given(flags.workspaceName);
  const fromEnv = Object.values(WORKSPACE_ENV_VARS).some((name) => given(options.env[name]));
  const file =
    explicit || fromEnv
      ? undefined
      : await findWorkspaceConfigFile(options.cwd ?? process.cwd(), {
          readFile: readTextFileIfExists,
          signal: options.signal,
        });
  let az: AzCliDefaults | undefined;
  if (!explicit && !fromEnv && file === undefined) {
    az = await azDefaults(options.env);
    if (!given(az?.workspaceName) && !given(flags.endpoint)) {
      return { kind: 'local', home, url: undefined };
    }
  }
  const load = (fallback: AzCliDefaults | undefined) => {
    const pick = (flag: string | undefined, name: string, last: string | undefined) =>
      given(flag) ? flag : given(options.env[name]) ? options.env[name] : last;
    return loadWorkspaceConfig({
      subscriptionId: pick(
        flags.subscription,
        WORKSPACE_ENV_VARS.subscriptionId,
        fallback?.subscriptionId,
      ),
      resourceGroup: pick(
        flags.resourceGroup,
        WORKSPACE_ENV_VARS.resourceGroup,
        fallback?.resourceGroup,
      ),
      workspaceName: pick(
        flags.workspaceName,
        WORKSPACE_ENV_VARS.workspaceName,
        fallback?.workspaceName,
      ),
      env: options.env,
      signal: options.signal,
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    });
  };
  let workspace;
  try {
    try {
      workspace = await load(az);
    } catch (error) {
      // A field found nowhere: the az CLI defaults are the last place to look.
      if ((error as { name?: unknown }).name !== 'WorkspaceConfigError' || az !== undefined) {
        throw error;
      }
      az = await azDefaults(options.env);
      if (az === undefined) throw error;
      workspace = await load(az);
    }
  } catch (error) {
    if ((error as { name?: unknown }).name !== 'WorkspaceConfigError') throw error;
    throw new CliError((error as Error).message, {
      code: CLI_ERROR_CODES.USAGE,
      command: options.command,
      hint: 'give --subscription, -g/--resource-group and -w/--workspace-name (or none of them, for the local service)',
      cause: error,
    });
  }
  return {
    kind: 'azure',
    endpoint: given(flags.endpoint) ? flags.endpoint.replace(/\/+$/, '') : DEFAULT_ENDPOINT,
    workspace: {
      subscriptionId: workspace.subscriptionId,
      resourceGroup: workspace.resourceGroup,
      workspaceName: workspace.workspaceName,
    },
    configPath: workspace.configPath,
  };
}

/** A connected backend. */
export interface Connection {
  /** Which backend. */
  readonly kind: 'local' | 'azure';
  /** The client of its workspace. */
  readonly client: AmlClient;
  /** The service root. */
  readonly endpoint: string;
  /** The workspace. */
  readonly workspace: WorkspaceConfig;
  /** The local data directory (local backend only). */
  readonly home: string | undefined;
}

/**
 * Connects to the backend {@link resolveTarget} picks: for the local one, the running service
 * (or one started now, in the background); for Azure, {@link connectAzure} with the `--auth`
 * credential (a sign-in failure is a CliError, exit 9, with the one-line fix).
 */
export async function connect(flags: WorkspaceFlags, options: ConnectOptions): Promise<Connection> {
  const target = await resolveTarget(flags, options);
  if (target.kind === 'azure') {
    // Loaded only here: local commands never evaluate the Azure client or @azure/identity.
    const { connectAzure } = await import('./azure-connect.js');
    const client = await connectAzure(target.workspace, {
      auth: options.auth,
      env: options.env,
      command: options.command,
      signal: options.signal,
      endpoint: target.endpoint,
      fetch: options.fetch,
    });
    return {
      kind: 'azure',
      client,
      endpoint: target.endpoint,
      workspace: target.workspace,
      home: undefined,
    };
  }
  let url: string;
  let token: string;
  if (target.url !== undefined) {
    url = target.url;
    token = given(options.env.AMLKIT_TOKEN)
      ? options.env.AMLKIT_TOKEN
      : await readToken(target.home);
  } else {
    const service = await ensureLocalService({
      home: target.home,
      cliPath: options.cliPath,
      env: options.env,
      signal: options.signal,
      onStart: options.onStart,
    });
    url = service.url;
    token = service.token;
  }
  const client = createLocalClient({ url, token, fileSystem: nodeFileSystem });
  return { kind: 'local', client, endpoint: url, workspace: LOCAL_WORKSPACE, home: target.home };
}
