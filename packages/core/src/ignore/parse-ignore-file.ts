import { compileIgnoreLines } from './internal/gitwildmatch.js';

/**
 * One compiled line of an ignore file (pathspec's `GitWildMatchPattern`).
 */
export interface IgnorePattern {
  /** Matches a relative, `/`-separated path (no leading `./`, no trailing `/`). */
  readonly regexp: RegExp;
  /** `true` excludes the paths it matches; `false` re-includes them (a `!pattern` line). */
  readonly include: boolean;
}

/**
 * The compiled rules of one `.amlignore` or `.gitignore` file, in file order (the last matching
 * pattern decides). Blank lines, comments and a lone `/` compile to nothing.
 */
export interface IgnoreRules {
  /** Where the rules came from, as given to {@link parseIgnoreFile} (used in messages). */
  readonly file: string | undefined;
  /** The compiled patterns, in file order. */
  readonly patterns: readonly IgnorePattern[];
}

/** Options of {@link parseIgnoreFile}. */
export interface ParseIgnoreFileOptions {
  /**
   * The ignore file's path or name, used to locate an invalid pattern (`<file>:<line>`).
   * @default '<ignore file>'
   */
  readonly file?: string | undefined;
}

/**
 * Compiles the text of an ignore file with the gitwildmatch rules azure-ai-ml applies to
 * `.amlignore`/`.gitignore` (`PathSpec.from_lines("gitwildmatch", …)` from pathspec): `*`, `?`,
 * `[…]`, `**`, `!` re-includes, a leading or inner `/` anchors to the folder, a trailing `/`
 * matches what is inside a folder (not the folder's own path). Pure logic, runs in browsers.
 *
 * Match the result with {@link isPathIgnored} or {@link createIgnoreMatcher}.
 *
 * @throws {SyntaxError} when a line is not a valid pattern (a dangling `\`), naming
 * `<file>:<line>`, as pathspec raises.
 * @example
 * ```ts
 * const rules = parseIgnoreFile('*.log\n!keep.log\n', { file: 'src/.gitignore' });
 * isPathIgnored(rules, 'logs/run.log'); // true
 * isPathIgnored(rules, 'keep.log'); // false
 * ```
 */
export function parseIgnoreFile(text: string, options: ParseIgnoreFileOptions = {}): IgnoreRules {
  if (typeof text !== 'string') {
    throw new TypeError(
      `parseIgnoreFile: expected the text of an ignore file (a string), received ${typeof text}`,
    );
  }
  const where = options.file ?? '<ignore file>';
  return { file: options.file, patterns: compileIgnoreLines(text, where) };
}
