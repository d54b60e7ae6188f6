// Finding, starting and stopping the embedded local service from the CLI. This module uses
// Node built-ins freely: it is bundled into `dist/runtime.cjs` (through `runtime/runtime.ts`)
// and never imported by the CLI entry, so `--help` stays cheap.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLI_ERROR_CODES, CliError } from '../cli-error.js';

/** `$AMLKIT_HOME` (resolved) or `~/.amlkit`: where the local service keeps its data. */
export function amlkitHome(env: Readonly<Record<string, string | undefined>>): string {
  const home = env.AMLKIT_HOME;
  return home === undefined || home === '' ? join(homedir(), '.amlkit') : resolve(home);
}

/** The content of `<home>/server.json` while a service runs. */
export interface ServerJson {
  /** The service's process id. */
  readonly pid: number;
  /** Its base URL. */
  readonly url: string;
  /** ISO-8601 start time. */
  readonly startedAt: string;
  /** The `@amlkit/local` version. */
  readonly version: string;
}

/** Whether a process with this id exists (signal 0). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

/** Reads `<home>/server.json`; `undefined` when absent, malformed, or its process is gone. */
export async function readServerJson(home: string): Promise<ServerJson | undefined> {
  let text: string;
  try {
    text = await readFile(join(home, 'server.json'), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as Partial<ServerJson>;
    if (typeof value.pid !== 'number' || typeof value.url !== 'string') return undefined;
    if (!isAlive(value.pid)) return undefined;
    return {
      pid: value.pid,
      url: value.url,
      startedAt: typeof value.startedAt === 'string' ? value.startedAt : '',
      version: typeof value.version === 'string' ? value.version : '',
    };
  } catch {
    return undefined;
  }
}

/** Whether `GET <url>/amlkit/v1/health` answers `{ ok: true }` within two seconds. */
export async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/amlkit/v1/health`, {
      signal: AbortSignal.timeout(2000),
    });
    if (!response.ok) return false;
    const body = (await response.json()) as { ok?: unknown };
    return body.ok === true;
  } catch {
    return false;
  }
}

/** The running, healthy service of `home`, if there is one. */
export async function findRunningService(home: string): Promise<ServerJson | undefined> {
  const info = await readServerJson(home);
  if (info === undefined) return undefined;
  return (await isHealthy(info.url)) ? info : undefined;
}

/** Reads the bearer token of the service of `home`. */
export async function readToken(home: string): Promise<string> {
  try {
    return (await readFile(join(home, 'token'), 'utf8')).trim();
  } catch (error) {
    throw new CliError(
      `cannot read the local service token ${join(home, 'token')}: ${(error as Error).message}`,
      { code: CLI_ERROR_CODES.AUTH, cause: error },
    );
  }
}

/** Options of {@link spawnService}. */
export interface SpawnServiceOptions {
  /** The data directory. */
  readonly home: string;
  /** The `amlkit` executable (`dist/cli.js`) that runs `server start --foreground`. */
  readonly cliPath: string;
  /** Environment of the service process. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--port`. */
  readonly port?: string | undefined;
  /** `--host`. */
  readonly host?: string | undefined;
  /** `--allow-remote`. */
  readonly allowRemote?: boolean | undefined;
}

/** Starts `amlkit server start --foreground` detached, stdio to `<home>/server.log`; returns its pid. */
export async function spawnService(options: SpawnServiceOptions): Promise<number> {
  const { home } = options;
  await mkdir(home, { recursive: true, mode: 0o700 });
  const args = [options.cliPath, 'server', 'start', '--foreground'];
  if (options.port !== undefined) args.push('--port', options.port);
  if (options.host !== undefined) args.push('--host', options.host);
  if (options.allowRemote === true) args.push('--allow-remote');
  const log = openSync(join(home, 'server.log'), 'a', 0o600);
  try {
    const child = spawn(process.execPath, args, {
      detached: true,
      stdio: ['ignore', log, log],
      env: { ...options.env, AMLKIT_HOME: home },
      cwd: home,
    });
    child.unref();
    if (child.pid === undefined) {
      throw new CliError(
        `could not start the local service (${process.execPath} ${args.join(' ')})`,
        {
          code: CLI_ERROR_CODES.SERVICE_UNAVAILABLE,
        },
      );
    }
    return child.pid;
  } finally {
    closeSync(log);
  }
}

async function logTail(home: string): Promise<string> {
  try {
    const text = await readFile(join(home, 'server.log'), 'utf8');
    return text.trim().split('\n').slice(-5).join('\n');
  } catch {
    return '';
  }
}

/** Options of {@link waitUntilHealthy}. */
export interface WaitUntilHealthyOptions {
  /** The process expected to serve (the spawned child); stop waiting when it dies. */
  readonly pid?: number | undefined;
  /** The budget. */
  readonly timeoutMs: number;
  /** Aborts the wait. */
  readonly signal?: AbortSignal | undefined;
}

/** Polls `<home>/server.json` and the health route until the service answers. */
export async function waitUntilHealthy(
  home: string,
  options: WaitUntilHealthyOptions,
): Promise<ServerJson> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    options.signal?.throwIfAborted();
    const info = await findRunningService(home);
    if (info !== undefined) return info;
    if (options.pid !== undefined && !isAlive(options.pid)) {
      const tail = await logTail(home);
      throw new CliError(
        `the local service exited while starting (expected it to answer on ${join(home, 'server.json')}; see ${join(home, 'server.log')})${tail === '' ? '' : `:\n${tail}`}`,
        { code: CLI_ERROR_CODES.SERVICE_UNAVAILABLE },
      );
    }
    if (Date.now() > deadline) {
      throw new CliError(
        `the local service did not become healthy within ${String(options.timeoutMs)} ms (see ${join(home, 'server.log')})`,
        { code: CLI_ERROR_CODES.SERVICE_UNAVAILABLE },
      );
    }
    await sleep(100, undefined, options.signal === undefined ? {} : { signal: options.signal });
  }
}

/** How long a start lock is trusted before it is considered abandoned. */
const STALE_LOCK_MS = 60_000;

async function tryLock(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx', 0o600);
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
  }
  // Someone holds it: steal it only when its owner is gone or it is old.
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    const owner = Number.parseInt(text, 10);
    const stale =
      (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) ||
      Date.now() - info.mtimeMs > STALE_LOCK_MS;
    if (stale) await rm(path, { force: true });
  } catch {
    // It vanished meanwhile: try again on the next round.
  }
  return false;
}

/** Options of {@link ensureLocalService}. */
export interface EnsureLocalServiceOptions {
  /** The data directory. */
  readonly home: string;
  /** The `amlkit` executable that runs the service. */
  readonly cliPath: string;
  /** Environment of a started service. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * How long to wait for a service to become healthy.
   * @default 30_000
   */
  readonly timeoutMs?: number | undefined;
  /** Aborts the wait. */
  readonly signal?: AbortSignal | undefined;
  /** Called once when this call starts a service. */
  readonly onStart?: ((pid: number) => void) | undefined;
  /** `--port` of a started service. */
  readonly port?: string | undefined;
  /** `--host` of a started service. */
  readonly host?: string | undefined;
  /** `--allow-remote` of a started service. */
  readonly allowRemote?: boolean | undefined;
}

/** What {@link ensureLocalService} resolves to. */
export interface EnsuredService {
  /** The service's URL. */
  readonly url: string;
  /** Its bearer token. */
  readonly token: string;
  /** Its pid. */
  readonly pid: number;
  /** Whether this call started it. */
  readonly started: boolean;
}

/**
 * The local service of `home`: the running one (`server.json` plus a health check), else one
 * started now in the background. A start lock (`<home>/cli-start.lock`, `wx`) makes concurrent
 * CLIs start one service: the losers wait for the winner's service to answer.
 */
export async function ensureLocalService(
  options: EnsureLocalServiceOptions,
): Promise<EnsuredService> {
  const { home } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const running = await findRunningService(home);
  if (running !== undefined) {
    return { url: running.url, pid: running.pid, token: await readToken(home), started: false };
  }
  await mkdir(home, { recursive: true, mode: 0o700 });
  const lock = join(home, 'cli-start.lock');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    options.signal?.throwIfAborted();
    if (await tryLock(lock)) {
      try {
        // Another CLI may have started it between our check and our lock.
        const again = await findRunningService(home);
        if (again !== undefined) {
          return { url: again.url, pid: again.pid, token: await readToken(home), started: false };
        }
        const pid = await spawnService(options);
        options.onStart?.(pid);
        const info = await waitUntilHealthy(home, {
          pid,
          timeoutMs: Math.max(1000, deadline - Date.now()),
          signal: options.signal,
        });
        return { url: info.url, pid: info.pid, token: await readToken(home), started: true };
      } finally {
        await rm(lock, { force: true });
      }
    }
    const other = await findRunningService(home);
    if (other !== undefined) {
      return { url: other.url, pid: other.pid, token: await readToken(home), started: false };
    }
    if (Date.now() > deadline) {
      throw new CliError(
        `timed out after ${String(timeoutMs)} ms waiting for another amlkit to start the local service (lock ${lock})`,
        { code: CLI_ERROR_CODES.SERVICE_UNAVAILABLE },
      );
    }
    await sleep(100, undefined, options.signal === undefined ? {} : { signal: options.signal });
  }
}

/** What {@link stopLocalService} did. */
export interface StopResult {
  /** The pid that was stopped, or `undefined` when no service was running. */
  readonly pid: number | undefined;
  /** Whether SIGKILL was needed after the graceful budget. */
  readonly killed: boolean;
}

/** Sends SIGTERM to the service of `home`, waits up to `timeoutMs`, then SIGKILLs it. */
export async function stopLocalService(home: string, timeoutMs: number): Promise<StopResult> {
  const info = await readServerJson(home);
  if (info === undefined) return { pid: undefined, killed: false };
  try {
    process.kill(info.pid, 'SIGTERM');
  } catch {
    return { pid: info.pid, killed: false };
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(info.pid)) return { pid: info.pid, killed: false };
    await sleep(100);
  }
  try {
    process.kill(info.pid, 'SIGKILL');
  } catch {
    // Gone just now.
  }
  return { pid: info.pid, killed: true };
}
