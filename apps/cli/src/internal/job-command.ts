// What the job and server commands share: the `-o`/`--query` and workspace flags, connecting
// to the backend, and printing results.
import { AUTH_FLAG } from './azure-credential.js';
import type { Connection } from './backend.js';
import type { CommandContext, FlagSpec } from './define-command.js';
import { applyQuery } from './load-query.js';
import { loadRuntime } from './load-runtime.js';
import {
  OUTPUT_FORMATS,
  renderOutput,
  type OutputColumn,
  type OutputFormat,
} from './render-output.js';

/** `-o/--output` and `--query`, on every job and server command. */
export const OUTPUT_FLAGS = [
  {
    name: 'output',
    short: 'o',
    kind: 'string',
    valueName: 'FORMAT',
    choices: OUTPUT_FORMATS,
    description: 'Output format.',
  },
  {
    name: 'query',
    kind: 'string',
    valueName: 'JMESPATH',
    description: 'A JMESPath query applied to the JSON result before formatting (as az does).',
  },
] as const satisfies readonly FlagSpec[];

/** The workspace flags of `az ml` plus `--endpoint` and `--auth`, on every job command. */
export const WORKSPACE_FLAGS = [
  {
    name: 'endpoint',
    kind: 'string',
    valueName: 'URL',
    description:
      'The service root: a local service URL (http://127.0.0.1:PORT) or an ARM endpoint (default https://management.azure.com when a workspace is configured).',
  },
  {
    name: 'subscription',
    kind: 'string',
    valueName: 'ID',
    description:
      'Azure subscription id (else AZUREML_ARM_SUBSCRIPTION, config.json or the `az account set` subscription).',
  },
  {
    name: 'resource-group',
    short: 'g',
    kind: 'string',
    valueName: 'NAME',
    description:
      'Resource group (else AZUREML_ARM_RESOURCEGROUP, config.json or `az configure --defaults group=…`).',
  },
  {
    name: 'workspace-name',
    short: 'w',
    kind: 'string',
    valueName: 'NAME',
    description:
      'Workspace (else AZUREML_ARM_WORKSPACE_NAME, config.json or `az configure --defaults workspace=…`). Without any workspace: the local service.',
  },
  AUTH_FLAG,
] as const satisfies readonly FlagSpec[];

/** `-n/--name` of a job. */
export const NAME_FLAG = {
  name: 'name',
  short: 'n',
  kind: 'string',
  valueName: 'NAME',
  required: true,
  description: 'The job name.',
} as const satisfies FlagSpec;

type Flags = Readonly<Record<string, unknown>>;

function str(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

/** The workspace flags of a parsed command line. */
export function workspaceFlagsOf(flags: Flags): {
  endpoint: string | undefined;
  subscription: string | undefined;
  resourceGroup: string | undefined;
  workspaceName: string | undefined;
} {
  return {
    endpoint: str(flags, 'endpoint'),
    subscription: str(flags, 'subscription'),
    resourceGroup: str(flags, 'resource-group'),
    workspaceName: str(flags, 'workspace-name'),
  };
}

/** The executable a started service runs: `dist/cli.js` beside this bundle. */
export function cliPath(): string {
  return decodeURIComponent(new URL('./cli.js', import.meta.url).pathname);
}

/** Connects to the backend the flags select (starting the local service on first use). */
export async function connectFromFlags(context: CommandContext<Flags>): Promise<Connection> {
  const runtime = await loadRuntime();
  return runtime.connect(workspaceFlagsOf(context.flags), {
    env: context.io.env,
    cliPath: cliPath(),
    command: context.commandName,
    signal: context.signal,
    auth: str(context.flags, 'auth'),
    onStart: (pid) => {
      context.io.stderr.write(
        `Started the local service in the background (pid ${String(pid)}).\n`,
      );
    },
  });
}

/** Options of {@link printResult}. */
export interface PrintResultOptions {
  /** The format when `-o` is not given. @default 'json' */
  readonly defaultFormat?: OutputFormat | undefined;
  /** Table/tsv columns (not used after `--query`). */
  readonly columns?: readonly OutputColumn[] | undefined;
  /** What table/tsv show when it differs from the JSON (a dictionary as rows); not used after `--query`. */
  readonly tableValue?: unknown;
}

/** Applies `--query`, formats with `-o`, and writes the result to stdout. */
export async function printResult(
  context: CommandContext<Flags>,
  value: unknown,
  options: PrintResultOptions = {},
): Promise<void> {
  const format = (str(context.flags, 'output') ?? options.defaultFormat ?? 'json') as OutputFormat;
  const query = str(context.flags, 'query');
  const tabular = format === 'table' || format === 'tsv';
  const shown =
    tabular && query === undefined && 'tableValue' in options ? options.tableValue : value;
  const result = query === undefined ? shown : await applyQuery(value, query, context.commandName);
  const yaml = format === 'yaml' ? (await loadRuntime()).stringifyYaml : undefined;
  context.io.stdout.write(
    renderOutput(result, {
      format,
      columns: query === undefined ? options.columns : undefined,
      yaml: yaml === undefined ? undefined : (v) => yaml(v),
    }),
  );
}
