import { createSweepSampler } from './create-sweep-sampler.js';
import type { SweepSampler } from './create-sweep-sampler.js';
import { parseEarlyTermination } from './early-termination.js';
import type { EarlyTerminationPolicy } from './early-termination.js';
import { parseObjective } from './objective.js';
import type { SweepObjective } from './objective.js';
import { parseSearchSpace } from './search-space.js';
import type { SearchSpace } from './search-space.js';
import { parseSweepLimits } from './sweep-limits.js';
import type { SweepLimits } from './sweep-limits.js';

/** Everything a sweep job's REST fields say about how to run it. */
export interface SweepPlan {
  readonly space: SearchSpace;
  readonly sampler: SweepSampler;
  readonly objective: SweepObjective;
  readonly limits: SweepLimits;
  readonly policy: EarlyTerminationPolicy | undefined;
}

/**
 * Reads a sweep job's REST `searchSpace`, `samplingAlgorithm`, `objective`, `limits` and
 * `earlyTermination` (what the sweep driver runs by, and what a pipeline checks of its sweep
 * steps before any step starts).
 *
 * @throws {LocalServiceError} `InvalidSweep` naming the first bad field.
 */
export function planSweep(properties: Readonly<Record<string, unknown>>): SweepPlan {
  const space = parseSearchSpace(properties.searchSpace);
  return {
    space,
    sampler: createSweepSampler(properties.samplingAlgorithm, space),
    objective: parseObjective(properties.objective),
    limits: parseSweepLimits(properties.limits),
    policy: parseEarlyTermination(properties.earlyTermination),
  };
}
