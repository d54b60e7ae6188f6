import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createSseParser } from './parse-event-stream.js';

const STREAM =
  'event: status\ndata: {"status":"Running"}\nid: 1\n\n: heartbeat\n\nevent: log\r\ndata: line one\r\ndata: line two\r\nid: 2\r\n\r\ndata: plain\n\n';

describe('createSseParser', () => {
  it('reads events, ids, multi-line data, CRLF and comments', () => {
    expect(createSseParser().push(STREAM)).toEqual([
      { event: 'status', data: '{"status":"Running"}', id: '1' },
      { event: 'log', data: 'line one\nline two', id: '2' },
      { event: 'message', data: 'plain' },
    ]);
  });

  it('holds an unfinished event until its blank line arrives', () => {
    const parser = createSseParser();
    expect(parser.push('event: end\ndata: {}')).toEqual([]);
    expect(parser.push('\n\n')).toEqual([{ event: 'end', data: '{}' }]);
  });

  it('gives the same events however the stream is split', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(STREAM.length), { maxLength: 8 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const parser = createSseParser();
        const events = [];
        let from = 0;
        for (const point of [...points, STREAM.length]) {
          events.push(...parser.push(STREAM.slice(from, point)));
          from = point;
        }
        expect(events).toEqual(createSseParser().push(STREAM));
      }),
    );
  });
});
