import { describeStatus, parseJobStatus } from '@amlkit/status';

import { formatDurationMs, formatTimestamp } from '../format.js';
import { buildTimeline } from '../status-timeline.js';
import type { StatusEntry } from '../status-timeline.js';
import { StatusBadge } from './status-badge.js';

/** The status timeline: each status with when it began, the time spent in it and why. */
export function StatusTimelineView(props: {
  readonly entries: readonly StatusEntry[];
  readonly nowMs: number;
}) {
  const rows = buildTimeline(props.entries, props.nowMs);
  if (rows.length === 0) return <p class="muted">No status history yet.</p>;
  return (
    <ol class="timeline" aria-label="Status timeline">
      {rows.map((row, index) => (
        <li key={`${row.status}-${index}`} class={row.current ? 'current' : undefined}>
          <StatusBadge status={row.status} />
          <span class="when">{formatTimestamp(row.at)}</span>
          <span class="dur">
            {row.final
              ? 'final'
              : `${formatDurationMs(row.durationMs)}${row.current ? ' so far' : ''}`}
          </span>
          <span class="why">{row.reason ?? describeStatus(parseJobStatus(row.status).status)}</span>
        </li>
      ))}
    </ol>
  );
}
