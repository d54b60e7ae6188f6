/**
 * The AutoML step of a pipeline (`jobs.<name>` with `type: automl`). It has the same task
 * fields as a standalone AutoML job, but its data inputs may be `${{parent…}}` bindings;
 * the pipeline adds its node-level fields (`name`, `compute`, `outputs`, …) with
 * {@link createAutoMLNodeSchema}.
 */
import { s } from '../../schema/builders.js';
import type { Shape } from '../../schema/object.js';
import type { Infer } from '../../schema/schema.js';
import { automlNodeDataInputSchema } from './automl-data-input.js';
import { AUTOML_TASKS, type AutoMLTask } from './automl-enums.js';
import { automlTaskShapes, type AutoMLTaskShapes } from './automl-task-shapes.js';

/**
 * Builds the AutoML node schema, dispatching on `task`, with the pipeline's own
 * node-level fields in every branch.
 *
 * @example
 * ```ts
 * const node = createAutoMLNodeSchema({ name: s.string().optional(), compute: computeSchema.optional() });
 * ```
 */
export function createAutoMLNodeSchema<E extends Shape>(nodeFields: E) {
  const branch = <const T extends AutoMLTask, S extends Shape>(task: T, shape: S) =>
    s.object(
      { ...nodeFields, type: s.literal('automl'), task: s.literal(task), ...shape },
      { expected: `an AutoML ${task} step mapping` },
    );
  const shapes = automlTaskShapes(automlNodeDataInputSchema);
  const branches = Object.fromEntries(
    AUTOML_TASKS.map((task) => [task, branch(task, shapes[task])]),
  ) as { readonly [T in AutoMLTask]: ReturnType<typeof branch<T, AutoMLTaskShapes[T]>> };
  return s.discriminated('task', branches, {
    expected: `an AutoML step mapping with task: ${Object.keys(branches).join(' | ')}`,
  });
}

/** The AutoML node schema without pipeline-level fields (type, task and the task's fields only). */
export const automlNodeSchema = createAutoMLNodeSchema({});

/** The validated (camelCase) value of an AutoML step, without pipeline-level fields. */
export type AutoMLNodeYaml = Infer<typeof automlNodeSchema>;
