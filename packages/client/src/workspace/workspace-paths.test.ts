import { describe, expect, it } from 'vitest';
import { jobCancelPath, jobPath, jobsPath, workspacePath } from './workspace-paths.js';

const ws = {
  subscriptionId: '00000000-1111-2222-3333-444444444444',
  resourceGroup: 'test-rg',
  workspaceName: 'my-aml-workspace',
};

describe('workspace paths', () => {
  it('does build the ARM paths of the spec', () => {
    const prefix =
      '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/test-rg/providers/Microsoft.MachineLearningServices/workspaces/my-aml-workspace';
    expect(workspacePath(ws)).toBe(prefix);
    expect(jobsPath(ws)).toBe(`${prefix}/jobs`);
    expect(jobPath(ws, 'sharp_pen_4k2mzq8wbd')).toBe(`${prefix}/jobs/sharp_pen_4k2mzq8wbd`);
    expect(jobCancelPath(ws, 'a-1')).toBe(`${prefix}/jobs/a-1/cancel`);
  });

  it('does encode odd characters in workspace fields and reject empty ones', () => {
    expect(workspacePath({ ...ws, resourceGroup: 'rg (prod)' })).toContain(
      '/resourceGroups/rg%20(prod)/',
    );
    expect(() => workspacePath({ ...ws, workspaceName: '' })).toThrow(
      /Expected workspace workspaceName to be a non-empty string/,
    );
  });

  it('does reject a job name that breaks the rule (no path is built)', () => {
    expect(() => jobPath(ws, '../other')).toThrow(RangeError);
  });
});
