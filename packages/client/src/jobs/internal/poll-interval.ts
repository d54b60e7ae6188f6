/** The Python SDK's run-history polling bounds (`AZUREML_RUN_POLLING_INTERVAL_MIN`/`_MAX`). */
const MIN_S = 2;
const MAX_S = 60;

/**
 * The wait before the next poll, as `stream_logs_until_completion` computes it:
 * `max(MIN, MAX / (1 + 100·e^(−t/20)))` seconds, `t` = seconds since the wait started.
 * With a fixed interval configured, that interval.
 */
export function pollIntervalMs(elapsedMs: number, fixedMs: number | undefined): number {
  if (fixedMs !== undefined) return fixedMs;
  const t = Math.max(0, elapsedMs) / 1000;
  return Math.round(1000 * Math.max(MIN_S, MAX_S / (1 + 100 * Math.exp(-t / 20))));
}
