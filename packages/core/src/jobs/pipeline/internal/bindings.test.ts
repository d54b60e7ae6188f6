import { describe, expect, it } from 'vitest';
import { bindingExpression, isBindingValue, parseBinding } from './bindings.js';

describe('parseBinding', () => {
  it('does recognise a pipeline input binding, tolerating whitespace', () => {
    expect(parseBinding('${{ parent.inputs.lr }}')).toEqual({ kind: 'parentInput', name: 'lr' });
  });

  it('does keep dotted parameter-group input names whole', () => {
    expect(parseBinding('${{parent.inputs.group.lr}}')).toEqual({
      kind: 'parentInput',
      name: 'group.lr',
    });
  });

  it('does recognise node output and input bindings', () => {
    expect(parseBinding('${{parent.jobs.train.outputs.model}}')).toEqual({
      kind: 'jobOutput',
      node: 'train',
      name: 'model',
    });
    expect(parseBinding('${{parent.jobs.train.inputs.data}}')).toEqual({
      kind: 'jobInput',
      node: 'train',
      name: 'data',
    });
  });

  it('does recognise pipeline output bindings and the legacy forms', () => {
    expect(parseBinding('${{parent.outputs.best}}')).toEqual({
      kind: 'parentOutput',
      name: 'best',
    });
    expect(parseBinding('${{inputs.x}}')).toEqual({ kind: 'legacyInput', name: 'x' });
    expect(parseBinding('${{outputs.y}}')).toEqual({ kind: 'legacyOutput', name: 'y' });
  });

  it('does classify other expressions and reject non-bindings', () => {
    expect(parseBinding('${{name}}')).toEqual({ kind: 'other', expression: 'name' });
    expect(parseBinding('prefix ${{parent.inputs.x}}')).toBeUndefined();
    expect(parseBinding('plain')).toBeUndefined();
  });
});

describe('bindingExpression', () => {
  it('does return the trimmed inner expression', () => {
    expect(bindingExpression('  ${{  parent.inputs.a }} ')).toBe('parent.inputs.a');
  });
});

describe('isBindingValue', () => {
  it('does accept only strings that are whole bindings', () => {
    expect(isBindingValue('${{parent.inputs.a}}')).toBe(true);
    expect(isBindingValue(3)).toBe(false);
    expect(isBindingValue('x ${{parent.inputs.a}}')).toBe(false);
  });
});
