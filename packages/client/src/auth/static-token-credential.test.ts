import { describe, expect, it } from 'vitest';
import { createStaticTokenCredential } from './static-token-credential.js';

describe('createStaticTokenCredential', () => {
  it('does return the trimmed token with a far expiry', async () => {
    const token = await createStaticTokenCredential('abc123\n').getToken('any');
    expect(token).toEqual({
      token: 'abc123',
      expiresOnTimestamp: Number.MAX_SAFE_INTEGER,
      tokenType: 'Bearer',
    });
    const expiring = await createStaticTokenCredential('abc', { expiresOnTimestamp: 5 }).getToken(
      [],
    );
    expect(expiring?.expiresOnTimestamp).toBe(5);
  });

  it('does reject empty tokens and tokens with whitespace, without echoing them', () => {
    expect(() => createStaticTokenCredential('  ')).toThrow(/received an empty string/);
    expect(() => createStaticTokenCredential('Bearer abc')).toThrow(TypeError);
    expect(() => createStaticTokenCredential('Bearer abc')).not.toThrow(/abc/);
    expect(() => createStaticTokenCredential(42 as unknown as string)).toThrow(/received number/);
  });
});
