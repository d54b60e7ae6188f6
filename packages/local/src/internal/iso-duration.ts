const DURATION =
  /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/**
 * Parses an ISO-8601 duration of days, hours, minutes and seconds (`PT5M`, `P1DT2H`,
 * `PT0.5S`) into milliseconds; `undefined` when it is not one or is zero.
 */
export function parseIsoDurationMs(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (match === null || text.trim() === 'P' || /T$/i.test(text.trim())) return undefined;
  const [, d, h, m, s] = match;
  const ms =
    (Number(d ?? 0) * 86_400 + Number(h ?? 0) * 3_600 + Number(m ?? 0) * 60 + Number(s ?? 0)) *
    1000;
  return ms > 0 && Number.isFinite(ms) ? ms : undefined;
}
