import type { FlagSpec } from './define-command.js';

/** `-f/--file`: the job YAML file every job-file command reads. */
export const FILE_FLAG = {
  name: 'file',
  short: 'f',
  kind: 'string',
  valueName: 'FILE',
  required: true,
  description: 'The job YAML file.',
} as const satisfies FlagSpec;

/** `--set PATH=VALUE` (repeatable), applied to the job file before `purpose`. */
export function setFlag(purpose: 'validation' | 'submission') {
  return {
    name: 'set',
    kind: 'list',
    valueName: 'PATH=VALUE',
    description: `Override a value before ${purpose} (e.g. compute=local, inputs.lr=0.1).`,
  } as const satisfies FlagSpec;
}
