/** The separator a path uses: `\` for Windows-looking paths, `/` otherwise. */
function separatorOf(path: string): '/' | '\\' {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

const ROOT = /^(?:[a-zA-Z]:)?[\\/]$|^[a-zA-Z]:$/;

/** Joins path segments with the separator `dir` already uses. */
export function joinPath(dir: string, ...parts: string[]): string {
  const sep = separatorOf(dir);
  const head = ROOT.test(dir) ? dir.replace(/[\\/]$/, '') : dir.replace(/[\\/]+$/, '');
  return [head, ...parts].join(sep);
}

/** The parent directory, or `undefined` at a root (`/`, `C:\`). Pure string logic, no file system. */
export function parentPath(dir: string): string | undefined {
  if (ROOT.test(dir) || dir === '') return undefined;
  const trimmed = dir.replace(/[\\/]+$/, '');
  if (trimmed === '' || /^[a-zA-Z]:$/.test(trimmed)) return undefined;
  const index = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (index < 0) return undefined;
  const parent = trimmed.slice(0, index);
  if (parent === '') return trimmed[0]; // "/x" -> "/"
  if (/^[a-zA-Z]:$/.test(parent)) return `${parent}${trimmed[index] ?? '/'}`; // "C:\x" -> "C:\"
  return parent;
}
