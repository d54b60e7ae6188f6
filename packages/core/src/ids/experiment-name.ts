/** The experiment name used when nothing better is known. */
export const DEFAULT_EXPERIMENT_NAME = 'Default';

/** Options of {@link defaultExperimentName}. */
export interface DefaultExperimentNameOptions {
  /**
   * Remove the folder name's last extension, as the Python SDK does (it takes
   * `Path.stem`): `my.project` → `my`. Set to `false` to keep the whole folder name.
   * @default true
   */
  readonly stripExtension?: boolean;
}

/**
 * The experiment name a job gets when it has none: the name of the folder `cwd` (the
 * working directory of the submission; in Python, `Path("./").resolve().stem`), with every
 * space removed, or `Default` when that is empty.
 *
 * A pure function of the path string: `/` and `\` both separate segments, `.` and `..` are
 * collapsed lexically (symbolic links are not resolved), trailing separators are ignored,
 * and a root (`/`, `C:\`) or a relative path that collapses to nothing gives `Default`.
 * Without `cwd`, `process.cwd()` is used when it exists (Node), else `Default`.
 *
 * @example
 * ```ts
 * defaultExperimentName('/home/me/my project'); // 'myproject'
 * defaultExperimentName('C:\\work\\my.project'); // 'my'
 * defaultExperimentName('/');                    // 'Default'
 * ```
 */
export function defaultExperimentName(
  cwd?: string,
  options: DefaultExperimentNameOptions = {},
): string {
  const path = cwd ?? currentDirectory();
  if (path === undefined) return DEFAULT_EXPERIMENT_NAME;
  if (typeof path !== 'string') {
    throw new TypeError(
      `defaultExperimentName: expected cwd to be a path string, received ${typeof path}`,
    );
  }
  const folder = lastSegment(path);
  const name = options.stripExtension === false ? folder : stem(folder);
  return name.replaceAll(' ', '') || DEFAULT_EXPERIMENT_NAME;
}

function currentDirectory(): string | undefined {
  const proc = (globalThis as { process?: { cwd?: () => string } }).process;
  return typeof proc?.cwd === 'function' ? proc.cwd() : undefined;
}

/** The last named segment after collapsing `.` and `..` lexically; '' when there is none. */
function lastSegment(path: string): string {
  const stack: string[] = [];
  for (const segment of path.split(/[\\/]/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') stack.pop();
    else stack.push(segment);
  }
  const last = stack.at(-1) ?? '';
  // A Windows drive on its own (`C:`) is a root, not a folder name.
  return /^[a-zA-Z]:$/.test(last) && stack.length === 1 ? '' : last;
}

/** Python's `PurePath.stem`: drops the last `.suffix` unless the dot is first or last. */
function stem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(0, dot) : name;
}
