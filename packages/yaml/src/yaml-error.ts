import type { PathSegment } from './source-map.js';

/**
 * One located problem found while reading, parsing or overriding YAML.
 *
 * `line` and `col` are 1-based. `path` is the JSON path of the value the
 * problem is about (`[]` for the root document).
 */
export interface YamlDiagnostic {
  /** Stable machine-readable code, e.g. `'YAML_SYNTAX'`, `'YAML_DUPLICATE_KEY'`, `'SET_SYNTAX'`, or a caller's own code. */
  code: string;
  /** JSON path of the value concerned; `[]` for the root. */
  path: PathSegment[];
  /** File name shown in locations (`'<input>'` when parsing a string without a name). */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column (in UTF-16 code units). */
  col: number;
  /** What failed. */
  message: string;
  /** What was expected. */
  expected?: string;
  /** What was received, already truncated for display. */
  received?: string;
  /** A hint such as a did-you-mean suggestion. */
  hint?: string;
}

/**
 * Every error code thrown by `@amlkit/yaml`.
 *
 * Callers may also build {@link YamlDiagnostic}s with their own codes.
 */
export const YamlErrorCode = {
  /** The text is not well-formed YAML. */
  Syntax: 'YAML_SYNTAX',
  /** A mapping has the same key twice (located at the second one). */
  DuplicateKey: 'YAML_DUPLICATE_KEY',
  /** The document expands more aliases than `maxAliasCount` allows. */
  AliasLimit: 'YAML_ALIAS_LIMIT',
  /** The input is larger than `maxBytes`. */
  TooLarge: 'YAML_TOO_LARGE',
  /** The document nests deeper than `maxDepth`. */
  DepthLimit: 'YAML_DEPTH_LIMIT',
  /** The input is not text (NUL bytes, control characters, invalid UTF-8). */
  Binary: 'YAML_BINARY',
  /** The input holds more than one YAML document. */
  MultipleDocuments: 'YAML_MULTIPLE_DOCUMENTS',
  /** A tag outside the YAML 1.2 core schema (`!!binary`, `!!timestamp`, `!custom`…). */
  UnsupportedTag: 'YAML_UNSUPPORTED_TAG',
  /** A mapping key is a collection (`? [a, b] : 1`), which has no JSON equivalent. */
  ComplexKey: 'YAML_COMPLEX_KEY',
  /** `readYamlFile` was given a path that does not exist. */
  FileNotFound: 'YAML_FILE_NOT_FOUND',
  /** `readYamlFile` could not read the path (a directory, no permission…). */
  ReadFailed: 'YAML_READ_FAILED',
  /** `writeYamlFile` refused to overwrite an existing file. */
  FileExists: 'YAML_FILE_EXISTS',
  /** Writing a file or stream failed. */
  WriteFailed: 'YAML_WRITE_FAILED',
  /** A `--set` expression is malformed. */
  SetSyntax: 'SET_SYNTAX',
  /** A `--set` path goes through a value that is not a mapping or a list. */
  SetPathConflict: 'SET_PATH_CONFLICT',
  /** A `--set` list index is more than one past the end of the list. */
  SetIndexOutOfRange: 'SET_INDEX_OUT_OF_RANGE',
} as const;

/** A code from {@link YamlErrorCode}. */
export type YamlErrorCode = (typeof YamlErrorCode)[keyof typeof YamlErrorCode];

/** Options for the {@link YamlError} constructor. */
export interface YamlErrorOptions {
  /** The located problems; the first one also sets the error's message when `message` is absent. */
  diagnostics?: YamlDiagnostic[];
  /** The underlying error, if any. */
  cause?: unknown;
}

/**
 * The one error class of `@amlkit/yaml`.
 *
 * `code` is the code of the first diagnostic (or of the error as a whole for
 * file errors); `diagnostics` holds every located problem at once.
 */
export class YamlError extends Error {
  override readonly name = 'YamlError' as const;
  /** Stable machine-readable code, see {@link YamlErrorCode}. */
  readonly code: string;
  /** Every located problem (at least one for parse errors). */
  readonly diagnostics: YamlDiagnostic[];

  /**
   * @param code - the error's code.
   * @param message - what failed, what was expected, what was received, and where.
   * @param options - diagnostics and cause.
   */
  constructor(code: string, message: string, options: YamlErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.diagnostics = options.diagnostics ?? [];
  }
}

/**
 * Whether `e` is a {@link YamlError}; checks `name` and `code`, so it also
 * recognises errors from a duplicate install of this package.
 */
export function isYamlError(e: unknown): e is YamlError {
  if (typeof e !== 'object' || e === null) return false;
  const candidate = e as { name?: unknown; code?: unknown; diagnostics?: unknown };
  return (
    candidate.name === 'YamlError' &&
    typeof candidate.code === 'string' &&
    Array.isArray(candidate.diagnostics)
  );
}
