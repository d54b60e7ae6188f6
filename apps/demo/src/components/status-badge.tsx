import { describeStatus, parseJobStatus } from '@amlkit/status';

const TONE: Readonly<Record<string, string>> = {
  Completed: 'ok',
  Failed: 'bad',
  Canceled: 'muted',
  CancelRequested: 'warn',
  NotResponding: 'warn',
  Paused: 'warn',
  Running: 'run',
  Finalizing: 'run',
};

/** A job status as a coloured badge with the status' description as its title. */
export function StatusBadge(props: { readonly status: string }) {
  const parsed = parseJobStatus(props.status);
  const tone = TONE[parsed.status] ?? 'wait';
  return (
    <span
      class={`badge badge-${tone}`}
      title={describeStatus(parsed.status)}
      data-status={props.status}
    >
      {props.status}
    </span>
  );
}
