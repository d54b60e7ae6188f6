import { assertRelativePath } from './internal/assert-relative-path.js';
import { matchIgnorePatterns } from './internal/gitwildmatch.js';
import { parseIgnoreFile } from './parse-ignore-file.js';
import type { IgnoreRules } from './parse-ignore-file.js';

/**
 * Decides whether an upload leaves a path out. `relativePath` is relative to the uploaded folder
 * with `/` separators (`src/a.py`).
 *
 * - For a file (`isDirectory` false or omitted) it answers exactly as azure-ai-ml does for each
 *   uploaded file (pathspec's `match_file`).
 * - For a folder (`isDirectory` true) it answers `true` only when every path below the folder is
 *   excluded whatever its name — the folder matches and no later `!` line could re-include
 *   anything in it — so a walker may skip the whole folder without changing what is uploaded
 *   (azure-ai-ml checks files only, so a `!` line can re-include a file inside an excluded folder).
 */
export type IgnoreMatcher = (relativePath: string, isDirectory?: boolean) => boolean;

/** The text (or parsed rules) of a folder's root ignore files, for {@link createIgnoreMatcher}. */
export interface IgnoreFilesOptions {
  /** The folder's `.amlignore` text or rules; when given (even empty) `.gitignore` is not used. */
  readonly amlignore?: string | IgnoreRules | undefined;
  /** The folder's `.gitignore` text or rules; used only when there is no `.amlignore`. */
  readonly gitignore?: string | IgnoreRules | undefined;
  /**
   * The folder the files are in, used to locate an invalid pattern (`<folder>/.amlignore:3`).
   * @default the file name alone
   */
  readonly folder?: string | undefined;
}

function rulesOf(
  source: string | IgnoreRules,
  name: string,
  folder: string | undefined,
): IgnoreRules {
  if (typeof source !== 'string') return source;
  const file = folder === undefined ? name : `${folder.replace(/\/+$/, '')}/${name}`;
  return parseIgnoreFile(source, { file });
}

/**
 * Builds the {@link IgnoreMatcher} of an upload from already parsed rules, or from a folder's
 * ignore files with azure-ai-ml's precedence: `.amlignore` wins over `.gitignore`; with neither,
 * nothing is left out. The ignore files themselves are uploaded unless a pattern names them (as
 * the SDK does).
 *
 * @throws {SyntaxError} (from {@link parseIgnoreFile}) when given text holds an invalid pattern.
 * @example
 * ```ts
 * const ignored = createIgnoreMatcher({ amlignore: 'data\n*.ckpt\n', gitignore: '*.py\n' });
 * ignored('train.py'); // false: .amlignore wins, .gitignore is not read
 * ignored('data/big.csv'); // true
 * ignored('data', true); // true: nothing under data/ can be uploaded, skip the folder
 * ```
 */
export function createIgnoreMatcher(source: IgnoreRules | IgnoreFilesOptions): IgnoreMatcher {
  let rules: IgnoreRules | undefined;
  if ('patterns' in source) {
    rules = source;
  } else if (source.amlignore !== undefined) {
    rules = rulesOf(source.amlignore, '.amlignore', source.folder);
  } else if (source.gitignore !== undefined) {
    rules = rulesOf(source.gitignore, '.gitignore', source.folder);
  }
  const patterns = rules?.patterns ?? [];
  // Index of the last `!` line: a folder matched by a later line cannot have anything re-included.
  const lastNegation = patterns.findLastIndex((pattern) => !pattern.include);

  return (relativePath, isDirectory = false) => {
    assertRelativePath(relativePath, 'IgnoreMatcher');
    if (!isDirectory) return matchIgnorePatterns(patterns, relativePath);
    for (let i = patterns.length - 1; i >= 0; i -= 1) {
      const pattern = patterns[i]!;
      if (pattern.regexp.test(relativePath)) return pattern.include && i > lastNegation;
    }
    return false;
  };
}
