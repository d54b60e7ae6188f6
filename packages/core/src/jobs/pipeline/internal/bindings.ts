/**
 * The `${{parent.…}}` binding grammar of pipeline nodes (§4.11): parsing a whole-value
 * binding into what it refers to. Pure string functions, no schema knowledge.
 */

/** What a whole-value pipeline binding refers to. */
export type PipelineBinding =
  | { readonly kind: 'parentInput'; readonly name: string }
  | { readonly kind: 'parentOutput'; readonly name: string }
  | { readonly kind: 'jobOutput'; readonly node: string; readonly name: string }
  | { readonly kind: 'jobInput'; readonly node: string; readonly name: string }
  | { readonly kind: 'legacyInput'; readonly name: string }
  | { readonly kind: 'legacyOutput'; readonly name: string }
  | { readonly kind: 'other'; readonly expression: string };

const WHOLE_RE = /^\s*\$\{\{\s*(.*?)\s*\}\}\s*$/s;
const PARENT_IO_RE = /^parent\.(inputs|outputs)\.([A-Za-z_][\w.]*)$/;
const PARENT_JOB_RE = /^parent\.jobs\.([^.]+)\.(inputs|outputs)\.([A-Za-z_]\w*)$/;
const LEGACY_RE = /^(inputs|outputs)\.([A-Za-z_]\w*)$/;

/** The expression inside a whole-value `${{ … }}` binding, or `undefined` for any other string. */
export function bindingExpression(value: string): string | undefined {
  const m = WHOLE_RE.exec(value);
  return m === null ? undefined : m[1];
}

/** Parses a whole-value binding; `undefined` when the value is not a binding at all. */
export function parseBinding(value: string): PipelineBinding | undefined {
  const expression = bindingExpression(value);
  if (expression === undefined) return undefined;
  const io = PARENT_IO_RE.exec(expression);
  if (io !== null) {
    const name = io[2]!;
    return io[1] === 'inputs' ? { kind: 'parentInput', name } : { kind: 'parentOutput', name };
  }
  const job = PARENT_JOB_RE.exec(expression);
  if (job !== null) {
    const node = job[1]!;
    const name = job[3]!;
    return job[2] === 'outputs'
      ? { kind: 'jobOutput', node, name }
      : { kind: 'jobInput', node, name };
  }
  const legacy = LEGACY_RE.exec(expression);
  if (legacy !== null) {
    const name = legacy[2]!;
    return legacy[1] === 'inputs' ? { kind: 'legacyInput', name } : { kind: 'legacyOutput', name };
  }
  return { kind: 'other', expression };
}

/** Whether `value` is a string holding a whole-value `${{ … }}` binding. */
export function isBindingValue(value: unknown): value is string {
  return typeof value === 'string' && bindingExpression(value) !== undefined;
}
