import { describe, expect, it } from 'vitest';

import { isStudioError, StudioError, StudioErrorCode } from './studio-error.js';
import { stepOfChild } from './child-jobs.js';

describe('StudioError', () => {
  it('carries a stable name, code, status and cause', () => {
    const cause = new Error('refused');
    const error = new StudioError(StudioErrorCode.Unreachable, 'Listing jobs failed', {
      status: 503,
      cause,
    });
    expect(error).toMatchObject({
      name: 'StudioError',
      code: 'STUDIO_UNREACHABLE',
      status: 503,
      cause,
    });
  });

  it('is recognized by name and code across copies', () => {
    expect(isStudioError({ name: 'StudioError', code: 'STUDIO_HTTP' })).toBe(true);
    expect(isStudioError({ name: 'StudioError', code: 'OTHER' })).toBe(false);
    expect(isStudioError(new Error('x'))).toBe(false);
  });
});

describe('stepOfChild', () => {
  it('finds the step by node id, display name or name suffix', () => {
    const steps = ['prep', 'train'];
    expect(
      stepOfChild({ name: 'x', properties: { properties: { 'azureml.nodeid': 'train' } } }, steps),
    ).toBe('train');
    expect(stepOfChild({ name: 'x', properties: { displayName: 'prep' } }, steps)).toBe('prep');
    expect(stepOfChild({ name: 'pipe_train' }, steps)).toBe('train');
    expect(stepOfChild({ name: 'other' }, steps)).toBeUndefined();
  });
});
