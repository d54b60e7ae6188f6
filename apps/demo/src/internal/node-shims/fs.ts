/**
 * A browser stand-in for `node:fs`: the page has no file system, so every path is missing
 * (`ENOENT`), which `@amlkit/core` reports as a diagnostic at the key that names it.
 */

function missing(syscall: string, path: unknown): Error {
  const error = new Error(
    `${syscall} '${String(path)}': the studio page cannot read local files (ENOENT); use \`amlkit job create -f\` for jobs with local code or inputs`,
  ) as Error & { code: string; syscall: string; path: string };
  error.code = 'ENOENT';
  error.syscall = syscall;
  error.path = String(path);
  return error;
}

const fail =
  (syscall: string) =>
  (path?: unknown): never => {
    throw missing(syscall, path ?? '<fd>');
  };

/** Every reading or writing call throws `ENOENT`: the page has no files. */
export const readFileSync = fail('open');
export const statSync = fail('stat');
export const lstatSync = fail('lstat');
export const fstatSync = fail('fstat');
export const openSync = fail('open');
export const readdirSync = fail('scandir');
export const opendirSync = fail('opendir');
export const readSync = fail('read');
export const realpathSync = fail('realpath');
export const readlinkSync = fail('readlink');
export const accessSync = fail('access');
export const writeFileSync = fail('open');
export const mkdirSync = fail('mkdir');
export const createReadStream = fail('open');
export const createWriteStream = fail('open');

/** Nothing to close. */
export function closeSync(): void {
  // no descriptors exist in the page
}
/** Always `false`. */
export function existsSync(): boolean {
  return false;
}

/** The access-mode constants some callers read. */
export const constants = { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, O_RDONLY: 0 } as const;

export default {
  readFileSync,
  statSync,
  lstatSync,
  fstatSync,
  openSync,
  readdirSync,
  opendirSync,
  readSync,
  realpathSync,
  readlinkSync,
  accessSync,
  writeFileSync,
  mkdirSync,
  createReadStream,
  createWriteStream,
  closeSync,
  existsSync,
  constants,
};
