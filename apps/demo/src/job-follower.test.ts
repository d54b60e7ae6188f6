import { describe, expect, it } from 'vitest';

import { applyJobEvent } from './job-follower.js';
import type { FollowState } from './job-follower.js';
import { LogTail } from './log-tail.js';

const EMPTY: FollowState = { statuses: [], logs: new Map(), end: undefined, connected: true };
const tail = (): LogTail => new LogTail();

describe('applyJobEvent', () => {
  it('records statuses, log chunks per file and the end', () => {
    let state = applyJobEvent(
      EMPTY,
      { event: 'status', data: '{"status":"Running","at":"2026-01-01T00:00:00Z","reason":"go"}' },
      tail,
    );
    state = applyJobEvent(
      state,
      {
        event: 'log',
        data: '{"file":"user_logs/std_log.txt","offset":0,"nextOffset":3,"text":"hi\\n"}',
      },
      tail,
    );
    state = applyJobEvent(
      state,
      {
        event: 'log',
        data: '{"file":"user_logs/std_log.txt","offset":3,"nextOffset":6,"text":"yo\\n"}',
      },
      tail,
    );
    state = applyJobEvent(
      state,
      { event: 'end', data: '{"status":"Failed","error":{"code":"UserError","message":"exit 1"}}' },
      tail,
    );
    expect(state.statuses).toEqual([
      { status: 'Running', at: '2026-01-01T00:00:00Z', reason: 'go' },
    ]);
    expect(state.logs.get('user_logs/std_log.txt')?.text).toBe('hi\nyo\n');
    expect(state.end).toEqual({
      status: 'Failed',
      error: { code: 'UserError', message: 'exit 1' },
    });
  });

  it('ignores malformed and unknown events', () => {
    expect(applyJobEvent(EMPTY, { event: 'status', data: 'not json' }, tail)).toBe(EMPTY);
    expect(applyJobEvent(EMPTY, { event: 'other', data: '{}' }, tail)).toBe(EMPTY);
  });
});
