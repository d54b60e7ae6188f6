import { assertRelativePath } from './internal/assert-relative-path.js';
import { matchIgnorePatterns } from './internal/gitwildmatch.js';
import type { IgnoreRules } from './parse-ignore-file.js';

/**
 * Whether `rules` exclude `relativePath`, exactly as pathspec's `PathSpec.match_file` decides
 * (the last matching pattern wins; `!` patterns re-include). This is the per-entry check
 * azure-ai-ml makes for uploads and for build-context hashes.
 *
 * @param relativePath the path relative to the folder that holds the ignore file, with `/`
 * separators, no leading `./` and no trailing `/` (`src/model.py`, `data`).
 * @throws {TypeError} when `relativePath` is empty, absolute, or starts with `./`.
 * @example
 * ```ts
 * isPathIgnored(parseIgnoreFile('build/\n'), 'build/out.bin'); // true
 * isPathIgnored(parseIgnoreFile('build/\n'), 'build'); // false: `build/` matches its contents only
 * ```
 */
export function isPathIgnored(rules: IgnoreRules, relativePath: string): boolean {
  assertRelativePath(relativePath, 'isPathIgnored');
  return matchIgnorePatterns(rules.patterns, relativePath);
}
