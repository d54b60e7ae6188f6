import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The data directory of the local service: `$AMLKIT_HOME` when set (resolved against the
 * current directory), otherwise `~/.amlkit`.
 *
 * @example
 * ```ts
 * defaultHome(); // '/home/me/.amlkit'
 * ```
 */
export function defaultHome(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const fromEnv = env.AMLKIT_HOME;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return resolve(fromEnv);
  return join(homedir(), '.amlkit');
}
