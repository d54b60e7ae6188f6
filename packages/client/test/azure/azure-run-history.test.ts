import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, createStaticTokenCredential, createTransport } from '../../src/index.js';
import { discoverWorkspaceEndpoints } from '../../src/node.js';
import { startArmEmulator, TOKEN, WORKSPACE, WS } from './support/arm-emulator.js';
import type { ArmEmulator } from './support/arm-emulator.js';

let arm: ArmEmulator;

beforeAll(async () => {
  arm = await startArmEmulator();
});

afterAll(async () => {
  await arm.close();
});

describe('run-history data plane (discovery → jobs.stream)', () => {
  it('streams logs through the discovered history URL, reading each file incrementally with Range', async () => {
    const credential = createStaticTokenCredential(TOKEN);
    const transport = createTransport({ baseUrl: arm.origin, credential, maxRetries: 0 });
    const { historyUrl } = await discoverWorkspaceEndpoints(transport, WORKSPACE);
    const log = 'user_logs/std_log.txt';
    const run = { status: 'Running', logs: { [log]: 'epoch 1\n' } };
    arm.runs.set('olden_deer_2xqthlj4m4', run);
    const client = createClient({
      endpoint: arm.origin,
      workspace: WORKSPACE,
      credential,
      historyUrl,
      pollIntervalMs: 1,
    });
    const lines: string[] = [];
    arm.calls.length = 0;
    const result = await client.jobs.stream('olden_deer_2xqthlj4m4', {
      onLog: (chunk) => {
        lines.push(chunk.text);
        // The job writes more, then finishes.
        if (run.logs[log] === 'epoch 1\n') {
          run.logs[log] = 'epoch 1\nepoch 2\n';
          run.status = 'Completed';
        }
      },
    });
    expect(lines.join('')).toBe('epoch 1\nepoch 2\n');
    expect(result.status).toBe('Completed');
    expect(result.cursor.offsets[log]).toBe(16);
    const details = `/history/v1.0${WS}/runs/olden_deer_2xqthlj4m4/details`;
    const reads = arm.calls.filter((call) => call.path.startsWith('/logs/'));
    // Each poll reads from where the previous one stopped: no full re-download.
    expect(reads.map((call) => call.range)).toEqual([undefined, 'bytes=8-']);
    expect(arm.sequence()).toContain(`GET ${details}`);
  });
});
