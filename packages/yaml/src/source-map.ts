/** One step of a JSON path: a mapping key or a list index, e.g. `['jobs', 'train', 'inputs', 0]`. */
export type PathSegment = string | number;

/** A place in a source file. Lines and columns are 1-based; columns count UTF-16 code units. */
export interface SourceLocation {
  /** File name as given to the parser. */
  file: string;
  /** 1-based start line. */
  line: number;
  /** 1-based start column. */
  col: number;
  /** 1-based end line (exclusive end of the value). */
  endLine?: number;
  /** 1-based end column (exclusive end of the value). */
  endCol?: number;
}

/** Options for {@link SourceMap.locate}. */
export interface LocateOptions {
  /** Locate the mapping key instead of its value (for list items, the item itself). @default false */
  key?: boolean;
}

/**
 * Maps JSON paths of a parsed value back to places in the source text.
 *
 * Paths are resolved on demand (nothing is precomputed at parse time).
 * Aliases are followed into the anchored node; merge keys (`<<`) are followed
 * into the merged mappings, with explicit keys taking precedence.
 */
export interface SourceMap {
  /** Location of the value at `path` (or of its key when `{ key: true }`); undefined if the path does not exist. */
  locate(path: readonly PathSegment[], options?: LocateOptions): SourceLocation | undefined;
  /** Location of the deepest existing ancestor of `path` (the root document at worst) — used for "missing field" errors. */
  locateNearest(path: readonly PathSegment[]): SourceLocation;
}
