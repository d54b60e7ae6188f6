/**
 * A browser stand-in for `node:path` (POSIX only): what `@amlkit/core` needs to resolve
 * relative paths of a job pasted into the page against a virtual folder.
 */

/** The path separator. */
export const sep = '/';
/** The PATH delimiter. */
export const delimiter = ':';

/** Collapses `.`, `..` and repeated slashes. */
export function normalize(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out.at(-1) !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(part);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined === '' ? '.' : joined;
}

/** Whether the path starts at the root. */
export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}

/** Joins segments and normalizes. */
export function join(...parts: string[]): string {
  return normalize(parts.filter((p) => p !== '').join('/'));
}

/** Resolves right to left until an absolute path is formed (the page's "cwd" is `/`). */
export function resolve(...parts: string[]): string {
  let path = '';
  for (let i = parts.length - 1; i >= 0 && !path.startsWith('/'); i -= 1) {
    const part = parts[i] ?? '';
    if (part !== '') path = path === '' ? part : `${part}/${path}`;
  }
  return normalize(path.startsWith('/') ? path : `/${path}`);
}

/** The folder of a path. */
export function dirname(path: string): string {
  const normal = normalize(path);
  const index = normal.lastIndexOf('/');
  if (index < 0) return '.';
  return index === 0 ? '/' : normal.slice(0, index);
}

/** The last segment, without `ext` when it ends with it. */
export function basename(path: string, ext?: string): string {
  const base = normalize(path).split('/').at(-1) ?? '';
  return ext !== undefined && base.endsWith(ext) && base !== ext
    ? base.slice(0, -ext.length)
    : base;
}

/** The extension of the last segment (`.yml`). */
export function extname(path: string): string {
  const base = basename(path);
  if (base === '..') return '';
  const index = base.lastIndexOf('.');
  return index <= 0 ? '' : base.slice(index);
}

/** The path from `from` to `to`. */
export function relative(from: string, to: string): string {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

const path = {
  sep,
  delimiter,
  normalize,
  isAbsolute,
  join,
  resolve,
  dirname,
  basename,
  extname,
  relative,
};
/** The POSIX flavour is the only one. */
export const posix = path;
export default path;
