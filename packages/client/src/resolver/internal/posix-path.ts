/** Minimal POSIX path helpers (pure, so the resolver also runs in browsers). */

function segments(path: string): string[] {
  return path.split('/').filter((s) => s !== '' && s !== '.');
}

/** Collapses `.`/`..` in an absolute path (`..` above the root stays at the root). */
function normalizeAbsolute(path: string): string {
  const out: string[] = [];
  for (const segment of segments(path)) {
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return `/${out.join('/')}`;
}

/** `path` resolved against the absolute folder `base` (an absolute `path` wins). */
export function resolvePosix(base: string, path: string): string {
  return normalizeAbsolute(path.startsWith('/') ? path : `${base}/${path}`);
}

/** `to` relative to `from` (both absolute), `/`-separated, `.` for the same folder. */
export function relativePosix(from: string, to: string): string {
  const a = segments(normalizeAbsolute(from));
  const b = segments(normalizeAbsolute(to));
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common += 1;
  const up = a.slice(common).map(() => '..');
  const parts = [...up, ...b.slice(common)];
  return parts.length === 0 ? '.' : parts.join('/');
}

/** The last segment of a path (`''` for the root). */
export function basenamePosix(path: string): string {
  const parts = segments(normalizeAbsolute(path));
  return parts[parts.length - 1] ?? '';
}

/** Turns Windows separators into `/` (a drive letter `C:` stays as the first segment). */
export function toPosix(path: string): string {
  return path.replaceAll('\\', '/');
}
