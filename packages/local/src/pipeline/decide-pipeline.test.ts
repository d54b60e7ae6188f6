import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { decidePipeline } from './decide-pipeline.js';
import { planPipeline } from './plan-pipeline.js';
import type { PipelinePlan } from './plan-pipeline.js';

function uses(...steps: string[]) {
  return {
    inputs: Object.fromEntries(
      steps.map((step) => [
        `in_${step}`,
        { job_input_type: 'literal', value: `\${{parent.jobs.${step}.outputs.out}}` },
      ]),
    ),
    outputs: { out: { job_output_type: 'uri_folder' } },
  };
}

// a → b → d, a → c (independent branch c)
function diamond(continueOnStepFailure = false): PipelinePlan {
  return planPipeline({
    jobs: { a: uses(), b: uses('a'), c: uses('a'), d: uses('b') },
    settings: { continue_on_step_failure: continueOnStepFailure },
  });
}

describe('decidePipeline', () => {
  it('starts the roots, then each step once its inputs are ready', () => {
    const plan = diamond();
    expect(decidePipeline(plan, {})).toMatchObject({
      status: 'Running',
      start: ['a'],
      final: false,
    });
    expect(decidePipeline(plan, { a: 'Running' }).start).toEqual([]);
    expect(decidePipeline(plan, { a: 'Completed' }).start).toEqual(['b', 'c']);
    expect(decidePipeline(plan, { a: 'Completed', b: 'Completed', c: 'Queued' }).start).toEqual([
      'd',
    ]);
    expect(
      decidePipeline(plan, { a: 'Completed', b: 'Completed', c: 'Completed', d: 'Completed' }),
    ).toMatchObject({ status: 'Completed', final: true, start: [], skipped: [] });
  });

  it('without continue-on-failure, a failed step cancels the running ones and fails the pipeline', () => {
    const plan = diamond();
    const running = decidePipeline(plan, { a: 'Completed', b: 'Failed', c: 'Running' });
    expect(running).toMatchObject({
      status: 'Running',
      final: false,
      start: [],
      cancel: ['c'],
      skipped: ['d'],
      failedSteps: ['b'],
    });
    expect(decidePipeline(plan, { a: 'Completed', b: 'Failed', c: 'Canceled' })).toMatchObject({
      status: 'Failed',
      final: true,
    });
  });

  it('with continue-on-failure, independent branches finish and the pipeline still fails', () => {
    const plan = diamond(true);
    expect(decidePipeline(plan, { a: 'Completed', b: 'Failed', c: 'Running' })).toMatchObject({
      status: 'Running',
      cancel: [],
      skipped: ['d'],
    });
    expect(decidePipeline(plan, { a: 'Completed', b: 'Failed' }).start).toEqual(['c']);
    expect(decidePipeline(plan, { a: 'Completed', b: 'Failed', c: 'Completed' })).toMatchObject({
      status: 'Failed',
      final: true,
      failedSteps: ['b'],
      skipped: ['d'],
    });
  });

  it('a cancel cancels the running steps, skips the rest and ends Canceled', () => {
    const plan = diamond();
    const during = decidePipeline(
      plan,
      { a: 'Completed', b: 'Running' },
      { cancelRequested: true },
    );
    expect(during).toMatchObject({ status: 'CancelRequested', cancel: ['b'], skipped: ['c', 'd'] });
    expect(
      decidePipeline(plan, { a: 'Completed', b: 'CancelRequested' }, { cancelRequested: true })
        .cancel,
    ).toEqual([]);
    expect(
      decidePipeline(plan, { a: 'Completed', b: 'Canceled' }, { cancelRequested: true }),
    ).toMatchObject({ status: 'Canceled', final: true });
  });

  it('keeps its invariants on any DAG and any step statuses', () => {
    const statuses = fc.constantFrom(
      undefined,
      'Queued',
      'Running',
      'Completed',
      'Failed',
      'Canceled',
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }).chain((n) =>
          fc.tuple(
            fc.array(fc.array(fc.boolean(), { minLength: n, maxLength: n }), {
              minLength: n,
              maxLength: n,
            }),
            fc.array(statuses, { minLength: n, maxLength: n }),
            fc.boolean(),
            fc.boolean(),
          ),
        ),
        ([edges, raw, cont, cancelRequested]) => {
          const names = raw.map((_, i) => `s${String(i)}`);
          // only edges j → i with j < i: always a DAG
          const jobs = Object.fromEntries(
            names.map((name, i) => [
              name,
              uses(...names.filter((_, j) => j < i && edges[i]?.[j] === true)),
            ]),
          );
          const plan = planPipeline({ jobs, settings: { continue_on_step_failure: cont } });
          const state = Object.fromEntries(names.map((name, i) => [name, raw[i]]));
          const d = decidePipeline(plan, state, { cancelRequested });
          for (const name of d.start) {
            expect(state[name]).toBeUndefined();
            const step = plan.steps.find((s) => s.name === name);
            for (const dep of step?.dependsOn ?? []) expect(state[dep]).toBe('Completed');
          }
          for (const name of d.skipped) expect(state[name]).toBeUndefined();
          for (const name of d.cancel) expect(['Queued', 'Running']).toContain(state[name]);
          const stopping = cancelRequested || (d.failedSteps.length > 0 && !cont);
          if (stopping) expect(d.start).toEqual([]);
          else expect(d.cancel).toEqual([]);
          const active = names.some((n) => state[n] === 'Queued' || state[n] === 'Running');
          expect(d.final).toBe(!active && d.start.length === 0);
          if (d.final && !cancelRequested) {
            expect(d.status).toBe(d.failedSteps.length > 0 ? 'Failed' : 'Completed');
          }
          if (d.status === 'Completed') {
            for (const name of names) expect(state[name]).toBe('Completed');
          }
        },
      ),
    );
  });
});
