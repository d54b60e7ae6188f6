import type { FlagSpec } from './define-command.js';

/** Flags every command accepts. */
export const GLOBAL_FLAGS = [
  { name: 'help', short: 'h', kind: 'boolean', description: 'Show help for the command and exit.' },
  {
    name: 'verbose',
    kind: 'boolean',
    description: 'Print more detail, e.g. a code frame under every diagnostic even off a terminal.',
  },
  {
    name: 'debug',
    kind: 'boolean',
    description: 'Print stack traces of internal errors (same as AMLKIT_DEBUG=1).',
  },
] as const satisfies readonly FlagSpec[];

/** Flags of `amlkit` itself (no command). */
export const ROOT_FLAGS = [
  ...GLOBAL_FLAGS,
  { name: 'version', kind: 'boolean', description: 'Print the version of amlkit and exit.' },
] as const satisfies readonly FlagSpec[];
