/**
 * The state of one `loadJob` call: the documents involved (the job file and every file
 * it references), their source maps and issues, the deferred asynchronous checks, and
 * the conversion of issues into located diagnostics.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DEFAULT_MAX_BYTES, formatPath, isYamlError, parseYaml, readYamlFile } from '@amlkit/yaml';
import type { ParsedYaml, SetOverride, SourceMap, YamlDiagnostic } from '@amlkit/yaml';
import { ParseContext } from '../schema/schema.js';
import type {
  Invalid,
  ParseEnvironment,
  PathKind,
  RelatedDocument,
  Schema,
  SchemaIssue,
} from '../schema/schema.js';
import { stripFilePrefix } from './references.js';
import { describeReceived, isRecord } from './received.js';
import { stripReadOnlyFields } from './read-only-fields.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** A `--set` override applied to the root document, remembered to locate issues under its path. */
export interface AppliedOverride {
  /** `--set[i]`. */
  file: string;
  /** Column of the value in the expression (1-based). */
  col: number;
  override: SetOverride;
}

/** One YAML document taking part in a load. */
export class LoadDocument implements ParseEnvironment {
  readonly issues: SchemaIssue[] = [];
  readonly session: LoadSession;
  readonly file: string;
  readonly basePath: string;
  readonly sourceMap: SourceMap | undefined;
  /** Files that (transitively) reference this one, to detect cycles. */
  readonly chain: readonly string[];
  readonly overrides: readonly AppliedOverride[];

  constructor(
    session: LoadSession,
    options: {
      file: string;
      basePath: string;
      sourceMap: SourceMap | undefined;
      chain?: readonly string[];
      overrides?: readonly AppliedOverride[];
    },
  ) {
    this.session = session;
    this.file = options.file;
    this.basePath = options.basePath;
    this.sourceMap = options.sourceMap;
    this.chain = options.chain ?? [];
    this.overrides = options.overrides ?? [];
    session.documents.push(this);
  }

  get signal(): AbortSignal | undefined {
    return this.session.signal;
  }

  defer(task: () => Promise<void>): void {
    this.session.pending.push(task);
  }

  pathKind(absolutePath: string): Promise<PathKind | undefined> {
    return Promise.resolve(this.session.pathKind(absolutePath));
  }

  async loadRelative(reference: string, ctx: ParseContext): Promise<RelatedDocument | undefined> {
    const file = resolve(this.basePath, stripFilePrefix(reference));
    if (file === this.file || this.chain.includes(file)) {
      ctx.report(
        'JOB_REFERENCE_CYCLE',
        `The file ${file} references itself (through ${[...this.chain, this.file].join(' -> ')}).`,
        {
          expected: 'a file that does not reference back to its parents',
          received: describeReceived(reference),
        },
      );
      return undefined;
    }
    let parsed: ParsedYaml;
    try {
      parsed = await this.session.readYaml(file);
    } catch (error) {
      if (!isYamlError(error)) throw error;
      if (error.code === 'YAML_FILE_NOT_FOUND' || error.code === 'YAML_READ_FAILED') {
        ctx.report('JOB_FILE_NOT_FOUND', `Can't find the referenced file: ${file}.`, {
          expected: 'an existing YAML file (relative to the file that references it)',
          received: describeReceived(reference),
        });
      } else {
        this.session.extraDiagnostics.push(...error.diagnostics);
      }
      return undefined;
    }
    this.session.sources[parsed.file] = parsed.text;
    const child = new LoadDocument(this.session, {
      file: parsed.file,
      basePath: dirname(file),
      sourceMap: parsed.sourceMap,
      chain: [...this.chain, this.file],
    });
    const value = isRecord(parsed.value) ? stripReadOnlyFields(parsed.value) : parsed.value;
    return {
      value,
      file: parsed.file,
      text: parsed.text,
      basePath: child.basePath,
      validate<T>(schema: Schema<T>): T | Invalid {
        return schema.parse(value, new ParseContext(child, [], child.issues));
      },
    };
  }

  /** Converts this document's issues into located diagnostics. */
  diagnostics(): YamlDiagnostic[] {
    return this.issues.map((issue) => this.locate(issue));
  }

  private locate(issue: SchemaIssue): YamlDiagnostic {
    const where = issue.path.length === 0 ? '' : `${formatPath(issue.path)}: `;
    const d: YamlDiagnostic = {
      code: issue.code,
      path: issue.path,
      file: this.file,
      line: 1,
      col: 1,
      message: `${where}${issue.message}`,
    };
    if (issue.expected !== undefined) d.expected = issue.expected;
    if (issue.received !== undefined) d.received = issue.received;
    if (issue.hint !== undefined) d.hint = issue.hint;
    const override = this.overrideAt(issue.path);
    if (override !== undefined) {
      d.file = override.file;
      d.col = override.col;
      return d;
    }
    const map = this.sourceMap;
    if (map === undefined) return d;
    const anchor = issue.anchor ?? 'value';
    const loc =
      anchor === 'nearest'
        ? map.locateNearest(issue.path)
        : (map.locate(issue.path, anchor === 'key' ? { key: true } : {}) ??
          map.locateNearest(issue.path));
    d.file = loc.file;
    d.line = loc.line;
    d.col = loc.col;
    return d;
  }

  /** The last override whose path is a prefix of `path` (the value there came from `--set`). */
  private overrideAt(path: readonly (string | number)[]): AppliedOverride | undefined {
    for (let i = this.overrides.length - 1; i >= 0; i--) {
      const o = this.overrides[i]!;
      const p = o.override.path;
      if (p.length <= path.length && p.every((seg, j) => seg === path[j])) return o;
    }
    return undefined;
  }
}

/**
 * The bytes of a regular file of at most `DEFAULT_MAX_BYTES` (one open, fstat, read, close:
 * no separate path `stat`), or undefined for anything else (missing, a folder, a pipe, too
 * large), which `readYamlFile` then reads or reports precisely.
 */
function readSmallFile(file: string): Uint8Array | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > DEFAULT_MAX_BYTES) return undefined;
    const bytes = new Uint8Array(info.size);
    let length = 0;
    while (length < bytes.length) {
      const read = readSync(fd, bytes, length, bytes.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return length === bytes.length ? bytes : bytes.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** State shared by every document of one load. */
export class LoadSession {
  readonly documents: LoadDocument[] = [];
  readonly pending: (() => Promise<void>)[] = [];
  readonly sources: Record<string, string> = {};
  /** Diagnostics that already carry a location (syntax errors of referenced files). */
  readonly extraDiagnostics: YamlDiagnostic[] = [];
  readonly signal: AbortSignal | undefined;

  private readonly kinds = new Map<string, PathKind | undefined>();
  private readonly parsed = new Map<string, Promise<ParsedYaml>>();

  constructor(signal?: AbortSignal) {
    this.signal = signal;
  }

  /** Whether a path exists and what it is (cached for the load; a synchronous `stat`, cheaper than a thread-pool round trip). */
  pathKind(absolutePath: string): PathKind | undefined {
    if (this.kinds.has(absolutePath)) return this.kinds.get(absolutePath);
    let kind: PathKind | undefined;
    try {
      const info = statSync(absolutePath, { throwIfNoEntry: false });
      kind = info === undefined ? undefined : info.isDirectory() ? 'directory' : 'file';
    } catch {
      kind = undefined;
    }
    this.kinds.set(absolutePath, kind);
    return kind;
  }

  /**
   * Reads and parses a referenced YAML file once per load. Small, valid UTF-8 files are
   * read synchronously (they are tiny; this avoids a thread-pool round trip per file);
   * anything unusual goes through `readYamlFile`, which produces the precise error.
   */
  readYaml(file: string): Promise<ParsedYaml> {
    let entry = this.parsed.get(file);
    if (entry === undefined) {
      entry = this.readYamlUncached(file);
      this.parsed.set(file, entry);
    }
    return entry;
  }

  private readYamlUncached(file: string): Promise<ParsedYaml> {
    this.signal?.throwIfAborted();
    try {
      const bytes = readSmallFile(file);
      if (bytes !== undefined) return Promise.resolve(parseYaml(utf8.decode(bytes), { file }));
    } catch (error) {
      if (isYamlError(error)) return Promise.reject(error);
      // fall through: readYamlFile reports the precise problem
    }
    return readYamlFile(file, this.signal === undefined ? {} : { signal: this.signal });
  }

  /** Runs deferred work (which may queue more) until none is left. */
  async drain(): Promise<void> {
    while (this.pending.length > 0) {
      this.signal?.throwIfAborted();
      const batch = this.pending.splice(0, this.pending.length);
      await Promise.all(batch.map((task) => task()));
    }
  }

  /** Every diagnostic of every document, in document order. */
  diagnostics(): YamlDiagnostic[] {
    // The usual case, a valid job: nothing to locate or deduplicate.
    if (this.extraDiagnostics.length === 0 && this.documents.every((d) => d.issues.length === 0))
      return [];
    const all = [...this.documents.flatMap((d) => d.diagnostics()), ...this.extraDiagnostics];
    // A file referenced twice is validated twice: report each of its problems once.
    const seen = new Set<string>();
    return all.filter((d) => {
      const key = `${d.code}\u0000${d.file}\u0000${d.line}\u0000${d.col}\u0000${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}
