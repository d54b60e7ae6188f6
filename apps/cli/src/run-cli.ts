import { COMMANDS, COMMAND_GROUPS } from './commands/registry.js';
import { EXIT_CODES } from './exit-codes.js';
import {
  buildCommandTree,
  commandName,
  resolveCommand,
  type CommandNode,
} from './internal/command-tree.js';
import type { CliIo, OutputStream } from './internal/define-command.js';
import { GLOBAL_FLAGS, ROOT_FLAGS } from './internal/global-flags.js';
import { handleError } from './internal/handle-error.js';
import { parseArgv } from './internal/parse-argv.js';
import { renderCommandHelp, renderGroupHelp } from './internal/render-help.js';
import { VERSION } from './internal/version.js';
import { CLI_ERROR_CODES, CliError } from './cli-error.js';

/** A stream `runCli` writes to: `process.stdout`-like. */
export type CliOutputStream = OutputStream;

/** Options of {@link runCli}; every one defaults to the real process. */
export interface RunCliOptions {
  /** Where results go. @default process.stdout */
  readonly stdout?: CliOutputStream;
  /** Where messages go. @default process.stderr */
  readonly stderr?: CliOutputStream;
  /** Environment variables. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Aborts the running command (the CLI entry aborts it on SIGINT). */
  readonly signal?: AbortSignal;
}

function truthy(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

function beforeDashDash(tokens: readonly string[]): readonly string[] {
  const end = tokens.indexOf('--');
  return end < 0 ? tokens : tokens.slice(0, end);
}

async function dispatch(
  root: CommandNode,
  argv: readonly string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const { node, rest } = resolveCommand(root, argv);
  const flagsPart = beforeDashDash(rest);
  const wantsHelp = flagsPart.includes('--help') || flagsPart.includes('-h');
  const name = commandName(node);

  if (node.entry === undefined) {
    if (wantsHelp) {
      io.stdout.write(renderGroupHelp(node));
      return EXIT_CODES.SUCCESS;
    }
    const isRoot = node.path.length === 0;
    const parsed = parseArgv(rest, isRoot ? ROOT_FLAGS : GLOBAL_FLAGS, { command: name });
    if (isRoot && parsed.flags.version === true) {
      io.stdout.write(`${VERSION}\n`);
      return EXIT_CODES.SUCCESS;
    }
    const [extra] = parsed.positionals;
    if (extra !== undefined) {
      throw new CliError(`unexpected argument '${extra}' for '${name}'`, {
        code: CLI_ERROR_CODES.USAGE,
        command: name,
      });
    }
    // Like `az ml job`: a group without a command shows its help.
    io.stdout.write(renderGroupHelp(node));
    return EXIT_CODES.SUCCESS;
  }

  const definition = await node.entry.load();
  if (wantsHelp) {
    io.stdout.write(renderCommandHelp(node, definition));
    return EXIT_CODES.SUCCESS;
  }
  const parsed = parseArgv(rest, [...definition.flags, ...GLOBAL_FLAGS], { command: name });
  const positionalSpecs = definition.positionals ?? [];
  if (parsed.positionals.length > positionalSpecs.length) {
    const extra = parsed.positionals[positionalSpecs.length]!;
    throw new CliError(
      `unexpected argument '${extra}' for '${name}'; expected ${
        positionalSpecs.length === 0
          ? 'no arguments'
          : `at most ${positionalSpecs.map((p) => `<${p.name}>`).join(' ')}`
      }`,
      { code: CLI_ERROR_CODES.USAGE, command: name },
    );
  }
  const missing = positionalSpecs.slice(parsed.positionals.length).find((p) => p.required === true);
  if (missing !== undefined) {
    throw new CliError(`'${name}' requires the argument <${missing.name}>`, {
      code: CLI_ERROR_CODES.USAGE,
      command: name,
    });
  }
  return definition.run({
    flags: parsed.flags,
    positionals: parsed.positionals,
    io,
    signal,
    verbose: parsed.flags.verbose === true,
    commandName: name,
  });
}

/**
 * Runs `amlkit` with the given arguments (without `node` and the script path) and resolves to
 * the exit code; it never throws and never calls `process.exit`. Every error is turned into a
 * message on stderr and an exit code by one handler (see `EXIT_CODES`).
 *
 * @example
 * ```ts
 * import { runCli } from '@amlkit/cli';
 * process.exitCode = await runCli(['job', 'validate', '-f', 'job.yml']);
 * ```
 */
export async function runCli(
  argv: readonly string[],
  options: RunCliOptions = {},
): Promise<number> {
  const io: CliIo = {
    stdout: options.stdout ?? process.stdout,
    stderr: options.stderr ?? process.stderr,
    env: options.env ?? process.env,
  };
  const flagsPart = beforeDashDash(argv);
  const debug = truthy(io.env.AMLKIT_DEBUG) || flagsPart.includes('--debug');
  const verbose = flagsPart.includes('--verbose');
  const signal = options.signal ?? new AbortController().signal;
  try {
    const root = buildCommandTree(COMMAND_GROUPS, COMMANDS);
    return await dispatch(root, argv, io, signal);
  } catch (error) {
    return handleError(error, { io, debug, verbose });
  }
}
