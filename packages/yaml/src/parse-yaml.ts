import { Composer, LineCounter, YAMLParseError } from 'yaml';
import type { Document, YAMLError as LibYamlError } from 'yaml';
import { analyzeDocument } from './internal/analyze-document.js';
import { errorFromDiagnostics } from './internal/error-from-diagnostics.js';
import { findBinaryCharacter } from './internal/check-text.js';
import { createParser } from './internal/fast-parser.js';
import { truncateForDisplay } from './internal/display.js';
import { createDocumentSourceMap } from './internal/document-source-map.js';
import { pathAtOffset } from './internal/path-at-offset.js';
import type { SourceMap } from './source-map.js';
import type { YamlDiagnostic } from './yaml-error.js';

/** Default for {@link ParseYamlOptions.maxBytes}: 10 MiB. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** Default for {@link ParseYamlOptions.maxDepth}: 64 nesting levels. */
export const DEFAULT_MAX_DEPTH = 64;
/** Default for {@link ParseYamlOptions.maxAliasCount}: 100 alias expansions. */
export const DEFAULT_MAX_ALIAS_COUNT = 100;

/** Options for {@link parseYaml}. */
export interface ParseYamlOptions {
  /** File name shown in locations. @default '<input>' */
  file?: string;
  /** Largest accepted input in UTF-8 bytes, checked before parsing. @default 10 MiB (10 * 1024 * 1024) */
  maxBytes?: number;
  /**
   * Cap on alias expansions: how many alias nodes the fully expanded value may
   * contain (a billion-laughs document is rejected without expanding it).
   * @default 100
   */
  maxAliasCount?: number;
  /** Deepest allowed nesting of mappings and lists. @default 64 */
  maxDepth?: number;
}

/** The result of {@link parseYaml}. */
export interface ParsedYaml {
  /** The plain JSON-like value (`null` for an empty document). Aliased nodes may share identity. */
  value: unknown;
  /** The source text. */
  text: string;
  /** File name used in locations. */
  file: string;
  /** Maps JSON paths of `value` to locations in `text`. */
  sourceMap: SourceMap;
}

const LIB_CODE_MAP: Partial<Record<string, string>> = {
  DUPLICATE_KEY: 'YAML_DUPLICATE_KEY',
  MULTIPLE_DOCS: 'YAML_MULTIPLE_DOCUMENTS',
  TAG_RESOLVE_FAILED: 'YAML_UNSUPPORTED_TAG',
  BAD_COLLECTION_TYPE: 'YAML_UNSUPPORTED_TAG',
};

function checkLimit(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new RangeError(
      `parseYaml: options.${name} must be a non-negative number, received ${String(value)}`,
    );
  }
  return value;
}

/** UTF-8 byte length of `text`, stopping early once it exceeds `limit`. */
function utf8LengthExceeds(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > limit) return true;
  }
  return false;
}

/** Offset of the quote that opens the unterminated string ending at `end`. */
function openingQuote(text: string, end: number, quote: string): number {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    const before = text[i - 1];
    if (before === undefined || /[\s:[{,\-?]/.test(before)) return i;
  }
  return end;
}

/** What {@link toDiagnostic} needs to know about the parse. */
interface DiagnosticContext {
  text: string;
  doc: Document;
  lineCounter: LineCounter;
  file: string;
  maxDepth: number;
}

/** JSON paths are computed for this many syntax errors at most (each costs a descent). */
const MAX_PATHS = 200;

function toDiagnostic(
  err: LibYamlError,
  index: number,
  context: DiagnosticContext,
): YamlDiagnostic {
  const { text, doc, lineCounter, file, maxDepth } = context;
  const quote = /^Missing closing (["'])quote/.exec(err.message)?.[1];
  // An unclosed quote is reported where the input ends; point at where the string starts.
  const offset = quote === undefined ? err.pos[0] : openingQuote(text, err.pos[0], quote);
  const { line, col } = lineCounter.linePos(offset);
  const path = index < MAX_PATHS ? pathAtOffset(doc, offset) : [];
  if (/call stack/i.test(err.message)) {
    return {
      code: 'YAML_DEPTH_LIMIT',
      path,
      file,
      line,
      col,
      message: 'Document nests too deeply to be parsed',
      expected: `at most ${maxDepth} nesting levels`,
      received: 'deeper nesting than the parser can follow',
    };
  }
  const code = LIB_CODE_MAP[err.code] ?? 'YAML_SYNTAX';
  const diag: YamlDiagnostic = { code, path, file, line, col, message: err.message };
  if (code === 'YAML_SYNTAX') {
    if (quote !== undefined) {
      diag.message = `String is never closed: the ${quote === '"' ? 'double' : 'single'} quote that starts it has no closing ${quote}`;
      diag.expected = `a closing ${quote}`;
      diag.received = 'the end of the input';
    } else if (/^Tabs are not allowed/.test(err.message)) {
      diag.expected = 'spaces for indentation';
      diag.received = 'a tab character';
    } else {
      const end = text.indexOf('\n', err.pos[0]);
      const rest = text
        .slice(
          err.pos[0],
          end === -1 ? Math.min(text.length, err.pos[0] + 200) : Math.min(end, err.pos[0] + 200),
        )
        .trim();
      diag.received =
        rest === ''
          ? end === -1
            ? 'the end of the input'
            : 'the end of the line'
          : truncateForDisplay(rest);
    }
  }
  switch (code) {
    case 'YAML_DUPLICATE_KEY':
      diag.message = `Duplicate key ${JSON.stringify(path[path.length - 1] ?? '')}: mapping keys must be unique`;
      diag.expected = 'each key at most once per mapping';
      diag.received = 'the same key again';
      break;
    case 'YAML_MULTIPLE_DOCUMENTS':
      diag.message =
        'Input contains more than one YAML document (a "---" separator starts a second one)';
      diag.expected = 'exactly one document';
      diag.received = 'a second document';
      diag.hint = 'Split the documents into separate files, or remove the extra "---"';
      break;
    case 'YAML_UNSUPPORTED_TAG': {
      const tag = err.message
        .replace(/^Unresolved tag:\s*/, '')
        .replace(/^tag:yaml\.org,2002:/, '!!');
      diag.message = `Unsupported tag ${tag}: only YAML 1.2 core-schema values are allowed`;
      diag.expected =
        'plain YAML 1.2 core-schema values (no tags other than !!str, !!int, !!float, !!bool, !!null, !!map, !!seq)';
      diag.received = tag;
      diag.hint = 'Remove the tag; quote the value if it must be a string';
      break;
    }
    default:
      break;
  }
  return diag;
}

/**
 * `yaml`'s `parseDocument(text, options)` with the CST parser of `./internal/fast-parser.ts`:
 * the same composer, options and multiple-document error, without a `process.env` read per token.
 */
function composeDocument(text: string, lineCounter: LineCounter): Document {
  const composer = new Composer({
    lineCounter,
    schema: 'core',
    version: '1.2',
    merge: true,
    // Duplicate keys are found by analyzeDocument in linear time.
    uniqueKeys: false,
    prettyErrors: false,
    resolveKnownTags: false,
    keepSourceTokens: false,
  });
  const parser = createParser(lineCounter.addNewLine);
  let doc: Document | undefined;
  // `compose(…, true, …)` always yields at least one document (an empty one for empty input).
  for (const next of composer.compose(parser.parse(text), true, text.length)) {
    if (doc === undefined) {
      doc = next;
    } else {
      doc.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()',
        ),
      );
      break;
    }
  }
  if (doc === undefined) throw new Error('parseYaml: the YAML composer produced no document');
  return doc;
}

/**
 * Parses one YAML 1.2 document (core schema) safely and returns the value with
 * a lazy source map.
 *
 * Rejects, with every problem located: syntax errors, duplicate keys, more than
 * one document, tags outside the core schema, collection keys, inputs larger
 * than `maxBytes` (checked before parsing), binary input, nesting deeper than
 * `maxDepth`, and alias expansion beyond `maxAliasCount`.
 *
 * @throws {YamlError} with `diagnostics` holding all problems.
 * @example
 * ```ts
 * const { value, sourceMap } = parseYaml('a:\n  b: [1, 2]\n', { file: 'job.yml' });
 * sourceMap.locate(['a', 'b', 1]); // { file: 'job.yml', line: 2, col: 10, … }
 * ```
 */
export function parseYaml(text: string, options: ParseYamlOptions = {}): ParsedYaml {
  if (typeof text !== 'string') {
    throw new TypeError(`parseYaml: expected the YAML text as a string, received ${typeof text}`);
  }
  const file = options.file ?? '<input>';
  const maxBytes = checkLimit('maxBytes', options.maxBytes, DEFAULT_MAX_BYTES);
  const maxDepth = checkLimit('maxDepth', options.maxDepth, DEFAULT_MAX_DEPTH);
  const maxAliasCount = checkLimit('maxAliasCount', options.maxAliasCount, DEFAULT_MAX_ALIAS_COUNT);

  if (utf8LengthExceeds(text, maxBytes)) {
    throw errorFromDiagnostics([
      {
        code: 'YAML_TOO_LARGE',
        path: [],
        file,
        line: 1,
        col: 1,
        message: `Input is too large to parse`,
        expected: `at most ${maxBytes} bytes`,
        received:
          text.length > maxBytes ? `at least ${text.length} bytes` : `more than ${maxBytes} bytes`,
      },
    ]);
  }
  const binary = findBinaryCharacter(text, file);
  if (binary) throw errorFromDiagnostics([binary]);

  const lineCounter = new LineCounter();
  const doc = composeDocument(text, lineCounter);

  const context: DiagnosticContext = { text, doc, lineCounter, file, maxDepth };
  const problems: YamlDiagnostic[] = [
    ...doc.errors,
    ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED'),
  ].map((e, i) => toDiagnostic(e, i, context));
  // The analysis is safe on a partial AST too, so duplicate keys and limits are
  // reported together with syntax errors (unless the parser already ran out of stack).
  if (!problems.some((p) => p.code === 'YAML_DEPTH_LIMIT')) {
    problems.push(...analyzeDocument(doc, lineCounter, file, { maxDepth, maxAliasCount }));
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line || a.col - b.col);
    // The parser can report one stack overflow several times; say each thing once.
    const seen = new Set<string>();
    const unique = problems.filter((p) => {
      const id =
        p.code === 'YAML_DEPTH_LIMIT' ? p.code : `${p.code}:${p.line}:${p.col}:${p.message}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    throw errorFromDiagnostics(unique);
  }

  let value: unknown;
  try {
    // Alias expansion was bounded by analyzeDocument above.
    value = doc.toJS({ maxAliasCount: -1 });
  } catch (err) {
    throw errorFromDiagnostics(
      [
        {
          code: 'YAML_SYNTAX',
          path: [],
          file,
          line: 1,
          col: 1,
          message: `Document could not be converted to a value: ${err instanceof Error ? err.message : String(err)}`,
        },
      ],
      err,
    );
  }
  return { value, text, file, sourceMap: createDocumentSourceMap(doc, lineCounter, file) };
}
