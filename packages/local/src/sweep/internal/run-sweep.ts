import { isRecord } from '../../internal/http.js';
import { isFinalStatus, parseJobStatus } from '@amlkit/status';

import { isLocalServiceError } from '../../local-service-error.js';
import { waitForJobEvent } from '../../internal/child-job-host.js';
import type { ChildJobHost } from '../../internal/child-job-host.js';
import type { StoredJob } from '../../store/job-store.js';
import { trialsToStop } from '../early-termination.js';
import { planSweep } from '../plan-sweep.js';
import type { ParameterValue } from '../search-space.js';
import { selectBestTrial } from '../select-best-trial.js';

const SEARCH_SPACE_BINDING = /\$\{\{\s*search_space\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** `${{search_space.x}}` → the sampled value (verbatim, like Azure ML; unknown names stay). */
export function substituteSearchSpace(
  command: string,
  params: Readonly<Record<string, ParameterValue>>,
): string {
  return command.replace(SEARCH_SPACE_BINDING, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

const INPUT_BINDING = /\$\{\{\s*inputs\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * A trial's inputs: the sweep's, plus each sampled value the command reads as
 * `${{inputs.<parameter>}}` and the sweep does not define (a pipeline's sweep step: its trial
 * component takes the search space through inputs of the same names).
 */
export function trialInputs(
  command: string,
  inputs: unknown,
  params: Readonly<Record<string, ParameterValue>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = isRecord(inputs) ? { ...inputs } : {};
  for (const [, name = ''] of command.matchAll(INPUT_BINDING)) {
    if (name in out || !(name in params)) continue;
    out[name] = { jobInputType: 'literal', value: String(params[name]) };
  }
  return out;
}

interface Trial {
  readonly name: string;
  readonly seq: number;
}

/**
 * Runs a stored sweep job: samples trials, creates each as a Command child job (its own name
 * `<sweep>_<n>`, `parentJobName`, the sampled values substituted for `${{search_space.x}}`),
 * keeps at most `maxConcurrentTrials` active, applies the early-termination policy to the
 * primary metric the trials log through MLflow, honours `timeout` / `trialTimeout`, and ends
 * with the best trial in `properties.properties.best_child_run_id`.
 */
export async function runSweep(
  host: ChildJobHost,
  job: StoredJob,
  signal: AbortSignal,
): Promise<void> {
  const { ctx } = host;
  const p = job.properties;
  let plan;
  try {
    plan = planSweep(p);
  } catch (error) {
    if (!isLocalServiceError(error)) throw error;
    host.apply(job, 'NotStarted', { type: 'fail', reason: error.message }, 'service', new Date(), {
      code: 'UserError',
      message: error.message,
    });
    return;
  }
  const trial = isRecord(p.trial) ? p.trial : {};
  if (typeof trial.command !== 'string' || trial.command.trim() === '') {
    const reason = 'properties.trial.command: expected a non-empty command';
    host.apply(job, 'NotStarted', { type: 'fail', reason }, 'service', new Date(), {
      code: 'UserError',
      message: reason,
    });
    return;
  }
  const { sampler, objective, limits, policy } = plan;
  const startedAt = Date.now();
  const notice = sampler.notice === undefined ? '' : ` ${sampler.notice}`;
  let status = host.apply(job, 'NotStarted', { type: 'submit' }, 'service', new Date());
  status = host.apply(
    job,
    status,
    {
      type: 'start',
      reason: `Sweep: ${String(limits.maxTotalTrials)} trials at most, ${String(limits.maxConcurrentTrials)} at a time, ${sampler.runsAs} sampling${sampler.seed === undefined ? '' : ` (seed ${String(sampler.seed)})`}.${notice}`,
    },
    'service',
    new Date(),
  );

  const trials: Trial[] = [];
  const stoppedEarly = new Set<string>();
  let exhausted = false;
  let stopReason: 'cancel' | 'timeout' | undefined;
  const child = (t: Trial): StoredJob | undefined => ctx.store.getJobBySeq(t.seq);

  for (;;) {
    if (stopReason === undefined && signal.aborted) stopReason = 'cancel';
    if (
      stopReason === undefined &&
      limits.timeoutMs !== undefined &&
      Date.now() - startedAt >= limits.timeoutMs
    ) {
      stopReason = 'timeout';
    }
    const current = trials.map((t) => ({ t, job: child(t) }));
    const active = current.filter((c) => c.job !== undefined && !isFinalStatus(c.job.status));
    if (stopReason !== undefined) {
      if (status !== 'CancelRequested') {
        status = host.apply(
          job,
          status,
          {
            type: 'requestCancel',
            reason:
              stopReason === 'cancel'
                ? 'The sweep was canceled: its running trials are canceled'
                : 'The sweep reached limits.timeout: its running trials are canceled',
          },
          'service',
          new Date(),
        );
      }
      for (const c of active) {
        if (c.job !== undefined && c.job.status !== 'CancelRequested') {
          host.cancel(c.job, 'The parent sweep was canceled');
        }
      }
      if (active.length === 0) break;
      await waitForJobEvent(ctx, signal, 250);
      continue;
    }
    if (policy !== undefined) {
      const metrics = current
        .filter((c) => c.job !== undefined)
        .map((c) => ({
          name: c.t.name,
          running: !isFinalStatus(c.job?.status) && !stoppedEarly.has(c.t.name),
          values: ctx.store.metricHistory(c.t.seq, objective.primaryMetric).map((m) => m.value),
        }));
      for (const name of trialsToStop(policy, metrics, objective)) {
        const c = current.find((x) => x.t.name === name);
        if (c?.job === undefined) continue;
        stoppedEarly.add(name);
        host.cancel(
          c.job,
          `Stopped by the ${policy.type} early-termination policy after ${String(metrics.find((m) => m.name === name)?.values.length ?? 0)} values of ${objective.primaryMetric}`,
        );
      }
    }
    let activeCount = active.length;
    while (
      !exhausted &&
      trials.length < limits.maxTotalTrials &&
      activeCount < limits.maxConcurrentTrials
    ) {
      const params = sampler.next();
      if (params === undefined) {
        exhausted = true;
        break;
      }
      const name = `${job.name}_${String(trials.length)}`;
      const inserted = ctx.store.insertJob({
        workspace: job.workspace,
        name,
        createdBy: job.createdBy,
        properties: {
          jobType: 'Command',
          displayName: name,
          experimentName: p.experimentName,
          parentJobName: job.name,
          command: substituteSearchSpace(trial.command, params),
          ...(trial.codeId === undefined ? {} : { codeId: trial.codeId }),
          ...(trial.environmentId === undefined ? {} : { environmentId: trial.environmentId }),
          environmentVariables: trial.environmentVariables ?? {},
          ...(trial.distribution === undefined ? {} : { distribution: trial.distribution }),
          ...(trial.resources === undefined ? {} : { resources: trial.resources }),
          inputs: trialInputs(trial.command, p.inputs, params),
          outputs: p.outputs ?? {},
          ...(limits.trialTimeoutMs === undefined
            ? {}
            : {
                limits: {
                  jobLimitsType: 'Command',
                  timeout: `PT${String(Math.ceil(limits.trialTimeoutMs / 1000))}S`,
                },
              }),
          properties: {
            'azureml.parentJobName': job.name,
            'azureml.hyperparameters': JSON.stringify(params),
          },
          tags: {},
        },
      });
      trials.push({ name, seq: inserted.seq });
      host.enqueue(inserted.seq);
      activeCount += 1;
    }
    if ((exhausted || trials.length >= limits.maxTotalTrials) && activeCount === 0) break;
    await waitForJobEvent(ctx, signal, 500);
  }

  const outcomes = trials.map((t) => ({
    name: t.name,
    status: child(t)?.status ?? 'Unknown',
    values: ctx.store.metricHistory(t.seq, objective.primaryMetric).map((m) => m.value),
  }));
  const best = selectBestTrial(outcomes, objective);
  const fresh = ctx.store.getJobBySeq(job.seq) ?? job;
  const properties = isRecord(fresh.properties.properties) ? fresh.properties.properties : {};
  ctx.store.updateJob(job.seq, {
    ...fresh.properties,
    properties: {
      ...properties,
      ...(best === undefined ? {} : { best_child_run_id: best.name, score: String(best.value) }),
      'amlkit.trials': String(trials.length),
      'amlkit.trialsStoppedEarly': String(stoppedEarly.size),
      'amlkit.primaryMetric': objective.primaryMetric,
    },
  });
  const at = new Date();
  const from = parseJobStatus(ctx.store.getJobBySeq(job.seq)?.status ?? status).status;
  if (stopReason === 'cancel') {
    host.apply(
      job,
      from,
      { type: 'confirmCancel', reason: 'The sweep was canceled' },
      'service',
      at,
    );
    return;
  }
  if (stopReason === 'timeout') {
    const reason = `The sweep reached limits.timeout (${String(limits.timeoutMs)} ms) after ${String(trials.length)} trials`;
    host.apply(job, from, { type: 'confirmCancel', reason }, 'service', at);
    ctx.store.setError(job.seq, { code: 'JobTimeout', message: reason });
    return;
  }
  const failed = outcomes.filter((o) => o.status === 'Failed');
  if (trials.length > 0 && failed.length === trials.length) {
    const first = failed[0];
    const childError =
      first === undefined ? undefined : ctx.store.getJob(job.workspace, first.name)?.error;
    const reason = `Every trial of the sweep failed; the first, '${first?.name ?? '?'}': ${childError?.message ?? 'no error recorded'}`;
    host.apply(job, from, { type: 'fail', reason }, 'service', at, {
      code: 'UserError',
      message: reason,
    });
    return;
  }
  const finalizing = host.apply(job, from, { type: 'finalize' }, 'service', at);
  host.apply(
    job,
    finalizing,
    {
      type: 'complete',
      reason:
        best === undefined
          ? `No trial logged ${objective.primaryMetric}`
          : `Best trial ${best.name}: ${objective.primaryMetric} = ${String(best.value)}`,
    },
    'service',
    at,
  );
}
