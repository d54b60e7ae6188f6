import { describe, expect, it } from 'vitest';

import type { CommandExecution } from '../command-execution.js';
import { buildJobEnvironment } from './build-job-environment.js';

const exec: CommandExecution = {
  jobName: 'job_a',
  experimentName: 'exp',
  command: 'true',
  environmentVariables: { A: 'job', AZUREML_RUN_ID: 'user-override' },
  extraEnv: { A: 'service', B: 'service' },
  inputs: {},
  outputs: {},
  jobDir: '/tmp/j',
};
const io = { literals: { lr: '0.1' }, paths: { data: '/d' }, outputs: { model: '/o/model' } };

describe('buildJobEnvironment', () => {
  it('layers host < service < job < executor variables and names inputs and outputs', () => {
    const env = buildJobEnvironment(exec, {
      hostEnv: { PATH: '/bin', A: 'host', UNSET: undefined },
      io,
      executionId: 'e1',
    });
    expect(env).toEqual({
      PATH: '/bin',
      A: 'job',
      B: 'service',
      AZUREML_RUN_ID: 'job_a',
      MLFLOW_RUN_ID: 'job_a',
      AZUREML_ARM_PROJECT_NAME: 'exp',
      MLFLOW_EXPERIMENT_NAME: 'exp',
      AZUREML_PARAMETER_lr: '0.1',
      AZURE_ML_INPUT_data: '/d',
      AZURE_ML_OUTPUT_model: '/o/model',
      AMLKIT_EXECUTION_ID: 'e1',
    });
  });

  it('sets rank variables that job variables cannot override', () => {
    const env = buildJobEnvironment(
      { ...exec, environmentVariables: { RANK: '9' }, distribution: { type: 'PyTorch' } },
      {
        hostEnv: {},
        io,
        executionId: 'e2',
        rank: {
          rank: 3,
          localRank: 1,
          nodeRank: 1,
          worldSize: 4,
          localWorldSize: 2,
          masterPort: 29500,
        },
      },
    );
    expect(env).toMatchObject({
      RANK: '3',
      LOCAL_RANK: '1',
      NODE_RANK: '1',
      WORLD_SIZE: '4',
      LOCAL_WORLD_SIZE: '2',
      MASTER_ADDR: '127.0.0.1',
      MASTER_PORT: '29500',
    });
    expect(env['OMPI_COMM_WORLD_RANK']).toBeUndefined();
  });
});
