import { isRecord } from '../../internal/http.js';
import { cp, open, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { parseJobStatus } from '@amlkit/status';

import { waitForJobEvent } from '../../internal/child-job-host.js';
import type { ChildJobHost } from '../../internal/child-job-host.js';
import { outputSourceJob } from '../../internal/output-source.js';
import { jobDir } from '../../internal/service-context.js';
import { isLocalServiceError, LocalServiceError } from '../../local-service-error.js';
import { planSweep } from '../../sweep/plan-sweep.js';
import type { StoredJob, StoredStatusEntry } from '../../store/job-store.js';
import { decidePipeline } from '../decide-pipeline.js';
import { planPipeline } from '../plan-pipeline.js';
import type { PipelinePlan } from '../plan-pipeline.js';
import { stepJobProperties } from '../step-job-properties.js';
import { stepComponentSpec } from './step-component.js';

const LOG_TAIL_BYTES = 4096;
const LOG_TAIL_LINES = 20;

/** The last lines of a job's user log (`logs/user_logs/std_log.txt`), or '' when it has none. */
async function logTail(dir: string): Promise<string> {
  let handle;
  try {
    handle = await open(join(dir, 'logs', 'user_logs', 'std_log.txt'), 'r');
  } catch {
    return '';
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, LOG_TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n');
    if (size > length) lines.shift(); // a partial first line
    return lines
      .filter((line) => line.trim() !== '')
      .slice(-LOG_TAIL_LINES)
      .join('\n');
  } finally {
    await handle.close();
  }
}

/**
 * Runs a stored pipeline job: plans its steps (`planPipeline`), reads each step's component
 * from the service's component store, then creates each step as a Command child job named
 * `<pipeline>_<step>` as soon as the steps it reads from have completed (the scheduler's
 * concurrency limit applies to them like to any job). The pipeline's status follows its
 * children by `decidePipeline`'s rule: a failed step stops the run unless
 * `settings.continue_on_step_failure`, a cancel cancels the running steps, and the pipeline's
 * error names the failed step with the tail of its log. Outputs bound to
 * `${{parent.outputs.<name>}}` are copied to the pipeline's own outputs when their step completes.
 */
export async function runPipeline(
  host: ChildJobHost,
  job: StoredJob,
  signal: AbortSignal,
): Promise<void> {
  const { ctx } = host;
  const childNameOf = (step: string): string => `${job.name}_${step}`;
  let plan: PipelinePlan;
  // Every step's child job, built (and so checked) before any step starts.
  const stepJobs = new Map<string, Record<string, unknown>>();
  try {
    plan = planPipeline(job.properties);
    for (const step of plan.steps) {
      const properties = stepJobProperties({
        pipelineName: job.name,
        pipeline: job.properties,
        step,
        spec: stepComponentSpec(step, job.workspace, ctx.store.components),
        childNameOf,
      });
      if (properties.jobType === 'Sweep') checkSweepStep(step.name, properties);
      stepJobs.set(step.name, properties);
    }
  } catch (error) {
    if (!isLocalServiceError(error)) throw error;
    host.apply(job, 'NotStarted', { type: 'fail', reason: error.message }, 'service', new Date(), {
      code: 'UserError',
      message: error.message,
    });
    return;
  }
  let status = host.apply(job, 'NotStarted', { type: 'submit' }, 'service', new Date());
  status = host.apply(
    job,
    status,
    {
      type: 'start',
      reason: `Pipeline: ${String(plan.steps.length)} steps${plan.continueOnStepFailure ? ', continue_on_step_failure' : ''}`,
    },
    'service',
    new Date(),
  );

  const children = new Map<string, StoredJob>();
  const promoted = new Set<string>();
  /** Steps the pipeline canceled (after a failure, or on its own cancel): not failures. */
  const canceledByPipeline = new Set<string>();
  // The children's statuses, kept from the service's status events: no store reads per wake-up.
  const statusOf = new Map<number, string>();
  const onStatus = (seq: number, entry: StoredStatusEntry): void => {
    if (statusOf.has(seq)) statusOf.set(seq, entry.status);
  };
  ctx.events.on('status', onStatus);
  let decision;
  try {
    for (;;) {
      const statuses: Record<string, string | undefined> = {};
      for (const [step, child] of children) statuses[step] = statusOf.get(child.seq);
      decision = decidePipeline(plan, statuses, { cancelRequested: signal.aborted });
      if (signal.aborted && status !== 'CancelRequested') {
        status = host.apply(
          job,
          status,
          {
            type: 'requestCancel',
            reason: 'The pipeline was canceled: its running steps are canceled',
          },
          'service',
          new Date(),
        );
      }
      for (const name of decision.cancel) {
        const seq = children.get(name)?.seq;
        const child = seq === undefined ? undefined : ctx.store.getJobBySeq(seq);
        if (child === undefined) continue;
        canceledByPipeline.add(name);
        const failed = decision.failedSteps.filter((step) => !canceledByPipeline.has(step));
        const reason =
          decision.status === 'CancelRequested'
            ? 'The parent pipeline was canceled'
            : `Step '${failed.join("', '")}' failed and settings.continue_on_step_failure is off`;
        host.cancel(child, reason);
      }
      await promoteOutputs(host, job, plan, { children, statusOf, promoted });
      for (const name of decision.start) {
        const properties = stepJobs.get(name);
        if (properties === undefined) continue;
        const inserted = ctx.store.insertJob({
          workspace: job.workspace,
          name: childNameOf(name),
          createdBy: job.createdBy,
          properties,
        });
        children.set(name, inserted);
        statusOf.set(inserted.seq, inserted.status);
        host.enqueue(inserted.seq);
      }
      if (decision.final) break;
      await waitForJobEvent(ctx, signal, 500);
    }
  } finally {
    ctx.events.off('status', onStatus);
  }

  const failedSteps = decision.failedSteps.filter((step) => !canceledByPipeline.has(step));
  const stopped = decision.failedSteps.filter((step) => canceledByPipeline.has(step));
  const fresh = ctx.store.getJobBySeq(job.seq) ?? job;
  const properties = isRecord(fresh.properties.properties) ? fresh.properties.properties : {};
  ctx.store.updateJob(job.seq, {
    ...fresh.properties,
    properties: {
      ...properties,
      'amlkit.steps': String(plan.steps.length),
      ...(decision.skipped.length === 0
        ? {}
        : { 'amlkit.skippedSteps': decision.skipped.join(',') }),
      ...(failedSteps.length === 0 ? {} : { 'amlkit.failedSteps': failedSteps.join(',') }),
      ...(stopped.length === 0 ? {} : { 'amlkit.canceledSteps': stopped.join(',') }),
    },
  });
  const at = new Date();
  const from = parseJobStatus(fresh.status).status;
  if (decision.status === 'Canceled') {
    host.apply(
      job,
      from,
      { type: 'confirmCancel', reason: 'The pipeline was canceled' },
      'service',
      at,
    );
    return;
  }
  if (decision.status === 'Failed') {
    const message = await failureMessage(host, children, {
      failedSteps,
      stopped,
      skipped: decision.skipped,
    });
    const reason = message.split('\n', 1)[0] ?? message;
    host.apply(job, from, { type: 'fail', reason }, 'service', at, {
      code: 'UserError',
      message,
    });
    return;
  }
  const finalizing = host.apply(job, from, { type: 'finalize' }, 'service', at);
  host.apply(
    job,
    finalizing,
    { type: 'complete', reason: `All ${String(plan.steps.length)} steps completed` },
    'service',
    at,
  );
}

/** A sweep step's search space, sampling, objective and limits, checked as its sweep will. */
function checkSweepStep(step: string, properties: Readonly<Record<string, unknown>>): void {
  try {
    planSweep(properties);
  } catch (error) {
    if (!isLocalServiceError(error)) throw error;
    throw new LocalServiceError(
      'InvalidPipeline',
      `properties.jobs.${step} (a sweep step): ${error.message}`,
      { cause: error },
    );
  }
}

/** Copies completed steps' outputs bound to `${{parent.outputs.<name>}}` into the pipeline's. */
async function promoteOutputs(
  host: ChildJobHost,
  job: StoredJob,
  plan: PipelinePlan,
  state: {
    readonly children: ReadonlyMap<string, StoredJob>;
    readonly statusOf: ReadonlyMap<number, string>;
    readonly promoted: Set<string>;
  },
): Promise<void> {
  const { children, statusOf, promoted } = state;
  for (const step of plan.steps) {
    const child = children.get(step.name);
    if (child === undefined || statusOf.get(child.seq) !== 'Completed') continue;
    for (const [output, target] of Object.entries(step.outputs)) {
      if (target.kind !== 'pipelineOutput' || promoted.has(target.output)) continue;
      promoted.add(target.output);
      const to = join(jobDir(host.ctx, job), 'outputs', target.output);
      await rm(to, { recursive: true, force: true });
      const fresh = host.ctx.store.getJobBySeq(child.seq) ?? child;
      const source = outputSourceJob(host.ctx.store, fresh);
      await cp(join(jobDir(host.ctx, source), 'outputs', output), to, {
        recursive: true,
        verbatimSymlinks: true,
      }).catch(() => undefined); // a step that wrote nothing to the output
    }
  }
}

/** The pipeline's error: each failed step with its job, its error and the tail of its log. */
async function failureMessage(
  host: ChildJobHost,
  children: ReadonlyMap<string, StoredJob>,
  steps: {
    readonly failedSteps: readonly string[];
    readonly stopped: readonly string[];
    readonly skipped: readonly string[];
  },
): Promise<string> {
  const parts: string[] = [];
  for (const step of steps.failedSteps) {
    const child = children.get(step);
    const fresh = child === undefined ? undefined : host.ctx.store.getJobBySeq(child.seq);
    const verb = fresh?.status === 'Canceled' ? 'was canceled' : 'failed';
    const why = fresh?.error?.message;
    parts.push(
      `Step '${step}' (job ${child?.name ?? '?'}) ${verb}${why === undefined ? '' : `: ${why}`}`,
    );
    // The executor's error already ends with the log tail when the command failed.
    const tail =
      fresh === undefined || why?.includes('Last log lines') === true
        ? ''
        : await logTail(jobDir(host.ctx, fresh));
    if (tail !== '') parts.push(`Last lines of its log:\n${tail}`);
  }
  if (steps.stopped.length > 0)
    parts.push(`Canceled after the failure: ${steps.stopped.join(', ')}`);
  if (steps.skipped.length > 0) parts.push(`Not run: ${steps.skipped.join(', ')}`);
  return parts.join('\n');
}
