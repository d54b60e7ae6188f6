import { describeValue } from './internal/describe-value.js';
import { isJobStatus } from './job-status.js';
import type { JobStatus } from './job-status.js';
import { isFinalStatus } from './status-sets.js';

/**
 * The lifecycle order used by {@link observe}: a higher rank is further along. Finalizing
 * and CancelRequested share a rank (either may follow the other), and the three final
 * statuses share the last rank. NotResponding, Paused and Unknown have no rank: they can
 * be entered from, and (except Unknown's rules) left to, anywhere.
 */
export const STATUS_ORDER: Readonly<Partial<Record<JobStatus, number>>> = Object.freeze({
  NotStarted: 0,
  Scheduled: 1,
  Starting: 2,
  Provisioning: 3,
  Preparing: 4,
  Queued: 5,
  Running: 6,
  Finalizing: 7,
  CancelRequested: 7,
  Completed: 8,
  Failed: 8,
  Canceled: 8,
});

/** The kinds of observation {@link observe} tells apart. */
export const ObservationKind = {
  /** The status did not change. */
  Same: 'same',
  /** A move forward along {@link STATUS_ORDER}, possibly skipping statuses (polling samples). */
  Forward: 'forward',
  /** A move out of NotResponding or Paused to a non-final status: the job resumed. */
  Resume: 'resume',
  /** A move to or from Unknown: the order cannot be checked. */
  Unordered: 'unordered',
  /** A move backward along {@link STATUS_ORDER}: most likely a stale or out-of-order read. */
  Backward: 'backward',
  /** Any change after a final status: final statuses absorb. */
  FromFinal: 'fromFinal',
} as const;

/** One of the kinds in {@link ObservationKind}. */
export type ObservationKind = (typeof ObservationKind)[keyof typeof ObservationKind];

/** The verdict of {@link observe} on one polled status. */
export interface Observation {
  /**
   * `true` when the caller should adopt `to` as the job's current status; `false` when it
   * should keep `from` (and report `diagnostic`).
   */
  readonly accepted: boolean;
  /** What kind of move this was. */
  readonly kind: ObservationKind;
  /** The previously known status. */
  readonly from: JobStatus;
  /** The newly observed status. */
  readonly to: JobStatus;
  /** A one-line explanation, present for every kind except `same` and `forward`. */
  readonly diagnostic?: string;
}

const RESUMABLE: ReadonlySet<JobStatus> = new Set(['NotResponding', 'Paused']);

/**
 * Judges a status observed by polling against the previous one (the tolerant mode for
 * clients of a remote service, where polls skip statuses). The rules, in order:
 *
 * 1. the same status → `same`, accepted;
 * 2. anything after Completed, Failed or Canceled → `fromFinal`, rejected;
 * 3. to or from Unknown → `unordered`, accepted (with a diagnostic);
 * 4. out of NotResponding or Paused → `resume`, accepted (`forward` when the new status is
 *    final);
 * 5. into NotResponding or Paused → `forward`, accepted;
 * 6. otherwise compare ranks in {@link STATUS_ORDER}: equal or higher → `forward`,
 *    accepted; lower → `backward`, rejected.
 *
 * @throws {TypeError} when either argument is not a {@link JobStatus}.
 * @example
 * ```ts
 * observe('Queued', 'Completed'); // { accepted: true, kind: 'forward', … }
 * observe('Running', 'Queued');   // { accepted: false, kind: 'backward', diagnostic: '…' }
 * ```
 */
export function observe(previous: JobStatus, next: JobStatus): Observation {
  for (const [label, value] of [
    ['previous', previous],
    ['next', next],
  ] as const) {
    if (!isJobStatus(value)) {
      throw new TypeError(
        `observe: expected ${label} to be a JobStatus (use parseJobStatus for wire values), received ${describeValue(value)}`,
      );
    }
  }
  const move = { from: previous, to: next };
  if (previous === next) return { accepted: true, kind: 'same', ...move };
  if (isFinalStatus(previous)) {
    return {
      accepted: false,
      kind: 'fromFinal',
      ...move,
      diagnostic: `Ignored status ${next}: the job already reached the final status ${previous}, which never changes`,
    };
  }
  if (previous === 'Unknown' || next === 'Unknown') {
    return {
      accepted: true,
      kind: 'unordered',
      ...move,
      diagnostic: `Cannot check the order of ${previous} → ${next}: Unknown has no place in the lifecycle`,
    };
  }
  if (RESUMABLE.has(previous)) {
    if (isFinalStatus(next)) return { accepted: true, kind: 'forward', ...move };
    return {
      accepted: true,
      kind: 'resume',
      ...move,
      diagnostic: `The job resumed from ${previous} to ${next}`,
    };
  }
  if (RESUMABLE.has(next)) return { accepted: true, kind: 'forward', ...move };
  const fromRank = STATUS_ORDER[previous] ?? 0;
  const toRank = STATUS_ORDER[next] ?? 0;
  if (toRank >= fromRank) return { accepted: true, kind: 'forward', ...move };
  return {
    accepted: false,
    kind: 'backward',
    ...move,
    diagnostic: `Ignored status ${next}: it comes before the current status ${previous} in the job lifecycle (a stale or out-of-order read?)`,
  };
}
