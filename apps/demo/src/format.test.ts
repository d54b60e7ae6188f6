import { describe, expect, it } from 'vitest';

import { formatBytes, formatDurationMs, formatTimestamp } from './format.js';

describe('format', () => {
  it('formats durations at each scale', () => {
    expect(formatDurationMs(850)).toBe('850 ms');
    expect(formatDurationMs(12_400)).toBe('12 s');
    expect(formatDurationMs(185_000)).toBe('3 min 05 s');
    expect(formatDurationMs(7_440_000)).toBe('2 h 04 min');
    expect(() => formatDurationMs(-1)).toThrow(RangeError);
  });

  it('formats bytes and missing timestamps', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10.0 MiB');
    expect(formatTimestamp(undefined)).toBe('—');
    expect(formatTimestamp('nope')).toBe('—');
  });
});
