// jmespath 0.16.0 ships no types; the CLI uses `search` only.
declare module 'jmespath' {
  /** Evaluates a JMESPath expression against `data`. Throws on a syntax error. */
  export function search(data: unknown, expression: string): unknown;
}
