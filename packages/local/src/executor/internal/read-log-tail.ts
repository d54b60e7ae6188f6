import { open } from 'node:fs/promises';

const TAIL_BYTES = 64 * 1024;

/**
 * The last `lineCount` non-empty lines of a log file (reads at most its last 64 KiB).
 * Returns `[]` when the file does not exist or cannot be read.
 */
export async function readLogTail(path: string, lineCount: number): Promise<string[]> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return [];
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split(/\r?\n/);
    if (length < size) lines.shift(); // the first line is probably cut
    return lines.filter((line) => line.trim() !== '').slice(-lineCount);
  } catch {
    return [];
  } finally {
    await handle.close();
  }
}
