import type { OutputStream } from './define-command.js';

/** ANSI styling helpers; each returns its input unchanged when colour is off. */
export interface Colors {
  /** Whether colour is on. */
  readonly enabled: boolean;
  /** Bold text. */
  bold(text: string): string;
  /** Dim text. */
  dim(text: string): string;
  /** Red text. */
  red(text: string): string;
  /** Yellow text. */
  yellow(text: string): string;
  /** Green text. */
  green(text: string): string;
  /** Cyan text. */
  cyan(text: string): string;
}

/**
 * Whether to colour output written to `stream`: `NO_COLOR` (any value) turns colour off,
 * `FORCE_COLOR` (other than `0`) turns it on, otherwise only on a TTY.
 */
export function useColor(
  stream: OutputStream,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0';
  return stream.isTTY === true;
}

/** Creates styling helpers. */
export function createColors(enabled: boolean): Colors {
  const style =
    (open: number, close: number) =>
    (text: string): string =>
      enabled ? `\u001B[${open}m${text}\u001B[${close}m` : text;
  return {
    enabled,
    bold: style(1, 22),
    dim: style(2, 22),
    red: style(31, 39),
    yellow: style(33, 39),
    green: style(32, 39),
    cyan: style(36, 39),
  };
}
