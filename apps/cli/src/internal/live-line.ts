import type { OutputStream } from './define-command.js';

/** The live status line of `--stream` on a terminal. */
export interface LiveLine {
  /** Runs `write` with the live line cleared, then draws it again. */
  around(write: () => void): void;
  /** Shows this status (with the time spent in it) on the live line. */
  set(status: string): void;
  /** Clears the line and stops its timer. */
  stop(): void;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A status line redrawn every 250 ms at the bottom of a terminal; does nothing off a TTY. */
export function createLiveLine(stream: OutputStream, intervalMs = 250): LiveLine {
  if (stream.isTTY !== true)
    return {
      around: (write) => {
        write();
      },
      set: () => undefined,
      stop: () => undefined,
    };
  let status: string | undefined;
  let since = Date.now();
  let frame = 0;
  let shown = false;
  const clear = (): void => {
    if (shown) stream.write('\r\u001b[2K');
    shown = false;
  };
  const draw = (): void => {
    if (status === undefined) return;
    const seconds = Math.floor((Date.now() - since) / 1000);
    stream.write(`${SPINNER[frame % SPINNER.length] ?? ''} ${status} ${String(seconds)}s`);
    shown = true;
  };
  const timer = setInterval(() => {
    frame += 1;
    clear();
    draw();
  }, intervalMs);
  timer.unref();
  return {
    around(write) {
      clear();
      write();
      draw();
    },
    set(next) {
      clear();
      status = next;
      since = Date.now();
      draw();
    },
    stop() {
      clearInterval(timer);
      clear();
    },
  };
}
