/** One server-sent event, as the service writes it (`event:`, `data:`, `id:` lines). */
export interface ServerSentEvent {
  /** The `event:` name; `'message'` when absent. */
  readonly event: string;
  /** The `data:` lines joined with `\n`. */
  readonly data: string;
  /** The `id:` (resume cursor), when the event carried one. */
  readonly id?: string;
}

/** An incremental `text/event-stream` parser. */
export interface SseParser {
  /** Feeds decoded text (any split); returns the events completed by it. */
  push(text: string): ServerSentEvent[];
}

/**
 * Creates a parser of the `text/event-stream` format (the subset the local service writes:
 * `event`, `data`, `id` fields, `:` comments, LF or CRLF line ends). Chunks may split lines
 * and events anywhere.
 *
 * @example
 * ```ts
 * const parser = createSseParser();
 * parser.push('event: status\ndata: {"status":"Running"}\nid: 3\n\n');
 * // → [{ event: 'status', data: '{"status":"Running"}', id: '3' }]
 * ```
 */
export function createSseParser(): SseParser {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | undefined;
  return {
    push(text) {
      buffer += text;
      const out: ServerSentEvent[] = [];
      for (;;) {
        const newline = buffer.indexOf('\n');
        if (newline < 0) break;
        let line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        if (line === '') {
          if (data.length > 0 || event !== '') {
            out.push({
              event: event === '' ? 'message' : event,
              data: data.join('\n'),
              ...(id === undefined ? {} : { id }),
            });
          }
          event = '';
          data = [];
          id = undefined;
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
        else if (field === 'id' && !value.includes('\0')) id = value;
      }
      return out;
    },
  };
}
