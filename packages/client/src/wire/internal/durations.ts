/**
 * Seconds ⇄ ISO-8601 durations as isodate formats them for the SDK (`3600` → `PT1H`,
 * `9000` → `PT2H30M`, `90061` → `P1DT1H1M1S`, `0` → `PT0S`).
 */
export function secondsToIsoDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new RangeError(
      `secondsToIsoDuration: expected a non-negative finite number of seconds, received ${String(seconds)}`,
    );
  }
  const whole = Math.floor(seconds);
  const fraction = seconds - whole;
  const days = Math.floor(whole / 86_400);
  const hours = Math.floor((whole % 86_400) / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = (whole % 60) + fraction;
  let date = '';
  if (days > 0) date = `${String(days)}D`;
  let time = '';
  if (hours > 0) time += `${String(hours)}H`;
  if (minutes > 0) time += `${String(minutes)}M`;
  if (secs > 0) time += `${String(secs)}S`;
  if (date === '' && time === '') return 'PT0S';
  return `P${date}${time === '' ? '' : `T${time}`}`;
}

const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * An ISO-8601 duration → seconds (years count 365 days, months 30, as a fallback only); also
 * accepts the .NET `[d.]hh:mm:ss` form some API versions return. `undefined` when unreadable.
 */
export function isoDurationToSeconds(text: string): number | undefined {
  const m = ISO_DURATION.exec(text);
  if (m !== null && text !== 'P' && !text.endsWith('T')) {
    const n = (i: number): number => Number(m[i] ?? 0);
    return (
      n(1) * 365 * 86_400 +
      n(2) * 30 * 86_400 +
      n(3) * 7 * 86_400 +
      n(4) * 86_400 +
      n(5) * 3600 +
      n(6) * 60 +
      n(7)
    );
  }
  const dotnet = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(text);
  if (dotnet !== null) {
    return (
      Number(dotnet[1] ?? 0) * 86_400 +
      Number(dotnet[2]) * 3600 +
      Number(dotnet[3]) * 60 +
      Number(dotnet[4])
    );
  }
  return undefined;
}
