/** Options for {@link formatCodeFrame}. */
export interface FormatCodeFrameOptions {
  /** Wrap the marker and caret in ANSI colors. @default false */
  color?: boolean;
  /** Lines of context shown above and below. @default 2 */
  context?: number;
}

const MAX_LINE_WIDTH = 120;
const RED = '\u001b[31m';
const DIM = '\u001b[2m';
const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';

/**
 * Renders the lines around `line:col` (1-based) of `text` with a `>` marker on
 * the line and a `^` caret under the column, for terminals.
 *
 * @example
 * ```ts
 * formatCodeFrame('a: 1\nb: [\n', 2, 4);
 * //   1 | a: 1
 * // > 2 | b: [
 * //     |    ^
 * ```
 */
export function formatCodeFrame(
  text: string,
  line: number,
  col: number,
  options: FormatCodeFrameOptions = {},
): string {
  const color = options.color ?? false;
  const context = Math.max(0, Math.floor(options.context ?? 2));
  const lines = text.split(/\r\n|\r|\n/);
  const target = Math.min(Math.max(1, Math.floor(line)), lines.length);
  const first = Math.max(1, target - context);
  const last = Math.min(lines.length, target + context);
  const width = String(last).length;
  const paint = (code: string, s: string): string => (color ? `${code}${s}${RESET}` : s);

  const rawTarget = lines[target - 1] ?? '';
  const caretIndex = Math.min(Math.max(0, Math.floor(col) - 1), rawTarget.length);
  // Long lines are cut to a window around the column, so the caret stays visible.
  const windowStart = caretIndex > MAX_LINE_WIDTH - 20 ? caretIndex - (MAX_LINE_WIDTH - 40) : 0;
  const clip = (s: string): string => {
    const head = windowStart > 0 ? '…' : '';
    const body = s.slice(windowStart, windowStart + MAX_LINE_WIDTH);
    const tail = s.length > windowStart + MAX_LINE_WIDTH ? '…' : '';
    return `${head}${body}${tail}`;
  };

  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const src = clip(lines[n - 1] ?? '');
    const gutter = ` ${String(n).padStart(width)} |`;
    if (n === target) {
      out.push(`${paint(RED + BOLD, '>')}${paint(DIM, gutter)}${src === '' ? '' : ` ${src}`}`);
      const before = (windowStart > 0 ? '…' : '') + rawTarget.slice(windowStart, caretIndex);
      const pad = before.replace(/[^\t]/g, ' ');
      out.push(` ${' '.repeat(width + 2)}${paint(DIM, '|')} ${pad}${paint(RED + BOLD, '^')}`);
    } else {
      out.push(` ${paint(DIM, gutter)}${src === '' ? '' : ` ${src}`}`);
    }
  }
  return out.join('\n');
}
