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
  { path: ['job'], summary: 'Validate, submit and follow Azure ML jobs.' },
  { path: ['server'], summary: 'Start, stop and inspect the embedded local job service.' },
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
    path: ['job', 'create'],
    summary: 'Submit a job file (or print its request with --dry-run); --stream follows it.',
    load: async () => (await import('./job-create.js')).default,
  },
  {
    path: ['job', 'show'],
    summary: 'Show a job.',
    load: async () => (await import('./job-show.js')).default,
  },
  {
    path: ['job', 'list'],
    summary: 'List the jobs of the workspace.',
    load: async () => (await import('./job-list.js')).default,
  },
  {
    path: ['job', 'cancel'],
    summary: 'Cancel a job and wait until it stopped.',
    load: async () => (await import('./job-cancel.js')).default,
  },
  {
    path: ['job', 'archive'],
    summary: 'Archive a job.',
    load: async () => (await import('./job-archive.js')).default,
  },
  {
    path: ['job', 'restore'],
    summary: 'Restore an archived job.',
    load: async () => (await import('./job-restore.js')).default,
  },
  {
    path: ['job', 'show-services'],
    summary: 'Show the services of a job (Studio, Tracking, …).',
    load: async () => (await import('./job-show-services.js')).default,
  },
  {
    path: ['job', 'wait'],
    summary: 'Wait until a job stops; exit with the code of its final status.',
    load: async () => (await import('./job-wait.js')).default,
  },
  {
    path: ['job', 'stream'],
    summary: 'Stream the logs of a job until it stops.',
    load: async () => (await import('./job-stream.js')).default,
  },
  {
    path: ['job', 'download'],
    summary: 'Download the outputs of a job.',
    load: async () => (await import('./job-download.js')).default,
  },
  {
    path: ['server', 'start'],
    summary: 'Start the local service (in the background, or --foreground).',
    load: async () => (await import('./server-start.js')).default,
  },
  {
    path: ['server', 'stop'],
    summary: 'Stop the local service.',
    load: async () => (await import('./server-stop.js')).default,
  },
  {
    path: ['server', 'status'],
    summary: 'Show whether the local service runs, where, and its job counts.',
    load: async () => (await import('./server-status.js')).default,
  },
  {
    path: ['studio'],
    summary: 'Open the studio of the local service in a browser (or --print-url).',
    load: async () => (await import('./studio.js')).default,
  },
  {
    path: ['schema'],
    summary: 'Print the JSON Schema of a job type (for editors), or list the job types.',
    load: async () => (await import('./schema.js')).default,
  },
  {
    path: ['auth', 'doctor'],
    summary: 'Show what each Azure credential source says, with fixes.',
    load: async () => (await import('./auth-doctor.js')).default,
  },
];
