import type { CommandDefinition } from '../internal/define-command.js';

/** A command group (`amlkit job …`): a word with sub-commands. */
export interface CommandGroupEntry {
  /** Words leading to the group, e.g. `['job']`. */
  readonly path: readonly string[];
  /** One line for the parent's help. */
  readonly summary: string;
}

/** A runnable command. Its module is loaded only when the command runs (or shows its help). */
export interface CommandEntry {
  /** Words of the command, e.g. `['job', 'validate']`. */
  readonly path: readonly string[];
  /** One line for the parent's help. */
  readonly summary: string;
  /** Loads the command's module with a dynamic `import()`. */
  load(): Promise<CommandDefinition>;
}

/** The command groups of `amlkit`. */
export const COMMAND_GROUPS: readonly CommandGroupEntry[] = [
  { path: ['job'], summary: 'Validate and dump Azure ML jobs.' },
];

/**
 * Every command of `amlkit`. Adding a command is one file under `src/commands/` (a
 * `defineCommand` default export) plus one line here; keep this file free of imports other
 * than types so that the entry stays small.
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    path: ['job', 'validate'],
    summary: 'Validate a job YAML file offline and report every problem with file:line:col.',
    load: async () => (await import('./job-validate.js')).default,
  },
  {
    path: ['job', 'dump'],
    summary: 'Print a job YAML file in canonical form, or write it to a new file.',
    load: async () => (await import('./job-dump.js')).default,
  },
  {
    path: ['schema'],
    summary: 'Print the JSON Schema of a job type (for editors), or list the job types.',
    load: async () => (await import('./schema.js')).default,
  },
];
