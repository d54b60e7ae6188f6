/** Rejects paths the ignore rules cannot be matched against (empty, absolute, `./…`). */
export function assertRelativePath(relativePath: string, caller: string): void {
  if (
    typeof relativePath !== 'string' ||
    relativePath === '' ||
    relativePath.startsWith('/') ||
    relativePath.startsWith('./')
  ) {
    throw new TypeError(
      `${caller}: expected a path relative to the ignore file's folder with "/" separators (e.g. "src/a.py"), received ${JSON.stringify(relativePath)}`,
    );
  }
}
