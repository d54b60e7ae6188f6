/** The YAML schema of a command job (`type: command`, or no `type`). */
import { codeSchema } from '../entities/code.js';
import { commandLimitsSchema } from '../entities/command-limits.js';
import { distributionSchema } from '../entities/distribution.js';
import { environmentSchema } from '../entities/environment.js';
import { identitySchema } from '../entities/identity.js';
import { jobInputsSchema } from '../entities/job-input.js';
import { jobOutputsSchema } from '../entities/job-output.js';
import { queueSettingsSchema } from '../entities/queue-settings.js';
import { resourcesSchema } from '../entities/resources.js';
import { s } from '../schema/builders.js';
import type { Infer, ParseContext } from '../schema/schema.js';
import { jobBaseShape, jobTypeField } from './job-base-schema.js';

/** The command part shared by command jobs and sweep trials (Python `ParameterizedCommand`). */
export const parameterizedCommandShape = {
  command: s
    .string({ nonEmpty: true })
    .describe('Shell command; may use ${{inputs.x}} and ${{outputs.y}}.'),
  code: codeSchema.optional(),
  environment: environmentSchema,
  environment_variables: s.record(s.string()).optional().describe('Values must be strings.'),
  distribution: distributionSchema.optional(),
  resources: resourcesSchema.optional(),
} as const;

const INPUT_REF = /\$\{\{\s*inputs\.([\w.-]+)\s*\}\}/g;
const OPTIONAL_PART = /\[[^[\]]*\$\{\{\s*inputs\.[\w.-]+\s*\}\}[^[\]]*\]/g;
const OUTPUT_REF = /\$\{\{\s*outputs\.([\w.-]+)\s*\}\}/g;

/**
 * Checks that every `${{inputs.K}}`/`${{outputs.K}}` in `command` names a declared
 * input/output (inputs inside `[...]` are optional), as the SDK does before submission.
 */
export function checkCommandReferences(
  command: string,
  declared: {
    inputs: Record<string, unknown> | undefined;
    outputs: Record<string, unknown> | undefined;
  },
  ctx: ParseContext,
  at: readonly (string | number)[],
): void {
  if (!command.includes('${{')) return;
  const required = command.includes('[') ? command.replace(OPTIONAL_PART, '') : command;
  const report = (kind: 'inputs' | 'outputs', name: string, names: string[]): void => {
    ctx.path.push(...at);
    ctx.report(
      'JOB_UNDEFINED_REFERENCE',
      `The command references \${{${kind}.${name}}}, but the job has no ${kind === 'inputs' ? 'input' : 'output'} '${name}'.`,
      {
        expected:
          names.length === 0
            ? `no \${{${kind}.*}} references (the job declares no ${kind})`
            : `one of the ${kind} ${names.join(', ')}`,
        received: `\${{${kind}.${name}}}`,
      },
    );
    ctx.path.length -= at.length;
  };
  const inputs = Object.keys(declared.inputs ?? {});
  for (const m of required.matchAll(INPUT_REF)) {
    const name = m[1]!.split('.')[0]!;
    if (!inputs.includes(name)) report('inputs', name, inputs);
  }
  const outputs = Object.keys(declared.outputs ?? {});
  for (const m of command.matchAll(OUTPUT_REF)) {
    const name = m[1]!.split('.')[0]!;
    if (!outputs.includes(name) && name !== 'default') report('outputs', name, outputs);
  }
}

/** The command job YAML schema. */
export const commandJobSchema = s.object(
  {
    ...jobBaseShape,
    type: jobTypeField('command'),
    ...parameterizedCommandShape,
    limits: commandLimitsSchema.optional(),
    inputs: jobInputsSchema.optional(),
    outputs: jobOutputsSchema.optional(),
    identity: identitySchema.optional(),
    queue_settings: queueSettingsSchema.optional(),
  },
  {
    expected: 'a command job mapping',
    check(value, ctx) {
      checkCommandReferences(value.command, { inputs: value.inputs, outputs: value.outputs }, ctx, [
        'command',
      ]);
    },
  },
);

/** The validated (camelCase) value of a command job YAML. */
export type CommandJobYaml = Infer<typeof commandJobSchema>;
