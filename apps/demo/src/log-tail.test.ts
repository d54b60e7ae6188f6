import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { LogTail } from './log-tail.js';

describe('LogTail', () => {
  it('appends chunks in byte order and ignores a chunk seen before', () => {
    const tail = new LogTail();
    expect(tail.append({ offset: 0, nextOffset: 4, text: 'a\nb\n' })).toBe(true);
    expect(tail.append({ offset: 0, nextOffset: 4, text: 'a\nb\n' })).toBe(false);
    tail.append({ offset: 4, nextOffset: 6, text: 'c\n' });
    expect(tail.text).toBe('a\nb\nc\n');
    expect(tail.nextOffset).toBe(6);
    expect(tail.truncated).toBe(false);
  });

  it('drops the partial first line when it starts mid-file', () => {
    const tail = new LogTail();
    tail.startAt(100);
    tail.append({ offset: 100, nextOffset: 112, text: 'ial line\nok\n' });
    expect(tail.text).toBe('ok\n');
    expect(tail.truncated).toBe(true);
    expect(tail.hiddenBefore).toBe(109);
  });

  it('keeps at most maxChars, cutting at a line start', () => {
    const tail = new LogTail({ maxChars: 10 });
    tail.append({ offset: 0, nextOffset: 18, text: 'line1\nline2\nline3\n' });
    expect(tail.text).toBe('line3\n');
    expect(tail.hiddenBefore).toBe(12);
  });

  it('never holds more than maxChars, whatever arrives', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.array(fc.string({ maxLength: 80 }), { maxLength: 40 }),
        (max, chunks) => {
          const tail = new LogTail({ maxChars: max });
          let offset = 0;
          let all = '';
          for (const text of chunks) {
            tail.append({ offset, nextOffset: offset + text.length, text });
            offset += text.length;
            all += text;
          }
          expect(tail.text.length).toBeLessThanOrEqual(max);
          expect(all.endsWith(tail.text)).toBe(true);
        },
      ),
    );
  });

  it('refuses a non-positive size', () => {
    expect(() => new LogTail({ maxChars: 0 })).toThrow(RangeError);
  });
});
