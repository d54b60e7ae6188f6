export { runCli } from './run-cli.js';
export type { RunCliOptions, CliOutputStream } from './run-cli.js';
export { EXIT_CODES } from './exit-codes.js';
export type { ExitCode } from './exit-codes.js';
export { CliError, CLI_ERROR_CODES, isCliError } from './cli-error.js';
export type { CliErrorCode, CliErrorOptions } from './cli-error.js';
