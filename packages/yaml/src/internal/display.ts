/** Truncates `text` for display in a diagnostic, marking the cut with `…`. */
export function truncateForDisplay(text: string, max = 60): string {
  const oneLine = JSON.stringify(text);
  if (oneLine.length <= max) return oneLine;
  return `${oneLine.slice(0, max - 1)}…`;
}

/** 1-based line/col of a UTF-16 offset in `text` (slow path, used only for errors). */
export function linePosOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: end - lineStart + 1 };
}

/** The JSON-path segment for a scalar mapping key, as `yaml`'s `toJS` names it. */
export function keyToSegment(value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'symbol':
      return value.description ?? '';
    default:
      return JSON.stringify(value) ?? '';
  }
}
