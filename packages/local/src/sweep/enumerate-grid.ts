import { LocalServiceError } from '../local-service-error.js';
import { isSweepDistribution } from './search-space.js';
import type { ParameterValue, SearchSpace, SweepDistribution } from './search-space.js';
import type { SampledParameters } from './sample-distribution.js';

type Partial = Record<string, ParameterValue>;

function expand(name: string, distribution: SweepDistribution, where: string): Partial[] {
  if (distribution.type !== 'choice') {
    throw new LocalServiceError(
      'InvalidSweep',
      `${where}: grid sampling expected only choice distributions, received ${distribution.type} for '${name}'`,
    );
  }
  const out: Partial[] = [];
  for (const option of distribution.values) {
    if (typeof option !== 'object' || option === null) {
      out.push({ [name]: option });
      continue;
    }
    let combos: Partial[] = [{}];
    for (const [nested, item] of Object.entries(option)) {
      const parts = isSweepDistribution(item)
        ? expand(nested, item, `${where}.${nested}`)
        : [{ [nested]: item }];
      combos = combos.flatMap((combo) => parts.map((part) => ({ ...combo, ...part })));
    }
    out.push(...combos);
  }
  return out;
}

/**
 * Every combination of a choice-only search space, each exactly once, in the order of the
 * parameters (the last parameter varies fastest). Nested choice options (mappings) are
 * expanded in place.
 *
 * @throws {LocalServiceError} `InvalidSweep` when a distribution is not `choice` (the service
 *   refuses grid sampling over anything else).
 */
export function enumerateGrid(space: SearchSpace): SampledParameters[] {
  let combos: Partial[] = [{}];
  for (const [name, distribution] of Object.entries(space)) {
    const parts = expand(name, distribution, `properties.searchSpace.${name}`);
    combos = combos.flatMap((combo) => parts.map((part) => ({ ...combo, ...part })));
  }
  return combos;
}
