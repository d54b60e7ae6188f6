/**
 * Python's `sep.join(s)` where `s` is a string: the characters (code points) of `s` with `sep`
 * between each pair. The SDK's anonymous-environment hash relies on this quirk.
 *
 * @example
 * ```ts
 * pythonStrJoin('-', 'abc'); // 'a-b-c'
 * pythonStrJoin('', 'abc'); // 'abc'
 * ```
 */
export function pythonStrJoin(sep: string, s: string): string {
  return Array.from(s).join(sep);
}
