import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeInputToRest, nodeOutputToRest } from './node-shapes.js';
import { nodeInputFromRest, nodeOutputFromRest, settingsFromRest } from './pipeline-from-rest.js';

const INPUT_TYPES = ['uri_file', 'uri_folder', 'mltable', 'custom_model', 'mlflow_model'] as const;
const INPUT_MODES = [
  'ReadOnlyMount',
  'ReadWriteMount',
  'Download',
  'Direct',
  'EvalMount',
  'EvalDownload',
] as const;
const OUTPUT_MODES = ['ReadWriteMount', 'Upload', 'Direct'] as const;

const restInput = fc.oneof(
  fc.record({ job_input_type: fc.constant('literal'), value: fc.string() }),
  fc.record({
    job_input_type: fc.constant('literal'),
    value: fc.string().map((s) => `\${{parent.inputs.${s.replace(/\W/g, '') || 'x'}}}`),
    mode: fc.constantFrom(...INPUT_MODES),
  }),
  fc.record(
    {
      job_input_type: fc.constantFrom(...INPUT_TYPES),
      uri: fc.webUrl(),
      mode: fc.constantFrom(...INPUT_MODES),
    },
    { requiredKeys: ['job_input_type', 'uri'] },
  ),
);

const restOutput = fc.oneof(
  fc.record({ type: fc.constant('literal'), value: fc.constant('${{parent.outputs.out}}') }),
  fc.record(
    {
      job_output_type: fc.constantFrom(...INPUT_TYPES),
      uri: fc.webUrl(),
      mode: fc.constantFrom(...OUTPUT_MODES),
    },
    { requiredKeys: ['job_output_type'] },
  ),
);

describe('node I/O read from REST', () => {
  it('sends back exactly the node input dict it read (property)', () => {
    fc.assert(
      fc.property(restInput, (rest) => {
        const input = nodeInputFromRest(rest);
        const uri = 'uri' in rest ? rest.uri : undefined;
        expect(nodeInputToRest(input, uri)).toEqual(rest);
      }),
    );
  });

  it('sends back exactly the node output dict it read (property)', () => {
    fc.assert(
      fc.property(restOutput, (rest) => {
        expect(nodeOutputToRest(nodeOutputFromRest(rest))).toEqual(rest);
      }),
    );
  });

  it('reads a missing or malformed dict as an empty literal or a default output', () => {
    expect(nodeInputFromRest(undefined)).toBe('');
    expect(nodeOutputFromRest(undefined)).toBeNull();
  });
});

describe('settingsFromRest', () => {
  it('drops _source and null values and keeps unknown keys as written', () => {
    expect(
      settingsFromRest({
        _source: 'DSL',
        force_rerun: true,
        default_datestore: 'x',
        timeout: null,
      }),
    ).toEqual({ forceRerun: true, default_datestore: 'x' });
  });
});
