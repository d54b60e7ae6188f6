import type { EarlyTerminationPolicy, SamplingAlgorithm } from '@amlkit/core';
import type { RestEarlyTerminationPolicy, RestSamplingAlgorithm } from '../types.js';
import { compact } from './rest-shapes.js';

const SAMPLING: Readonly<Record<string, string>> = {
  random: 'Random',
  grid: 'Grid',
  bayesian: 'Bayesian',
};
const RULES: Readonly<Record<string, string>> = { random: 'Random', sobol: 'Sobol' };
const POLICIES: Readonly<Record<string, string>> = {
  bandit: 'Bandit',
  median_stopping: 'MedianStopping',
  truncation_selection: 'TruncationSelection',
};

function reverse(map: Readonly<Record<string, string>>, value: string): string {
  return (
    Object.entries(map).find(([, v]) => v.toLowerCase() === value.toLowerCase())?.[0] ??
    value.toLowerCase()
  );
}

/** Sampling algorithm → REST. */
export function samplingAlgorithmToRest(sampling: SamplingAlgorithm): RestSamplingAlgorithm {
  if (typeof sampling === 'string') {
    return { samplingAlgorithmType: SAMPLING[sampling] ?? sampling };
  }
  if (sampling.type === 'random') {
    return compact({
      samplingAlgorithmType: 'Random',
      rule: sampling.rule === undefined ? undefined : (RULES[sampling.rule] ?? sampling.rule),
      seed: sampling.seed,
    });
  }
  return { samplingAlgorithmType: SAMPLING[sampling.type] ?? sampling.type };
}

/** REST sampling algorithm → entity (a bare type name unless it carries a rule or seed). */
export function samplingAlgorithmFromRest(rest: RestSamplingAlgorithm): SamplingAlgorithm {
  const type = reverse(SAMPLING, rest.samplingAlgorithmType) as 'random' | 'grid' | 'bayesian';
  if (type === 'random' && (rest.rule !== undefined || rest.seed !== undefined)) {
    return compact({
      type,
      rule: rest.rule === undefined ? undefined : (reverse(RULES, rest.rule) as 'random' | 'sobol'),
      seed: rest.seed,
    });
  }
  return type;
}

/** Early-termination policy → REST. */
export function earlyTerminationToRest(policy: EarlyTerminationPolicy): RestEarlyTerminationPolicy {
  const out: Record<string, unknown> = { policyType: POLICIES[policy.type] ?? policy.type };
  for (const [k, v] of Object.entries(policy)) if (k !== 'type' && v !== undefined) out[k] = v;
  return out as RestEarlyTerminationPolicy;
}

/** REST early-termination policy → entity. */
export function earlyTerminationFromRest(rest: RestEarlyTerminationPolicy): EarlyTerminationPolicy {
  const out: Record<string, unknown> = { type: reverse(POLICIES, rest.policyType) };
  for (const [k, v] of Object.entries(rest)) if (k !== 'policyType') out[k] = v;
  return out as unknown as EarlyTerminationPolicy;
}
