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

/** Where one binding was found, and what it can refer to. */
interface BindingSite {
  readonly raw: string;
  readonly where: Where;
  readonly at: PathSegment[];
  readonly scope: BindingScope;
  readonly ctx: ParseContext;
}

function checkOne(binding: PipelineBinding, site: BindingSite): void {
  const { raw, where, at, scope, ctx } = site;
  const report = (message: string, expected: string): void => {
    ctx.path.push(...at);
    ctx.report('JOB_UNDEFINED_REFERENCE', message, { expected, received: raw });
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

/**
 * Reports every binding of `scope.jobs` (node inputs, outputs, compute and AutoML data
 * fields) that names something the scope does not have. `ctx.path` must be the path of
 * the mapping that holds `jobs`.
 */
export function checkBindings(scope: BindingScope, ctx: ParseContext): void {
  const check = (value: unknown, where: Where, at: PathSegment[]): void => {
    if (typeof value === 'string') {
      const binding = parseBinding(value);
      if (binding !== undefined) checkOne(binding, { raw: value, where, at, scope, ctx });
    } else if (isRecord(value) && typeof value['path'] === 'string') {
      const raw = value['path'];
      const binding = parseBinding(raw);
      if (binding !== undefined) checkOne(binding, { raw, where, at: [...at, 'path'], scope, ctx });
    }
  };
  for (const [nodeName, node] of Object.entries(scope.jobs ?? {})) {
    if (!isRecord(node)) continue;
    const base: PathSegment[] = ['jobs', nodeName];
    const inputs = node['inputs'];
    if (isRecord(inputs))
      for (const [k, v] of Object.entries(inputs)) check(v, 'input', [...base, 'inputs', k]);
    const outputs = node['outputs'];
    const inline =
      node['component'] === undefined && node['trial'] === undefined && node['type'] !== 'automl';
    if (isRecord(outputs))
      for (const [k, v] of Object.entries(outputs))
        check(v, inline ? 'inlineOutput' : 'output', [...base, 'outputs', k]);
    check(node['compute'], 'field', [...base, 'compute']);
    if (node['type'] === 'automl') {
      for (const field of AUTOML_DATA_FIELDS) {
        const snake = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
        check(node[field] ?? node[snake], 'field', [...base, snake]);
      }
    }
  }
}
