import fc from 'fast-check';
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

describe('parseBinding (properties)', () => {
  const ident = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/);
  const space = fc.stringMatching(/^ {0,3}$/);

  it('does read back the names it is given, whatever the whitespace inside the braces', () => {
    fc.assert(
      fc.property(ident, ident, space, space, (node, name, before, after) => {
        const input = `\${{${before}parent.inputs.${name}${after}}}`;
        expect(parseBinding(input)).toEqual({ kind: 'parentInput', name });
        const output = `\${{${before}parent.jobs.${node}.outputs.${name}${after}}}`;
        expect(parseBinding(output)).toEqual({ kind: 'jobOutput', node, name });
      }),
    );
  });

  it('does never treat a value with text around the braces as a binding', () => {
    fc.assert(
      fc.property(ident, fc.stringMatching(/^[a-z]{1,5}$/), (name, prefix) => {
        expect(parseBinding(`${prefix} \${{parent.inputs.${name}}}`)).toBeUndefined();
      }),
    );
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
