/**
 * Checks of the `${{parent.…}}` bindings of a pipeline's nodes against the pipeline (or
 * pipeline component) that contains them, reported at the binding's location. Only what
 * the SDK also rejects is reported: a missing pipeline input, a missing node, the legacy
 * `${{inputs.x}}` form in node inputs/outputs, and — for inline (job-form) nodes only,
 * whose component types the SDK infers at load — a missing pipeline output.
 */
import { isRecord } from '../../../internal/received.js';
import type { ParseContext, PathSegment } from '../../../schema/schema.js';
import { parseBinding } from './bindings.js';
import type { PipelineBinding } from './bindings.js';

/** Where a binding is used: node input, output of a component-form node, output of an inline node, or another field. */
type Where = 'input' | 'output' | 'inlineOutput' | 'field';

/** What the bindings of a pipeline's nodes can refer to. */
export interface BindingScope {
  readonly inputs: Readonly<Record<string, unknown>> | undefined;
  readonly outputs: Readonly<Record<string, unknown>> | undefined;
  readonly jobs: Readonly<Record<string, unknown>> | undefined;
}

/** AutoML node fields that take a data binding. */
const AUTOML_DATA_FIELDS = ['trainingData', 'validationData', 'testData'] as const;

function hasInput(inputs: BindingScope['inputs'], name: string): boolean {
  if (inputs === undefined) return false;
  // Parameter groups: keys may be dotted (`group.lr`), bindings may name the group or a member.
  return Object.keys(inputs).some(
    (key) => key === name || key.startsWith(`${name}.`) || name.startsWith(`${key}.`),
  );
}

function names(record: Readonly<Record<string, unknown>> | undefined): string {
  const keys = Object.keys(record ?? {});
  return keys.length === 0 ? 'none declared' : keys.map((k) => `'${k}'`).join(', ');
}

function checkOne(
  binding: PipelineBinding,
  raw: string,
  where: Where,
  scope: BindingScope,
  ctx: ParseContext,
  at: PathSegment[],
): void {
  const report = (message: string, expected: string, hint?: string): void => {
    ctx.path.push(...at);
    ctx.report('JOB_UNDEFINED_REFERENCE', message, {
      expected,
      received: raw,
      ...(hint === undefined ? {} : { hint }),
    });
    ctx.path.length -= at.length;
  };
  switch (binding.kind) {
    case 'parentInput':
      if (!hasInput(scope.inputs, binding.name)) {
        report(
          `The binding ${raw} names the pipeline input '${binding.name}', which does not exist.`,
          `a pipeline input (${names(scope.inputs)})`,
        );
      }
      return;
    case 'parentOutput':
      if (where !== 'inlineOutput') return;
      if (scope.outputs === undefined || !(binding.name in scope.outputs)) {
        report(
          `The binding ${raw} names the pipeline output '${binding.name}', which does not exist.`,
          `a pipeline output (${names(scope.outputs)})`,
        );
      }
      return;
    case 'jobOutput':
    case 'jobInput':
      if (scope.jobs === undefined || !(binding.node in scope.jobs)) {
        report(
          `The binding ${raw} names the node '${binding.node}', which does not exist.`,
          `a node of this pipeline (${names(scope.jobs)})`,
        );
      }
      return;
    case 'legacyInput':
    case 'legacyOutput':
      if (where !== 'field') {
        const kind = binding.kind === 'legacyInput' ? 'inputs' : 'outputs';
        report(
          `\${{${kind}.${binding.name}}} has changed to \${{parent.${kind}.${binding.name}}}, please change to use new format.`,
          `\${{parent.${kind}.${binding.name}}}`,
        );
      }
      return;
    case 'other':
      return;
  }
}

function checkValue(
  value: unknown,
  where: Where,
  scope: BindingScope,
  ctx: ParseContext,
  at: PathSegment[],
): void {
  if (typeof value === 'string') {
    const binding = parseBinding(value);
    if (binding !== undefined) checkOne(binding, value, where, scope, ctx, at);
  } else if (isRecord(value) && typeof value['path'] === 'string') {
    const binding = parseBinding(value['path']);
    if (binding !== undefined) checkOne(binding, value['path'], where, scope, ctx, [...at, 'path']);
  }
}

/**
 * Reports every binding of `scope.jobs` (node inputs, outputs, compute and AutoML data
 * fields) that names something the scope does not have. `ctx.path` must be the path of
 * the mapping that holds `jobs`.
 */
export function checkBindings(scope: BindingScope, ctx: ParseContext): void {
  for (const [nodeName, node] of Object.entries(scope.jobs ?? {})) {
    if (!isRecord(node)) continue;
    const base: PathSegment[] = ['jobs', nodeName];
    const inputs = node['inputs'];
    if (isRecord(inputs))
      for (const [k, v] of Object.entries(inputs))
        checkValue(v, 'input', scope, ctx, [...base, 'inputs', k]);
    const outputs = node['outputs'];
    const inline =
      node['component'] === undefined && node['trial'] === undefined && node['type'] !== 'automl';
    if (isRecord(outputs))
      for (const [k, v] of Object.entries(outputs))
        checkValue(v, inline ? 'inlineOutput' : 'output', scope, ctx, [...base, 'outputs', k]);
    checkValue(node['compute'], 'field', scope, ctx, [...base, 'compute']);
    if (node['type'] === 'automl') {
      for (const field of AUTOML_DATA_FIELDS) {
        const snake = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
        checkValue(node[field] ?? node[snake], 'field', scope, ctx, [...base, snake]);
      }
    }
  }
}
