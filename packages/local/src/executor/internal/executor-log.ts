import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * The executor's own log (`system_logs/executor.txt`): one timestamped line per event,
 * written synchronously so that it is on disk as soon as it happens.
 */
export class ExecutorLog {
  readonly #fd: number;
  #closed = false;

  /** Opens (appends to) the file at `path`; its folder must exist. */
  constructor(path: string) {
    this.#fd = openSync(path, 'a');
  }

  /** Appends one line; after {@link close} it does nothing. */
  write(message: string, at: Date = new Date()): void {
    if (this.#closed) return;
    try {
      writeSync(this.#fd, `${at.toISOString()} ${message}\n`);
    } catch {
      // A full disk must not fail the job's bookkeeping; the status history still has it.
    }
  }

  /** Closes the file. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    closeSync(this.#fd);
  }
}
