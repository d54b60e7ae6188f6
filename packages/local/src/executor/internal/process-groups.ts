import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const POLL_MS = 50;
const AFTER_KILL_WAIT_MS = 5_000;

/** Sends `signal` to every process of group `pgid`; false when the group is gone. */
export function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

let procAvailable: boolean | undefined;

/**
 * The live (non-zombie) processes of each group in `pgids`, from one scan. Reads `/proc`
 * where it exists (Linux), so zombies waiting for a reaper do not count; elsewhere it falls
 * back to `kill(-pgid, 0)` (any member, zombies included, counts as one: the group id).
 */
export async function liveMembersByGroup(pgids: readonly number[]): Promise<Map<number, number[]>> {
  const byGroup = new Map<number, number[]>(pgids.map((pgid) => [pgid, []]));
  if (procAvailable !== false) {
    try {
      const entries = await readdir('/proc');
      procAvailable = true;
      await Promise.all(
        entries
          .filter((entry) => /^\d+$/.test(entry))
          .map(async (entry) => {
            try {
              const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
              // pid (comm) state ppid pgrp …; comm may contain spaces and parentheses.
              const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
              if (fields[0] === 'Z') return;
              byGroup.get(Number(fields[2]))?.push(Number(entry));
            } catch {
              // The process ended while we looked.
            }
          }),
      );
      return byGroup;
    } catch {
      procAvailable = false;
    }
  }
  for (const pgid of pgids) if (signalGroup(pgid, 0)) byGroup.get(pgid)?.push(pgid);
  return byGroup;
}

/** The live processes of group `pgid` (see {@link liveMembersByGroup}). */
export async function liveGroupMembers(pgid: number): Promise<number[]> {
  return (await liveMembersByGroup([pgid])).get(pgid) ?? [];
}

/** The groups among `pgids` that still have live processes. */
async function aliveGroups(pgids: readonly number[]): Promise<number[]> {
  const byGroup = await liveMembersByGroup(pgids);
  return pgids.filter((pgid) => (byGroup.get(pgid)?.length ?? 0) > 0);
}

/** What {@link terminateGroups} had to do. */
export interface TerminationOutcome {
  /** Groups that still had live processes after the grace period and got SIGKILL. */
  readonly killed: readonly number[];
}

/**
 * Ends every process of the given groups: SIGTERM, up to `graceMs` for them to exit, then
 * SIGKILL to the groups that still have live processes, and a short wait for them to go.
 */
export async function terminateGroups(
  pgids: readonly number[],
  graceMs: number,
): Promise<TerminationOutcome> {
  for (const pgid of pgids) signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && (await aliveGroups(pgids)).length > 0) await sleep(POLL_MS);

  const killed = await aliveGroups(pgids);
  for (const pgid of killed) signalGroup(pgid, 'SIGKILL');
  const killDeadline = Date.now() + AFTER_KILL_WAIT_MS;
  while (killed.length > 0 && Date.now() < killDeadline && (await aliveGroups(killed)).length > 0) {
    await sleep(POLL_MS);
  }
  return { killed };
}

/**
 * Whether process `pid` has `name=value` in its environment (Linux `/proc` only; `false`
 * when it cannot be read, e.g. another user's process or no `/proc`).
 */
export async function processHasEnvironmentEntry(
  pid: number,
  name: string,
  value: string,
): Promise<boolean> {
  try {
    const environ = await readFile(`/proc/${pid}/environ`, 'utf8');
    return environ.split('\0').includes(`${name}=${value}`);
  } catch {
    return false;
  }
}
