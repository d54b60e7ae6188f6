import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commandLimitsToNodeRest,
  distributionToNodeRest,
  identityToNodeRest,
  miniBatchSizeToNodeRest,
  nodeInputToRest,
  nodeOutputToRest,
  partitionKeysToNodeRest,
  searchDistributionToString,
  searchSpaceToNodeRest,
  sparkConfToNodeRest,
  sparkEntryToNodeRest,
} from './node-shapes.js';

describe('nodeInputToRest', () => {
  it('sends literals as strings the way Python str() writes them', () => {
    expect(nodeInputToRest(256)).toEqual({ job_input_type: 'literal', value: '256' });
    expect(nodeInputToRest(true)).toEqual({ job_input_type: 'literal', value: 'True' });
    expect(nodeInputToRest(0.001)).toEqual({ job_input_type: 'literal', value: '0.001' });
    expect(nodeInputToRest('${{parent.inputs.x}}')).toEqual({
      job_input_type: 'literal',
      value: '${{parent.inputs.x}}',
    });
  });

  it('keeps the REST mode of a binding given as a mapping (node dicts keep it, unlike job inputs)', () => {
    expect(
      nodeInputToRest({ path: '${{parent.jobs.a.outputs.b}}', mode: 'direct' } as never),
    ).toEqual({
      job_input_type: 'literal',
      value: '${{parent.jobs.a.outputs.b}}',
      mode: 'Direct',
    });
  });

  it('sends a data input with its resolved uri and REST mode', () => {
    expect(
      nodeInputToRest(
        { type: 'uri_folder', path: './data', mode: 'download' },
        'azureml://x/data/',
      ),
    ).toEqual({ job_input_type: 'uri_folder', uri: 'azureml://x/data/', mode: 'Download' });
  });
});

describe('nodeOutputToRest', () => {
  it('leaves a default output out', () => {
    expect(nodeOutputToRest(null)).toBeUndefined();
    expect(nodeOutputToRest(undefined)).toBeUndefined();
  });

  it('sends a binding as {type: literal, value} (the 1.4.0 quirk)', () => {
    expect(nodeOutputToRest('${{parent.outputs.model}}')).toEqual({
      type: 'literal',
      value: '${{parent.outputs.model}}',
    });
  });

  it('sends an output mapping with job_output_type, uri and REST mode', () => {
    expect(nodeOutputToRest({ type: 'uri_file', path: 'azureml://p', mode: 'rw_mount' })).toEqual({
      job_output_type: 'uri_file',
      uri: 'azureml://p',
      mode: 'ReadWriteMount',
    });
  });
});

describe('node REST shapes', () => {
  it('maps distributions, limits and identities to their discriminated REST dicts', () => {
    expect(distributionToNodeRest({ type: 'pytorch', process_count_per_instance: 2 })).toEqual({
      distribution_type: 'PyTorch',
      process_count_per_instance: 2,
    });
    expect(distributionToNodeRest({ type: 'mpi' })).toEqual({ distribution_type: 'Mpi' });
    expect(commandLimitsToNodeRest({ timeout: 3600 })).toEqual({
      job_limits_type: 'Command',
      timeout: 'PT1H',
    });
    expect(identityToNodeRest({ type: 'managed_identity' })).toEqual({ identity_type: 'Managed' });
    expect(identityToNodeRest({ type: 'user_identity' })).toEqual({
      identity_type: 'UserIdentity',
    });
  });

  it('defaults spark.executor.instances to the minimum executors under dynamic allocation', () => {
    expect(
      sparkConfToNodeRest({
        'spark.dynamicAllocation.enabled': true,
        'spark.dynamicAllocation.minExecutors': 1,
      }),
    ).toEqual({
      'spark.dynamicAllocation.enabled': true,
      'spark.dynamicAllocation.minExecutors': 1,
      'spark.executor.instances': 1,
    });
    expect(sparkConfToNodeRest({ 'spark.executor.instances': 3 })).toEqual({
      'spark.executor.instances': 3,
    });
  });

  it('types spark entries by file or class name', () => {
    expect(sparkEntryToNodeRest({ file: 'a.py' })).toEqual({
      file: 'a.py',
      spark_job_entry_type: 'SparkJobPythonEntry',
    });
    expect(sparkEntryToNodeRest({ class_name: 'A' })).toEqual({
      class_name: 'A',
      spark_job_entry_type: 'SparkJobScalaEntry',
    });
  });

  it('sends parallel mini batch sizes as integers and partition keys as a JSON string', () => {
    expect(miniBatchSizeToNodeRest('10240')).toBe(10240);
    expect(miniBatchSizeToNodeRest('10kb')).toBe('10kb');
    expect(partitionKeysToNodeRest(['Store', 'Brand'])).toBe('["Store", "Brand"]');
  });
});

describe('searchSpaceToNodeRest', () => {
  it('writes AutoML image search spaces in their string form', () => {
    expect(
      searchSpaceToNodeRest([
        {
          learning_rate: { type: 'uniform', min_value: 0.001, max_value: 0.01 },
          model_name: { type: 'choice', values: ['vitb16r224', 'vits16r224'] },
          number_of_epochs: { type: 'choice', values: [15, 30] },
        },
      ]),
    ).toEqual([
      {
        learning_rate: 'uniform(0.001,0.01)',
        model_name: "choice('vitb16r224','vits16r224')",
        number_of_epochs: 'choice(15,30)',
      },
    ]);
  });

  it('leaves values that are not distributions alone', () => {
    expect(searchDistributionToString('choice(1,2)')).toBe('choice(1,2)');
    expect(searchDistributionToString({ type: 'mystery' })).toEqual({ type: 'mystery' });
  });

  it('writes every integer choice as Python would (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1 }), (values) => {
        expect(searchDistributionToString({ type: 'choice', values })).toBe(
          `choice(${values.join(',')})`,
        );
      }),
    );
  });
});
