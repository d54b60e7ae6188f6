import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { substituteCommand } from './substitute-command.js';

const none = { inputs: {}, outputs: {} };

describe('substituteCommand', () => {
  it('replaces input and output references, tolerating whitespace inside the braces', () => {
    const result = substituteCommand(
      'python train.py --data ${{inputs.data}} --lr ${{ inputs.lr }} --out ${{outputs.model}}',
      { inputs: { data: '/d/iris.csv', lr: '0.1' }, outputs: { model: '/job/outputs/model' } },
    );
    expect(result).toEqual({
      ok: true,
      command: 'python train.py --data /d/iris.csv --lr 0.1 --out /job/outputs/model',
      usedDeprecatedSyntax: false,
      droppedSegments: [],
    });
  });

  it('fails on an unknown input, naming the reference and the known inputs', () => {
    const result = substituteCommand('echo ${{inputs.epochs}}', {
      inputs: { lr: '1' },
      outputs: {},
    });
    expect(result).toEqual({
      ok: false,
      reference: '${{inputs.epochs}}',
      reason:
        "Command references ${{inputs.epochs}}, but the job has no input named 'epochs' (known inputs: lr). " +
        'Put optional arguments inside $[[ … ]] to drop them when the input is not given',
    });
  });

  it('fails on an unknown output and says when there are none', () => {
    const result = substituteCommand('cp a ${{outputs.model}}', none);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(
      "no output named 'model' (the job has no outputs)",
    );
  });

  it('fails on bindings a command job cannot resolve', () => {
    const result = substituteCommand('echo ${{search_space.lr}} ${{parent.inputs.x}}', none);
    expect(result).toMatchObject({ ok: false, reference: '${{search_space.lr}}' });
    expect(!result.ok && result.reason).toContain('expected only ${{inputs.<name>}}');
  });

  it('keeps an optional segment without its markers when its inputs are given', () => {
    const result = substituteCommand('run $[[--seed ${{inputs.seed}}]] $[[--tag x]]', {
      inputs: { seed: '7' },
      outputs: {},
    });
    expect(result).toMatchObject({
      ok: true,
      command: 'run --seed 7 --tag x',
      droppedSegments: [],
    });
  });

  it('drops an optional segment when one of its inputs is missing', () => {
    const result = substituteCommand(
      'run $[[--a ${{inputs.a}} --b ${{inputs.b}}]] --c ${{inputs.c}}',
      { inputs: { a: '1', c: '3' }, outputs: {} },
    );
    expect(result).toMatchObject({
      ok: true,
      command: 'run  --c 3',
      droppedSegments: ['$[[--a ${{inputs.a}} --b ${{inputs.b}}]]'],
    });
  });

  it('rewrites the deprecated single-brace form but leaves ${{…}} and {{…}} alone', () => {
    const result = substituteCommand('echo {inputs.a} {{inputs.a}} ${{inputs.a}} {outputs.o}', {
      inputs: { a: 'A' },
      outputs: { o: '/o' },
    });
    expect(result).toMatchObject({
      ok: true,
      command: 'echo A {{inputs.a}} A /o',
      usedDeprecatedSyntax: true,
    });
  });

  it('does not touch shell syntax that merely looks similar', () => {
    const command = 'for f in {1..3}; do echo ${f} $[1+1] "${HOME}"; done; [ -d . ] && [[ -n x ]]';
    expect(substituteCommand(command, none)).toMatchObject({ ok: true, command });
  });

  it('inserts any value verbatim and never substitutes inside a value', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (first, second) => {
        const result = substituteCommand('<${{inputs.a}}|${{inputs.b}}>', {
          inputs: { a: first, b: second },
          outputs: {},
        });
        expect(result).toMatchObject({ ok: true, command: `<${first}|${second}>` });
      }),
    );
  });

  it('leaves a command without references unchanged', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !text.includes('{') && !text.includes('$[[')),
        (command) => {
          expect(substituteCommand(command, none)).toMatchObject({ ok: true, command });
        },
      ),
    );
  });
});
