import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultLogSelection, emittableLength, utf8Boundary } from './log-reader.js';

const encoder = new TextEncoder();

describe('utf8Boundary', () => {
  it('never cuts inside a character: both halves decode back to the whole', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(), (text, at) => {
        const bytes = encoder.encode(text);
        const cut = utf8Boundary(bytes, bytes.length === 0 ? 0 : at % (bytes.length + 1));
        const decoder = new TextDecoder('utf-8', { fatal: true });
        const head = decoder.decode(bytes.subarray(0, cut));
        const tail = decoder.decode(bytes.subarray(cut));
        expect(head + tail).toBe(text);
      }),
    );
  });

  it('backs off to the start of a split character', () => {
    const bytes = encoder.encode('aé'); // 61 c3 a9
    expect(utf8Boundary(bytes, 2)).toBe(1);
    expect(utf8Boundary(bytes, 3)).toBe(3);
  });
});

describe('emittableLength', () => {
  it('emits whole lines while running and everything once final', () => {
    const bytes = encoder.encode('one\ntwo\nthr');
    expect(emittableLength(bytes, false)).toBe(8);
    expect(emittableLength(bytes, true)).toBe(11);
    expect(emittableLength(encoder.encode('no newline'), false)).toBe(0);
  });

  it('emits a very long partial line rather than holding it forever', () => {
    const bytes = encoder.encode('x'.repeat(70_000));
    expect(emittableLength(bytes, false)).toBe(70_000);
  });
});

describe('defaultLogSelection', () => {
  it('prefers the common-runtime std_log of rank 0, else keeps every file', () => {
    expect(
      defaultLogSelection([
        'system_logs/executor.txt',
        'user_logs/std_log.txt',
        'user_logs/std_log_process_0.txt',
        'user_logs/std_log_process_1.txt',
      ]),
    ).toEqual(['user_logs/std_log.txt', 'user_logs/std_log_process_0.txt']);
    expect(
      defaultLogSelection(['azureml-logs/70_driver_log.txt', 'azureml-logs/process_info.json']),
    ).toEqual(['azureml-logs/70_driver_log.txt']);
    expect(defaultLogSelection(['system_logs/executor.txt'])).toEqual([]);
  });
});
