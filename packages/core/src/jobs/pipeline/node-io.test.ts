import { describe, expect, it } from 'vitest';
import { ParseContext } from '../../schema/schema.js';
import { nodeInputSchema, nodeOutputSchema, nodeOutputsSchema } from './node-io.js';

describe('nodeInputSchema', () => {
  it('does dump a binding as {path: binding}', () => {
    expect(nodeInputSchema.dump('${{parent.inputs.lr}}')).toEqual({
      path: '${{parent.inputs.lr}}',
    });
  });

  it('does drop the type of a data input bound to another node', () => {
    const ctx = new ParseContext();
    const parsed = nodeInputSchema.parse(
      { type: 'mltable', path: '${{parent.jobs.a.outputs.b}}', mode: 'eval_mount' },
      ctx,
    );
    expect(ctx.issues).toEqual([]);
    expect(nodeInputSchema.dump(parsed as never)).toEqual({
      path: '${{parent.jobs.a.outputs.b}}',
      mode: 'eval_mount',
    });
  });

  it('does keep literals and data inputs', () => {
    expect(nodeInputSchema.dump(3)).toBe(3);
    const ctx = new ParseContext();
    const parsed = nodeInputSchema.parse({ type: 'uri_file', path: './x.csv' }, ctx);
    expect(nodeInputSchema.dump(parsed as never)).toEqual({ type: 'uri_file', path: './x.csv' });
  });
});

describe('nodeOutputSchema', () => {
  it('does collapse {path: binding} to the binding', () => {
    const ctx = new ParseContext();
    const parsed = nodeOutputSchema.parse({ type: 'uri_file', path: '${{parent.outputs.o}}' }, ctx);
    expect(nodeOutputSchema.dump(parsed as never)).toBe('${{parent.outputs.o}}');
  });

  it('does reject a plain string that is no binding', () => {
    const ctx = new ParseContext();
    nodeOutputSchema.parse('./out', ctx);
    expect(ctx.issues[0]).toMatchObject({ code: 'JOB_INVALID_VALUE' });
  });
});

describe('nodeOutputsSchema', () => {
  it('does keep null outputs on the entity and leave them out of the dump', () => {
    const ctx = new ParseContext();
    const parsed = nodeOutputsSchema.parse({ a: null, b: { mode: 'upload' } }, ctx);
    expect(parsed).toMatchObject({ a: null });
    expect(nodeOutputsSchema.dump(parsed as never)).toEqual({
      b: { type: 'uri_folder', mode: 'upload' },
    });
  });
});
