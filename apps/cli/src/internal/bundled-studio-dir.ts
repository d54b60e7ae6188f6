/**
 * The studio build shipped with the CLI (`dist/studio/`, copied from `@amlkit/demo` at build
 * time), or `undefined` when this code does not run from the bundle (sources, tests) or the
 * folder has no `index.html`. Node built-ins are imported here, not at the top, so `--help`
 * never loads them.
 */
export async function bundledStudioDir(): Promise<string | undefined> {
  const [fs, path, url] = await Promise.all([
    import('node:fs'),
    import('node:path'),
    import('node:url'),
  ]);
  const dir = url.fileURLToPath(new URL('./studio', import.meta.url));
  return fs.existsSync(path.join(dir, 'index.html')) ? dir : undefined;
}
