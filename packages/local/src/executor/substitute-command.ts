/** The values that `${{inputs.*}}` and `${{outputs.*}}` references resolve to. */
export interface CommandBindings {
  /** Input name → text (a literal value or an absolute path). Absent = not given. */
  readonly inputs: Readonly<Record<string, string>>;
  /** Output name → absolute path. */
  readonly outputs: Readonly<Record<string, string>>;
}

/** A successful {@link substituteCommand}. */
export interface SubstitutedCommand {
  /** Discriminator. */
  readonly ok: true;
  /** The command to run, every reference replaced. */
  readonly command: string;
  /** True when the deprecated `{inputs.x}` form was rewritten (log the SDK's warning). */
  readonly usedDeprecatedSyntax: boolean;
  /** The `$[[ … ]]` segments dropped because an input they reference was not given. */
  readonly droppedSegments: readonly string[];
}

/** A failed {@link substituteCommand}: nothing should run. */
export interface SubstitutionFailure {
  /** Discriminator. */
  readonly ok: false;
  /** The offending reference as written, for example `${{inputs.epochs}}`. */
  readonly reference: string;
  /** What failed, what was expected and what was received. */
  readonly reason: string;
}

/** What {@link substituteCommand} returns. */
export type SubstitutionResult = SubstitutedCommand | SubstitutionFailure;

/** The warning the Python SDK logs when it rewrites `{inputs.x}` (azureml-job-semantics §4.8). */
export const DEPRECATED_BINDING_WARNING =
  'Use of {} for parameters is deprecated, instead use ${{}}.';

const DEPRECATED = /(?<![{$])\{((?:inputs|outputs)\.[\w.-]+)\}(?!\})/g;
const OPTIONAL_SEGMENT = /\$\[\[([\s\S]*?)\]\]/g;
const BINDING = /\$\{\{\s*([^{}]*?)\s*\}\}/g;
const IO_REFERENCE = /^(inputs|outputs)\.([\w.-]+)$/;

function lookup(bindings: CommandBindings, expression: string): string | undefined {
  const match = IO_REFERENCE.exec(expression);
  if (match === null) return undefined;
  const table = match[1] === 'inputs' ? bindings.inputs : bindings.outputs;
  const name = match[2]!;
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

function describeMissing(bindings: CommandBindings, reference: string, expression: string): string {
  const match = IO_REFERENCE.exec(expression);
  if (match === null) {
    return (
      `Command contains the binding ${reference}, which a command job cannot resolve; ` +
      `expected only \${{inputs.<name>}} and \${{outputs.<name>}}`
    );
  }
  const kind = match[1] === 'inputs' ? 'input' : 'output';
  const known = Object.keys(match[1] === 'inputs' ? bindings.inputs : bindings.outputs);
  const list =
    known.length === 0 ? `the job has no ${kind}s` : `known ${kind}s: ${known.join(', ')}`;
  return (
    `Command references ${reference}, but the job has no ${kind} named '${match[2]!}' (${list}). ` +
    `Put optional arguments inside $[[ … ]] to drop them when the input is not given`
  );
}

/**
 * Replaces `${{inputs.<name>}}` and `${{outputs.<name>}}` in a command, the way Azure ML
 * does: values are inserted verbatim (no shell quoting), whitespace inside the braces is
 * tolerated, and a `$[[ … ]]` segment is kept without its markers when every input it
 * references is given, and dropped otherwise. The deprecated `{inputs.x}` form is rewritten
 * first. Substitution is a single pass, so values are never substituted again.
 *
 * @returns `{ ok: false }` for any reference that names no binding (outside `$[[ … ]]`) and
 *   for any other `${{…}}` binding (`search_space`, `parent`, …): never a half-substituted command.
 * @example
 * ```ts
 * substituteCommand('python train.py --lr ${{inputs.lr}} $[[--seed ${{inputs.seed}}]]', {
 *   inputs: { lr: '0.1' },
 *   outputs: {},
 * }); // { ok: true, command: 'python train.py --lr 0.1 ', … }
 * ```
 */
export function substituteCommand(command: string, bindings: CommandBindings): SubstitutionResult {
  let usedDeprecatedSyntax = false;
  const rewritten = command.replace(DEPRECATED, (_whole, expression: string) => {
    usedDeprecatedSyntax = true;
    return `\${{${expression}}}`;
  });

  const droppedSegments: string[] = [];
  const withoutOptional = rewritten.replace(OPTIONAL_SEGMENT, (whole, inner: string) => {
    for (const match of inner.matchAll(BINDING)) {
      if (IO_REFERENCE.test(match[1]!) && lookup(bindings, match[1]!) === undefined) {
        droppedSegments.push(whole);
        return '';
      }
    }
    return inner;
  });

  const found: { failure?: SubstitutionFailure } = {};
  const substituted = withoutOptional.replace(BINDING, (reference, expression: string) => {
    const value = lookup(bindings, expression);
    if (value === undefined) {
      found.failure ??= {
        ok: false,
        reference,
        reason: describeMissing(bindings, reference, expression),
      };
      return reference;
    }
    return value;
  });
  if (found.failure !== undefined) return found.failure;
  return { ok: true, command: substituted, usedDeprecatedSyntax, droppedSegments };
}
