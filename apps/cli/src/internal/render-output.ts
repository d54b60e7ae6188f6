// `-o json|yaml|table|tsv|none` for every job and server command. Pure: no Node built-ins.

/** The output formats of the job and server commands. */
export const OUTPUT_FORMATS = ['json', 'yaml', 'table', 'tsv', 'none'] as const;

/** One of {@link OUTPUT_FORMATS}. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** A column of `-o table`/`tsv`: a header and how to read a cell from a row. */
export interface OutputColumn {
  /** The header (table only). */
  readonly header: string;
  /** The cell text of a row. */
  cell(row: Readonly<Record<string, unknown>>): string;
}

/** Options of {@link renderOutput}. */
export interface RenderOutputOptions {
  /** The format. */
  readonly format: OutputFormat;
  /** Columns for table/tsv; without them (or after `--query`) the columns come from the data. */
  readonly columns?: readonly OutputColumn[] | undefined;
  /** YAML stringifier (`@amlkit/yaml`'s, loaded lazily by the caller). */
  readonly yaml?: ((value: unknown) => string) | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** The text of a table cell: scalars as written, `null`/absent empty, anything else as JSON. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function clean(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}

function derivedColumns(rows: readonly unknown[]): OutputColumn[] {
  if (rows.every((row) => !isRecord(row))) {
    return [{ header: 'Result', cell: (row) => cellText(row.value) }];
  }
  const keys: string[] = [];
  for (const row of rows) {
    if (!isRecord(row)) continue;
    for (const [key, value] of Object.entries(row)) {
      if (isScalar(value) && !keys.includes(key)) keys.push(key);
    }
  }
  return keys.map((key) => ({ header: key, cell: (row) => cellText(row[key]) }));
}

function tableRows(
  value: unknown,
  columns: readonly OutputColumn[] | undefined,
): {
  columns: readonly OutputColumn[];
  rows: Readonly<Record<string, unknown>>[];
} {
  const list = Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value];
  const cols = columns ?? derivedColumns(list);
  const rows = list.map((row) => (isRecord(row) ? row : { value: row }));
  return { columns: cols, rows };
}

/** `-o table`: a header, a rule, and padded columns. */
export function renderTable(value: unknown, columns?: readonly OutputColumn[]): string {
  const { columns: cols, rows } = tableRows(value, columns);
  if (cols.length === 0) return '';
  const cells = rows.map((row) => cols.map((col) => clean(col.cell(row))));
  const widths = cols.map((col, index) =>
    Math.max(col.header.length, ...cells.map((line) => line[index]!.length)),
  );
  const line = (parts: readonly string[]): string =>
    parts
      .map((part, index) => part.padEnd(widths[index]!))
      .join('  ')
      .trimEnd();
  return [
    line(cols.map((col) => col.header)),
    line(widths.map((width) => '-'.repeat(width))),
    ...cells.map(line),
  ]
    .map((text) => `${text}\n`)
    .join('');
}

/** `-o tsv`: the table's cells without a header, tab-separated. */
export function renderTsv(value: unknown, columns?: readonly OutputColumn[]): string {
  const { columns: cols, rows } = tableRows(value, columns);
  return rows.map((row) => `${cols.map((col) => clean(col.cell(row))).join('\t')}\n`).join('');
}

/** Renders a JSON value in the chosen format (`none` prints nothing). */
export function renderOutput(value: unknown, options: RenderOutputOptions): string {
  switch (options.format) {
    case 'none':
      return '';
    case 'json':
      return `${JSON.stringify(value ?? null, null, 2)}\n`;
    case 'yaml': {
      if (options.yaml === undefined) throw new TypeError('renderOutput: yaml needs a stringifier');
      const text = options.yaml(value ?? null);
      return text.endsWith('\n') ? text : `${text}\n`;
    }
    case 'table':
      return renderTable(value, options.columns);
    case 'tsv':
      return renderTsv(value, options.columns);
  }
}
