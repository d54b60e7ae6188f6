/**
 * A port of pathspec's `GitWildMatchPattern.pattern_to_regex` and `PathSpec.match_file`, which
 * azure-ai-ml uses for `.amlignore`/`.gitignore` files (`PathSpec.from_lines("gitwildmatch", fh)`).
 * Pure string code, no Node APIs.
 */

import type { IgnorePattern } from '../parse-ignore-file.js';

// Python's `.` (no DOTALL) is any character but `\n`; its `$` also matches before a final `\n`.
const ANY = '[^\\n]';

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/-]/g;

function escapeRegExp(text: string): string {
  return text.replace(REGEX_SPECIAL, '\\$&');
}

/** `_translate_segment_glob`: one path segment's glob to a regex; throws on a dangling backslash. */
function translateSegmentGlob(pattern: string): string {
  const chars = Array.from(pattern);
  let escape = false;
  let regex = '';
  let i = 0;
  const end = chars.length;
  while (i < end) {
    const char = chars[i]!;
    i += 1;
    if (escape) {
      escape = false;
      regex += escapeRegExp(char);
    } else if (char === '\\') {
      escape = true;
    } else if (char === '*') {
      regex += '[^/]*';
    } else if (char === '?') {
      regex += '[^/]';
    } else if (char === '[') {
      let j = i;
      if (j < end && (chars[j] === '!' || chars[j] === '^')) j += 1;
      if (j < end && chars[j] === ']') j += 1;
      while (j < end && chars[j] !== ']') j += 1;
      if (j < end) {
        j += 1;
        let expr = '[';
        if (chars[i] === '!' || chars[i] === '^') {
          expr += '^';
          i += 1;
        }
        // Python reads a `]` right after `[`/`[^` as a literal; JavaScript needs it escaped.
        let body = chars
          .slice(i, j - 1)
          .join('')
          .replaceAll('\\', '\\\\');
        if (body.startsWith(']')) body = `\\]${body.slice(1)}`;
        regex += `${expr}${body.replaceAll('[', '\\[')}]`;
        i = j;
      } else {
        regex += '\\[';
      }
    } else {
      regex += escapeRegExp(char);
    }
  }
  if (escape) {
    throw new SyntaxError(
      `expected a character after the escape "\\", received the end of ${JSON.stringify(pattern)}`,
    );
  }
  return regex;
}

/** `GitWildMatchPattern.pattern_to_regex`: `null` for blank lines, comments and `/`. */
export function compileIgnorePattern(line: string): IgnorePattern | null {
  let pattern = line.endsWith('\\ ') ? line.trimStart() : line.trim();
  if (pattern.startsWith('#') || pattern === '/' || pattern === '') return null;
  let include = true;
  if (pattern.startsWith('!')) {
    include = false;
    pattern = pattern.slice(1);
  }
  const segs = pattern.split('/');
  for (let i = segs.length - 1; i > 0; i--) {
    if (segs[i - 1] === '**' && segs[i] === '**') segs.splice(i, 1);
  }
  let override: string | null = null;
  if (segs.length === 2 && segs[0] === '**' && segs[1] === '') {
    override = `^${ANY}+/${ANY}*\\n?$`;
  }
  if (segs[0] === '') {
    segs.shift();
  } else if (segs.length === 1 || (segs.length === 2 && segs[1] === '')) {
    if (segs[0] !== '**') segs.unshift('**');
  }
  if (segs.length === 0) {
    throw new SyntaxError(`expected a git wildmatch pattern, received ${JSON.stringify(line)}`);
  }
  if (segs[segs.length - 1] === '' && segs.length > 1) segs[segs.length - 1] = '**';
  if (override !== null) return { regexp: new RegExp(override), include };

  let out = '^';
  let needSlash = false;
  const end = segs.length - 1;
  segs.forEach((seg, i) => {
    if (seg === '**') {
      if (i === 0 && i === end) {
        out += `[^/]+(?:/${ANY}*)?`;
      } else if (i === 0) {
        out += `(?:${ANY}+/)?`;
        needSlash = false;
      } else if (i === end) {
        out += `/${ANY}*`;
      } else {
        out += `(?:/${ANY}+)?`;
        needSlash = true;
      }
    } else {
      if (needSlash) out += '/';
      out += seg === '*' ? '[^/]+' : translateSegmentGlob(seg);
      if (i === end) out += `(?:/${ANY}*)?`;
      needSlash = true;
    }
  });
  return { regexp: new RegExp(`${out}\\n?$`), include };
}

/**
 * `PathSpec.from_lines(...)` over the text of an ignore file, as Python reads it line by line.
 * @throws SyntaxError naming `where:line` when a pattern is invalid (pathspec raises too).
 */
export function compileIgnoreLines(text: string, where: string): IgnorePattern[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const patterns: IgnorePattern[] = [];
  lines.forEach((line, index) => {
    try {
      const pattern = compileIgnorePattern(index < lines.length - 1 ? `${line}\n` : line);
      if (pattern !== null) patterns.push(pattern);
    } catch (error) {
      throw new SyntaxError(
        `Invalid ignore pattern at ${where}:${index + 1}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  });
  return patterns;
}

/** `PathSpec.match_file`: the last matching pattern decides; `path` is relative with `/` separators. */
export function matchIgnorePatterns(patterns: readonly IgnorePattern[], path: string): boolean {
  let matched = false;
  for (const pattern of patterns) {
    if (pattern.regexp.test(path)) matched = pattern.include;
  }
  return matched;
}
