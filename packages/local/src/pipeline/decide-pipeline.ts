import { isFinalStatus } from '@amlkit/status';

import type { PipelinePlan } from './plan-pipeline.js';

/** The pipeline statuses {@link decidePipeline} produces. */
export type PipelineRollupStatus =
  'Running' | 'CancelRequested' | 'Completed' | 'Failed' | 'Canceled';

/** What the scheduler should do next for a pipeline, and the pipeline's status. */
export interface PipelineDecision {
  /** The pipeline's status by the rule of {@link decidePipeline}. */
  readonly status: PipelineRollupStatus;
  /** Whether every step is final or will never run (the pipeline is done). */
  readonly final: boolean;
  /** Steps whose inputs are ready and that should be created now, in plan order. */
  readonly start: readonly string[];
  /** Running steps to cancel (after a failure without continue-on-failure, or a cancel). */
  readonly cancel: readonly string[];
  /** Steps that will never run (an upstream step failed or was canceled, or the run stops). */
  readonly skipped: readonly string[];
  /** Steps that ended `Failed` or `Canceled` (by themselves, not by a pipeline cancel). */
  readonly failedSteps: readonly string[];
}

/** Options of {@link decidePipeline}. */
export interface DecidePipelineOptions {
  /** The pipeline itself was asked to cancel. */
  readonly cancelRequested?: boolean;
}

/**
 * The pipeline status rule, as a pure function of the steps' statuses (`undefined` = the step's
 * child job does not exist yet):
 *
 * 1. A step is **ready** when every step it depends on is `Completed`; ready steps start (the
 *    caller applies the concurrency limit).
 * 2. A step that ends `Failed` or `Canceled` is a **failed step**. Steps downstream of it never
 *    run (**skipped**).
 * 3. Without `continue_on_step_failure`, the first failed step **stops** the run: nothing new
 *    starts, running steps are canceled. With it, independent branches keep running.
 * 4. A pipeline cancel stops the run the same way.
 * 5. The pipeline is **final** when no step runs and none can start. It is then `Canceled` if it
 *    was asked to cancel, else `Failed` if any step failed, else `Completed`. Before that it is
 *    `CancelRequested` during a cancel, else `Running`.
 */
export function decidePipeline(
  plan: PipelinePlan,
  statuses: Readonly<Record<string, string | undefined>>,
  options: DecidePipelineOptions = {},
): PipelineDecision {
  const cancelRequested = options.cancelRequested === true;
  const failedSteps = plan.steps
    .filter((step) => statuses[step.name] === 'Failed' || statuses[step.name] === 'Canceled')
    .map((step) => step.name);
  const stopping = cancelRequested || (failedSteps.length > 0 && !plan.continueOnStepFailure);
  const skipped = new Set<string>();
  const start: string[] = [];
  const cancel: string[] = [];
  let active = 0;
  // plan.steps is topological: every dependency is decided before its dependents.
  for (const step of plan.steps) {
    const status = statuses[step.name];
    if (status !== undefined) {
      if (!isFinalStatus(status)) {
        active += 1;
        if (stopping && status !== 'CancelRequested') cancel.push(step.name);
      }
      continue;
    }
    const blocked = step.dependsOn.some((dep) => {
      const depStatus = statuses[dep];
      return skipped.has(dep) || depStatus === 'Failed' || depStatus === 'Canceled';
    });
    if (stopping || blocked) {
      skipped.add(step.name);
      continue;
    }
    if (step.dependsOn.every((dep) => statuses[dep] === 'Completed')) start.push(step.name);
  }
  const final = active === 0 && start.length === 0;
  let status: PipelineRollupStatus;
  if (!final) status = cancelRequested ? 'CancelRequested' : 'Running';
  else if (cancelRequested) status = 'Canceled';
  else status = failedSteps.length > 0 ? 'Failed' : 'Completed';
  return { status, final, start, cancel, skipped: [...skipped], failedSteps };
}
