import { describe, expect, it } from 'vitest';
import { createLiveLine } from './live-line.js';

function collector(isTTY: boolean): { isTTY: boolean; text: string; write(chunk: string): void } {
  return {
    isTTY,
    text: '',
    write(chunk: string) {
      this.text += chunk;
    },
  };
}

describe('createLiveLine', () => {
  it('writes nothing of its own off a terminal', () => {
    const stream = collector(false);
    const line = createLiveLine(stream);
    line.set('Running');
    line.around(() => {
      stream.write('log\n');
    });
    line.stop();
    expect(stream.text).toBe('log\n');
  });

  it('clears the status line around other output and when stopped, on a terminal', () => {
    const stream = collector(true);
    const line = createLiveLine(stream, 60_000);
    line.set('Running');
    expect(stream.text).toMatch(/^⠋ Running 0s$/);
    line.around(() => {
      stream.write('log\n');
    });
    expect(stream.text).toBe('⠋ Running 0s\r\u001b[2Klog\n⠋ Running 0s');
    line.stop();
    expect(stream.text.endsWith('\r\u001b[2K')).toBe(true);
  });
});
