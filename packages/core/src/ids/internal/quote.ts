/** Quotes a received text for an error message, truncated to 120 characters. */
export function quote(text: string): string {
  const shown = text.length > 120 ? `${text.slice(0, 120)}…` : text;
  return JSON.stringify(shown);
}
