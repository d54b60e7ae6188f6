import { SweepJob } from '@amlkit/core';
import type { Job, SearchDistribution, SweepJobLimits } from '@amlkit/core';
import { parameterizedCommandToRest } from '../internal/parameterized-command.js';
import {
  inputsFromRest,
  inputsToRest,
  outputsFromRest,
  outputsToRest,
} from '../internal/rest-io.js';
import {
  compact,
  distributionFromRest as trialDistributionFromRest,
  durationFromRest,
  durationToRest,
  identityFromRest,
  identityToRest,
  queueSettingsFromRest,
  queueSettingsToRest,
  resourcesFromRest,
} from '../internal/rest-shapes.js';
import {
  earlyTerminationFromRest,
  earlyTerminationToRest,
  samplingAlgorithmFromRest,
  samplingAlgorithmToRest,
} from '../internal/sweep-shapes.js';
import { expectJob } from '../internal/expect-job.js';
import type { RestJobConverter } from '../rest-job-converter.js';
import type { RestJobLimits, RestJobProperties, RestSweepJob } from '../types.js';
import { distributionFromRest, distributionToRest } from './search-space.js';

function limitsToRest(limits: SweepJobLimits): RestJobLimits {
  return compact({
    jobLimitsType: 'Sweep',
    maxTotalTrials: limits.maxTotalTrials,
    maxConcurrentTrials: limits.maxConcurrentTrials,
    timeout: durationToRest(limits.timeout),
    trialTimeout: durationToRest(limits.trialTimeout),
  });
}

/** `SweepJob` ⇄ `jobType: "Sweep"`. */
export const sweepConverter: RestJobConverter = {
  type: 'sweep',
  jobType: 'Sweep',

  async toRest(job: Job, context) {
    const sweep = expectJob(job, SweepJob, 'sweep');
    const out: Partial<RestSweepJob> = {};
    if (sweep.trial !== undefined) {
      out.trial = await parameterizedCommandToRest(
        {
          command: sweep.trial.command,
          code: sweep.trial.code,
          environment: sweep.trial.environment,
          environmentVariables: sweep.trial.environmentVariables,
          distribution: sweep.trial.distribution,
          resources: sweep.trial.resources ?? sweep.resources,
        },
        context,
      );
    }
    out.inputs = await inputsToRest(sweep.inputs, context.resolver, context.resolveContext);
    out.outputs = outputsToRest(sweep.outputs);
    if (sweep.searchSpace !== undefined) {
      out.searchSpace = Object.fromEntries(
        Object.entries(sweep.searchSpace).map(([k, v]) => [k, distributionToRest(v)]),
      );
    }
    if (sweep.samplingAlgorithm !== undefined) {
      out.samplingAlgorithm = samplingAlgorithmToRest(sweep.samplingAlgorithm);
    }
    if (sweep.objective !== undefined) {
      out.objective = { goal: sweep.objective.goal, primaryMetric: sweep.objective.primaryMetric };
    }
    if (sweep.earlyTermination !== undefined) {
      out.earlyTermination = earlyTerminationToRest(sweep.earlyTermination);
    }
    if (sweep.limits !== undefined) out.limits = limitsToRest(sweep.limits);
    if (sweep.identity !== undefined) out.identity = identityToRest(sweep.identity);
    if (sweep.queueSettings !== undefined)
      out.queueSettings = queueSettingsToRest(sweep.queueSettings);
    return out;
  },

  fromRest(properties: RestJobProperties, { common }) {
    const p = properties as RestSweepJob;
    const searchSpace: Record<string, SearchDistribution> = {};
    for (const [k, v] of Object.entries(p.searchSpace ?? {})) {
      const d = distributionFromRest(v);
      if (d !== undefined) searchSpace[k] = d;
    }
    const trial = p.trial as RestSweepJob['trial'] | undefined;
    const environmentVariables: Record<string, string> = {};
    for (const [k, v] of Object.entries(trial?.environmentVariables ?? {})) {
      if (typeof v === 'string') environmentVariables[k] = v;
    }
    const limits = p.limits ?? undefined;
    return new SweepJob({
      ...common,
      trial:
        trial === undefined
          ? undefined
          : compact({
              command: trial.command,
              code: trial.codeId ?? undefined,
              environment: trial.environmentId,
              environmentVariables,
              distribution: trial.distribution
                ? trialDistributionFromRest(trial.distribution)
                : undefined,
              resources: trial.resources ? resourcesFromRest(trial.resources) : undefined,
            }),
      inputs: inputsFromRest(p.inputs),
      outputs: outputsFromRest(p.outputs),
      searchSpace,
      samplingAlgorithm: p.samplingAlgorithm
        ? samplingAlgorithmFromRest(p.samplingAlgorithm)
        : undefined,
      objective: p.objective
        ? {
            goal: p.objective.goal.toLowerCase() as 'minimize' | 'maximize',
            primaryMetric: p.objective.primaryMetric,
          }
        : undefined,
      earlyTermination: p.earlyTermination
        ? earlyTerminationFromRest(p.earlyTermination)
        : undefined,
      limits:
        limits === undefined
          ? undefined
          : (compact({
              maxTotalTrials: limits.maxTotalTrials,
              maxConcurrentTrials: limits.maxConcurrentTrials,
              timeout: durationFromRest(limits.timeout),
              trialTimeout: durationFromRest(limits.trialTimeout),
            }) as SweepJobLimits),
      identity: p.identity ? identityFromRest(p.identity) : undefined,
      queueSettings: p.queueSettings ? queueSettingsFromRest(p.queueSettings) : undefined,
    });
  },
};
