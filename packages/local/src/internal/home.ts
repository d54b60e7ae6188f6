import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

import Database from 'better-sqlite3';

import { LocalServiceError, LocalServiceErrorCode } from '../local-service-error.js';
import type { ServerInfo } from '../server-info.js';

/** The files and folders of a data directory. */
export interface HomeLayout {
  readonly home: string;
  readonly token: string;
  readonly lock: string;
  readonly serverInfo: string;
  readonly database: string;
  readonly blobs: string;
  readonly snapshots: string;
  readonly jobs: string;
  readonly tmp: string;
}

export function homeLayout(home: string): HomeLayout {
  return {
    home,
    token: join(home, 'token'),
    lock: join(home, 'server.lock'),
    serverInfo: join(home, 'server.json'),
    database: join(home, 'amlkit.db'),
    blobs: join(home, 'blobs'),
    snapshots: join(home, 'snapshots'),
    jobs: join(home, 'jobs'),
    tmp: join(home, 'tmp'),
  };
}

function unusable(message: string, cause: unknown): LocalServiceError {
  return new LocalServiceError(LocalServiceErrorCode.HomeUnusable, `${message}: ${String(cause)}`, {
    cause,
  });
}

/** Creates the data directory and its folders (mode 0700). */
export function createHomeDirs(layout: HomeLayout): void {
  try {
    mkdirSync(layout.home, { recursive: true, mode: 0o700 });
    for (const dir of [layout.blobs, layout.snapshots, layout.jobs, layout.tmp]) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    }
  } catch (error) {
    throw unusable(`could not create the data directory ${layout.home}`, error);
  }
}

/**
 * Reads the bearer token, creating it (32 random bytes, hex, mode 0600) on first start. A
 * token file readable by others is tightened to 0600.
 */
export function ensureToken(layout: HomeLayout): string {
  try {
    const fd = openSync(layout.token, 'wx', 0o600);
    const token = randomBytes(32).toString('hex');
    try {
      writeSync(fd, `${token}\n`);
    } finally {
      closeSync(fd);
    }
    return token;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw unusable(`could not create the token file ${layout.token}`, error);
    }
  }
  try {
    if ((statSync(layout.token).mode & 0o077) !== 0) chmodSync(layout.token, 0o600);
    const token = readFileSync(layout.token, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/.test(token)) {
      throw new Error(`expected 64 hex characters, received ${String(token.length)} characters`);
    }
    return token;
  } catch (error) {
    throw unusable(`could not read the token file ${layout.token}`, error);
  }
}

/** The homes this process holds the lock of. */
const LOCKED_HOMES = new Set<string>();

function holderOf(layout: HomeLayout): string {
  try {
    const pid = readFileSync(layout.lock, 'utf8').trim();
    return /^\d+$/.test(pid) ? `the service with pid ${pid}` : 'another service';
  } catch {
    return 'another service';
  }
}

function homeLocked(layout: HomeLayout, holder: string): LocalServiceError {
  return new LocalServiceError(
    LocalServiceErrorCode.HomeLocked,
    `startLocalService: the data directory ${layout.home} is in use by ${holder} (${layout.lock}); stop it or use another AMLKIT_HOME`,
  );
}

/**
 * Takes the exclusive lock of the data directory for this process and returns its release.
 *
 * The lock is an exclusive SQLite transaction on `server.lock.db` (an OS file lock): it is
 * atomic between racing starts and the OS drops it when the holder dies, even by kill -9, so
 * there is no stale lock to guess about. `server.lock` only tells people which pid holds it.
 * @throws {LocalServiceError} `HomeLocked` when another live service holds it.
 */
export function acquireLock(layout: HomeLayout): () => void {
  if (LOCKED_HOMES.has(layout.home)) {
    throw homeLocked(layout, `another service in this process (pid ${String(process.pid)})`);
  }
  let db: Database.Database;
  try {
    db = new Database(`${layout.lock}.db`);
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
  } catch (error) {
    throw unusable(`could not open the lock ${layout.lock}.db`, error);
  }
  try {
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY')
      throw homeLocked(layout, holderOf(layout));
    throw unusable(`could not take the lock ${layout.lock}.db`, error);
  }
  LOCKED_HOMES.add(layout.home);
  try {
    writeFileSync(layout.lock, `${String(process.pid)}\n`, { mode: 0o600 });
  } catch {
    // informational only
  }
  return () => {
    LOCKED_HOMES.delete(layout.home);
    try {
      if (readFileSync(layout.lock, 'utf8').trim() === String(process.pid)) unlinkSync(layout.lock);
    } catch {
      // already gone
    }
    db.close();
  };
}

/** Writes `server.json` atomically (temp file + rename). */
export function writeServerInfo(layout: HomeLayout, info: ServerInfo): void {
  const tmp = `${layout.serverInfo}.${String(process.pid)}.tmp`;
  try {
    writeFileSync(tmp, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, layout.serverInfo);
  } catch (error) {
    throw unusable(`could not write ${layout.serverInfo}`, error);
  }
}

/** Removes `server.json` when it is this process's. */
export function removeServerInfo(layout: HomeLayout): void {
  try {
    const info = JSON.parse(readFileSync(layout.serverInfo, 'utf8')) as { pid?: unknown };
    if (info.pid === process.pid) unlinkSync(layout.serverInfo);
  } catch {
    // already gone
  }
}
