import { describe, expect, it } from 'vitest';
import { s } from '../../schema/builders.js';
import { INVALID, ParseContext } from '../../schema/schema.js';
import { automlNodeSchema, createAutoMLNodeSchema } from './automl-node-schema.js';

const step = {
  type: 'automl',
  task: 'classification',
  target_column_name: 'y',
  training_data: '${{parent.jobs.prep.outputs.train}}',
  validation_data: { type: 'mltable', path: './valid' },
};

describe('automlNodeSchema', () => {
  it('accepts ${{parent…}} bindings as data inputs and dumps them unchanged', () => {
    const ctx = new ParseContext();
    const value = automlNodeSchema.parse(step, ctx);
    expect(ctx.issues).toEqual([]);
    expect(value).not.toBe(INVALID);
    expect(automlNodeSchema.dump(value as never)).toMatchObject({
      training_data: '${{parent.jobs.prep.outputs.train}}',
      validation_data: { type: 'mltable', path: './valid' },
      log_verbosity: 'info',
      primary_metric: 'auc_weighted',
    });
  });

  it('rejects a data input string that is not a binding', () => {
    const ctx = new ParseContext();
    expect(automlNodeSchema.parse({ ...step, training_data: './train' }, ctx)).toBe(INVALID);
    expect(ctx.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['training_data', 'JOB_INVALID_VALUE'],
    ]);
  });
});

describe('createAutoMLNodeSchema', () => {
  it('adds the pipeline node fields to every task branch', () => {
    const schema = createAutoMLNodeSchema({ name: s.string().optional() });
    const ctx = new ParseContext();
    const value = schema.parse(
      { ...step, task: 'text_ner', name: 'ner_node', target_column_name: undefined },
      ctx,
    );
    expect(ctx.issues).toEqual([]);
    expect(schema.dump(value as never)).toMatchObject({
      name: 'ner_node',
      task: 'text_ner',
      limits: { max_nodes: 1, max_trials: 1 },
    });
    expect(automlNodeSchema.parse({ ...step, name: 'x' }, new ParseContext())).toBe(INVALID);
  });
});
