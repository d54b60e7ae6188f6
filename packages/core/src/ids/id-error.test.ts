import { describe, expect, it } from 'vitest';
import { AssetReferenceError, isAssetReferenceError } from './id-error.js';

describe('AssetReferenceError', () => {
  it('has a stable name, a code, the input and a cause', () => {
    const cause = new Error('inner');
    const error = new AssetReferenceError('bad', {
      code: 'INVALID_ARM_ID',
      input: '/subscriptions/x',
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'AssetReferenceError',
      code: 'INVALID_ARM_ID',
      input: '/subscriptions/x',
    });
    expect(error.cause).toBe(cause);
    expect(isAssetReferenceError(error)).toBe(true);
  });

  it('is recognised by name and code without instanceof', () => {
    expect(isAssetReferenceError({ name: 'AssetReferenceError', code: 'INVALID_JOB_NAME' })).toBe(
      true,
    );
    expect(isAssetReferenceError({ name: 'AssetReferenceError', code: 'NOPE' })).toBe(false);
    expect(isAssetReferenceError(Object.assign(new Error('x'), { code: 'INVALID_ARM_ID' }))).toBe(
      false,
    );
    expect(isAssetReferenceError(null)).toBe(false);
  });
});
