/** Shortens `text` to at most `max` characters, marking the cut with `…`. */
export function truncate(text: string, max = 200): string {
  return text.length <= max
    ? text
    : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
