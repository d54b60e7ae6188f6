/**
 * Node-only (imports `node:fs`): keep it out of browser bundles. Not re-exported from
 * `./index.ts` for that reason.
 *
 * How azure-ai-ml 1.4.0 hashes a Docker build context (`get_object_hash(path, ignore_file)` in
 * `azure/ai/ml/_utils/_asset_utils.py`), as read for this port:
 *
 * 1. `h = md5(b"Initialize for october 2021 AML CLI version")`.
 * 2. If the path is a file, feed its bytes and stop. Otherwise, for a folder (`_get_dir_hash`):
 *    list its entries (`Path.iterdir()`), sort them by `str(path).lower()` — the full path
 *    lower-cased, compared by code point; siblings share the prefix, so this is the lower-cased
 *    name — and for each entry:
 *    a. skip it if the ignore file excludes it;
 *    b. feed `path.name.encode()` (the UTF-8 name, no separator, no length);
 *    c. if it is a file (symlinks followed), feed its bytes; else if it is a folder, recurse with the
 *       same `h`; anything else (a broken link, a socket) contributes only its name.
 * 3. `u = h.hexdigest()`: the golden's `build_upload_hash`.
 *
 * The ignore file (`get_ignore_file(folder)`) is `<folder>/.amlignore` if it exists, else
 * `<folder>/.gitignore`, else none; only that root file is read, never nested ones. It is
 * gitwildmatch (pathspec) matched against each entry's path relative to the folder with `/`
 * separators and no trailing slash, the last matching line deciding. Two consequences that this
 * port keeps: a pattern `dir/` does not match the folder `dir` itself, so the name `dir` is still
 * fed and only its contents are skipped; and the ignore file itself is hashed unless a pattern
 * names it. The rules are the public `parseIgnoreFile`/`isPathIgnored` of `../ignore/`.
 */
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
} from 'node:fs';
import type { Stats } from 'node:fs';
import path from 'node:path';

import { IGNORE_FILE_NAMES } from '../ignore/ignore-file-names.js';
import { isPathIgnored } from '../ignore/is-path-ignored.js';
import { parseIgnoreFile } from '../ignore/parse-ignore-file.js';
import type { IgnoreRules } from '../ignore/parse-ignore-file.js';
import { compareCodePoints } from './internal/python-sort.js';
import type { Md5 } from './md5.js';
import { createMd5Node } from './md5.node.js';

const SEED = 'Initialize for october 2021 AML CLI version';
const CHUNK_BYTES = 64 * 1024;
/** One read buffer for every call (the walk is synchronous, so calls never overlap). */
let sharedChunk: Uint8Array | undefined;

function feedFile(md5: Md5, file: string, buffer: Uint8Array): void {
  const fd = openSync(file, 'r');
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      md5.update(buffer.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
}

function loadIgnoreRules(root: string): IgnoreRules | undefined {
  for (const name of IGNORE_FILE_NAMES) {
    const file = path.join(root, name);
    if (existsSync(file)) return parseIgnoreFile(readFileSync(file, 'utf8'), { file });
  }
  return undefined;
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/**
 * The SDK's content hash of a Docker build context folder (golden field `build_upload_hash`, the
 * `u` of `anonymousEnvironmentVersion({ build: { uploadHash: u } })`): an MD5 over a fixed seed,
 * then each entry's name and bytes in lower-cased-name order, honouring the root `.amlignore`
 * (or else `.gitignore`). See the comment at the top of this file for the exact walk. Synchronous.
 *
 * @throws TypeError when `folder` does not exist; SyntaxError (with `file:line`) when the ignore
 * file holds an invalid pattern; file-system errors from reading entries are passed through.
 * @example
 * ```ts
 * import { buildContextUploadHash } from './build-context-hash.node.js';
 * const u = buildContextUploadHash('cli/jobs/single-step/scikit-learn/iris/docker-context');
 * anonymousEnvironmentVersion({ build: { uploadHash: u } });
 * ```
 */
export function buildContextUploadHash(folder: string): string {
  const root = path.resolve(folder);
  const stats = statOrNull(root);
  if (stats === null) {
    throw new TypeError(
      `buildContextUploadHash: cannot hash ${root}: expected an existing folder or file, received a path that does not exist`,
    );
  }
  const md5 = createMd5Node().update(SEED);
  sharedChunk ??= new Uint8Array(CHUNK_BYTES);
  const buffer = sharedChunk;
  if (!stats.isDirectory()) {
    feedFile(md5, root, buffer);
    return md5.digestHex();
  }
  const rules = loadIgnoreRules(root);
  const walk = (dir: string): void => {
    const entries = readdirSync(dir)
      .map((name) => ({ name, full: path.join(dir, name) }))
      .sort((a, b) => compareCodePoints(a.full.toLowerCase(), b.full.toLowerCase()));
    for (const { name, full } of entries) {
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (rules !== undefined && isPathIgnored(rules, relative)) continue;
      md5.update(name);
      const entry = statOrNull(full);
      if (entry?.isFile()) feedFile(md5, full, buffer);
      else if (entry?.isDirectory()) walk(full);
    }
  };
  walk(root);
  return md5.digestHex();
}
