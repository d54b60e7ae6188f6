import { describe, expect, it } from 'vitest';
import { InvalidTransitionError, isInvalidTransitionError } from './invalid-transition-error.js';
import { StatusError, StatusErrorCode, isStatusError } from './status-error.js';

describe('StatusError', () => {
  it('has a stable name, a code and a cause', () => {
    const cause = new Error('root');
    const error = new StatusError('bad', { code: StatusErrorCode.InvalidHistory, cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('StatusError');
    expect(error.code).toBe('INVALID_HISTORY');
    expect(error.cause).toBe(cause);
    expect(isStatusError(error)).toBe(true);
  });

  it('is recognised by name and code without instanceof (duplicate installs)', () => {
    const copy = Object.assign(new Error('x'), { name: 'StatusError', code: 'INVALID_HISTORY' });
    expect(isStatusError(copy)).toBe(true);
    expect(isStatusError(Object.assign(new Error('x'), { code: 'INVALID_HISTORY' }))).toBe(false);
    expect(isStatusError({ name: 'StatusError', code: 'OTHER' })).toBe(false);
    expect(isStatusError(null)).toBe(false);
    expect(isStatusError('StatusError')).toBe(false);
  });
});

describe('InvalidTransitionError', () => {
  it('carries from, event and allowed, and is a StatusError', () => {
    const error = new InvalidTransitionError('Queued', { type: 'finalize' }, ['start', 'fail']);
    expect(error).toBeInstanceOf(StatusError);
    expect(error).toMatchObject({
      name: 'InvalidTransitionError',
      code: 'INVALID_TRANSITION',
      from: 'Queued',
      event: { type: 'finalize' },
      allowed: ['start', 'fail'],
    });
    expect(Object.isFrozen(error.allowed)).toBe(true);
    expect(isInvalidTransitionError(error)).toBe(true);
    expect(isStatusError(error)).toBe(true);
  });

  it('is recognised by name and code only', () => {
    expect(
      isInvalidTransitionError({ name: 'InvalidTransitionError', code: 'INVALID_TRANSITION' }),
    ).toBe(true);
    expect(isInvalidTransitionError(new StatusError('x', { code: 'INVALID_TRANSITION' }))).toBe(
      false,
    );
    expect(isInvalidTransitionError(undefined)).toBe(false);
  });
});
