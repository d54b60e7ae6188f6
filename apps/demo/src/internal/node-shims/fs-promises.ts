/** A browser stand-in for `node:fs/promises`: every path is missing (`ENOENT`). */
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  writeFileSync,
} from './fs.js';

const later =
  (run: (path: unknown) => never) =>
  (path?: unknown): Promise<never> =>
    Promise.resolve().then(() => run(path));

/** Each rejects with `ENOENT`. */
export const stat = later(statSync);
export const lstat = later(lstatSync);
export const readFile = later(readFileSync);
export const readdir = later(readdirSync);
export const opendir = later(readdirSync);
export const realpath = later(realpathSync);
export const open = later(readFileSync);
export const access = later(statSync);
export const writeFile = later(writeFileSync);
export const mkdir = later(mkdirSync);

export default {
  stat,
  lstat,
  readFile,
  readdir,
  opendir,
  realpath,
  open,
  access,
  writeFile,
  mkdir,
};
