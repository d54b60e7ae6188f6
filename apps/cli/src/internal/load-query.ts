import { CLI_ERROR_CODES, CliError } from '../cli-error.js';

declare const __AMLKIT_CLI_BUNDLED__: boolean | undefined;

type Search = (data: unknown, expression: string) => unknown;

async function requireBundledQuery(): Promise<{ search: Search }> {
  const { createRequire } = await import('node:module');
  return createRequire(import.meta.url)('./query.cjs') as { search: Search };
}

async function loadSearch(): Promise<Search> {
  // A conditional expression, so that esbuild drops the source branch (and `jmespath` with it)
  // from `dist/cli.js`: the bundle loads `dist/query.cjs` instead.
  const module =
    typeof __AMLKIT_CLI_BUNDLED__ === 'boolean' && __AMLKIT_CLI_BUNDLED__
      ? await requireBundledQuery()
      : await import('../runtime/query.js');
  return module.search;
}

/**
 * Applies a JMESPath expression (`--query`, as `az` does) to a JSON value; `jmespath` is loaded
 * only here. A malformed expression is a usage error (exit 2).
 */
export async function applyQuery(
  value: unknown,
  expression: string,
  command: string,
): Promise<unknown> {
  const search = await loadSearch();
  try {
    return search(value, expression);
  } catch (error) {
    throw new CliError(
      `invalid --query '${expression}': ${error instanceof Error ? error.message : String(error)} (expected a JMESPath expression, e.g. "[].{name:name, status:status}")`,
      { code: CLI_ERROR_CODES.USAGE, command, cause: error },
    );
  }
}
