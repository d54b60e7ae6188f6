import { describe, expect, it } from 'vitest';

import { stableHash } from './stable-hash.js';
import { callsOf } from './test-support/corpus.js';

describe('stableHash', () => {
  it('reproduces the README vectors', () => {
    expect(stableHash('src')).toBe('25a6634263c1b1f6fc4697a04e2b9904');
    expect(stableHash('<COMPONENT_PLACEHOLDER>')).toBe('5c349d2bb73e06c3342bfe9a54a87fdd');
  });

  it('reproduces the name of every code call in the goldens from its key', () => {
    const codes = callsOf('code');
    expect(codes.length).toBeGreaterThan(50);
    for (const { file, call } of codes) {
      expect(stableHash(call.key as string), file).toBe(call.name);
    }
  });
});
