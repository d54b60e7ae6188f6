import { describe, expect, it } from 'vitest';

import { resolveJobLayout, userLogFile } from './job-layout.js';

describe('resolveJobLayout', () => {
  it('puts the working directory, outputs and logs under the job folder', () => {
    expect(resolveJobLayout('/home/me/.amlkit/jobs/j1')).toEqual({
      workingDir: '/home/me/.amlkit/jobs/j1/wd',
      outputsDir: '/home/me/.amlkit/jobs/j1/outputs',
      logsDir: '/home/me/.amlkit/jobs/j1/logs',
      executorLog: '/home/me/.amlkit/jobs/j1/logs/system_logs/executor.txt',
    });
  });
});

describe('userLogFile', () => {
  const sdkStreamPattern = /^user_logs\/std_log[\D]*[0]*(?:_ps)?\.txt$/;

  it('uses std_log.txt for one process and std_log_process_<rank>.txt for several', () => {
    expect(userLogFile(0, 1)).toBe('user_logs/std_log.txt');
    expect(userLogFile(0, 2)).toBe('user_logs/std_log_process_0.txt');
    expect(userLogFile(11, 12)).toBe('user_logs/std_log_process_11.txt');
  });

  it('names files so that the SDK stream pattern picks rank 0 only', () => {
    expect(sdkStreamPattern.test(userLogFile(0, 1))).toBe(true);
    expect(sdkStreamPattern.test(userLogFile(0, 4))).toBe(true);
    expect(sdkStreamPattern.test(userLogFile(1, 4))).toBe(false);
  });

  it('rejects ranks outside the world', () => {
    expect(() => userLogFile(2, 2)).toThrow(
      new RangeError('userLogFile: expected an integer rank in [0, 2), received 2'),
    );
    expect(() => userLogFile(0, 0)).toThrow(RangeError);
  });
});
