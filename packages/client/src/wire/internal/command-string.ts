/**
 * Rewrites the deprecated single-brace references `{inputs.x}`, `{outputs.y}` and
 * `{search_space.z}` (not preceded or followed by another brace) to `${{…}}`, as the SDK does
 * when it builds the REST body (semantics §4.8).
 */
export function rewriteSingleBraceReferences(command: string): string {
  return command.replace(
    /(?<!\{)\{((?:inputs|outputs|search_space)\.[\w.-]+)\}(?!\})/g,
    (_match, reference: string) => `\${{${reference}}}`,
  );
}
