import { describe, expect, it } from 'vitest';

import { createConnectionMonitor } from './connection.js';
import type { ConnectionState } from './connection.js';

describe('createConnectionMonitor', () => {
  it('goes offline on a failure, probes with growing delays, and comes back with a new generation', async () => {
    const delays: number[] = [];
    const queue: (() => void)[] = [];
    const answers = [false, false, true];
    const states: ConnectionState[] = [];
    const monitor = createConnectionMonitor({
      probe: () => Promise.resolve(answers.shift() ?? true),
      onChange: (s) => states.push(s),
      baseDelayMs: 100,
      maxDelayMs: 300,
      schedule: (run, delayMs) => {
        delays.push(delayMs);
        queue.push(run);
      },
    });
    monitor.reportUnreachable();
    monitor.reportUnreachable();
    expect(states).toEqual([{ online: false, generation: 0 }]);
    while (queue.length > 0) {
      queue.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(delays).toEqual([100, 200, 300]);
    expect(monitor.state).toEqual({ online: true, generation: 1 });
    monitor.close();
    monitor.reportUnreachable();
    expect(monitor.state.online).toBe(true);
  });
});
