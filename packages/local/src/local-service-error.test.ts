import { describe, expect, it } from 'vitest';

import {
  isLocalServiceError,
  LocalServiceError,
  LocalServiceErrorCode,
} from './local-service-error.js';

describe('LocalServiceError', () => {
  it('carries a stable name, code and cause', () => {
    const cause = new Error('disk full');
    const error = new LocalServiceError(LocalServiceErrorCode.StoreFailed, 'could not open', {
      cause,
    });
    expect(error.name).toBe('LocalServiceError');
    expect(error.code).toBe('StoreFailed');
    expect(error.cause).toBe(cause);
    expect(error).toBeInstanceOf(Error);
  });

  it('is recognised by name and code across copies of the package, not by shape alone', () => {
    expect(isLocalServiceError(new LocalServiceError('HomeLocked', 'x'))).toBe(true);
    expect(
      isLocalServiceError({ name: 'LocalServiceError', code: 'HomeLocked', message: 'x' }),
    ).toBe(true);
    expect(isLocalServiceError({ name: 'LocalServiceError', code: 'Nope' })).toBe(false);
    expect(isLocalServiceError(new Error('HomeLocked'))).toBe(false);
    expect(isLocalServiceError(null)).toBe(false);
  });
});
