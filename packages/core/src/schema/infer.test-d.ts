import { expectTypeOf, test } from 'vitest';
import type { CommandJobOptions, Distribution, JobInput, SearchDistribution } from '../index.js';
import { s } from './builders.js';
import type { Infer } from './schema.js';

test('Infer gives camelCase properties, optional where the schema says so', () => {
  const _o = s.object({
    display_name: s.string().optional(),
    max_total_trials: s.integer(),
    mode: s.enum(['a', 'b']).default('a'),
  });
  expectTypeOf<Infer<typeof _o>>().toEqualTypeOf<{
    maxTotalTrials: number;
    displayName?: string;
    mode?: 'a' | 'b';
  }>();
});

test('entity shapes come from the schemas', () => {
  expectTypeOf<Extract<Distribution, { type: 'tensorflow' }>>().toEqualTypeOf<{
    type: 'tensorflow';
    parameterServerCount?: number;
    workerCount?: number;
  }>();
  expectTypeOf<Extract<SearchDistribution, { type: 'randint' }>>().toEqualTypeOf<{
    type: 'randint';
    upper: number;
  }>();
  expectTypeOf<string>().toExtend<JobInput>();
  expectTypeOf<{ type: 'uri_file'; path: string }>().toExtend<JobInput>();
  expectTypeOf<CommandJobOptions['inputs']>().toEqualTypeOf<Record<string, JobInput> | undefined>();
});
