import type * as Runtime from '../runtime/runtime.js';
import { VERSION } from './version.js';

declare const __AMLKIT_CLI_BUNDLED__: boolean | undefined;

/** What `dist/runtime.cjs` exports: the heavy packages the commands need. */
export type CliRuntime = typeof Runtime;

let loaded: Promise<CliRuntime> | undefined;

/**
 * Runs `dist/runtime.cjs` with a V8 code cache kept in `$AMLKIT_HOME/cache` (default
 * `~/.amlkit/cache`): the first run compiles the bundle and, when the process is about to exit,
 * saves the compiled code; later runs skip most of the parsing and compiling. The cache is keyed
 * by version, size and mtime of the bundle, V8 rejects a cache from another V8 version or
 * different flags (it is then rewritten), every cache error is ignored, and
 * `AMLKIT_NO_COMPILE_CACHE=1` turns it off.
 */
async function runBundledRuntime(): Promise<CliRuntime> {
  // Node built-ins are imported here, not at the top, so `--help`/`--version` never load them.
  const [fs, { createRequire }, { homedir }, path, { fileURLToPath }, { Script }] =
    await Promise.all([
      import('node:fs'),
      import('node:module'),
      import('node:os'),
      import('node:path'),
      import('node:url'),
      import('node:vm'),
    ]);
  const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = fs;
  const join = path.join.bind(path);
  const dirname = path.dirname.bind(path);
  const file = fileURLToPath(new URL('./runtime.cjs', import.meta.url));
  const source = readFileSync(file, 'utf8');
  const env = process.env;
  const useCache = env.AMLKIT_NO_COMPILE_CACHE === undefined || env.AMLKIT_NO_COMPILE_CACHE === '';
  let cacheFile: string | undefined;
  let cachedData: Buffer | undefined;
  if (useCache) {
    try {
      const info = statSync(file);
      const home =
        env.AMLKIT_HOME === undefined || env.AMLKIT_HOME === ''
          ? join(homedir(), '.amlkit')
          : env.AMLKIT_HOME;
      cacheFile = join(
        home,
        'cache',
        `runtime-${VERSION}-${info.size}-${Math.trunc(info.mtimeMs)}-${process.version}.v8cache`,
      );
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, {
    filename: file,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  const module = { exports: {} as CliRuntime };
  const factory = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: unknown,
    filename: string,
    dirname: string,
  ) => void;
  factory(module.exports, createRequire(file), module, file, dirname(file));

  if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
    const target = cacheFile;
    // Saved at exit, so the cache also holds the functions this run compiled lazily.
    process.once('beforeExit', () => {
      try {
        mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
        const temporary = `${target}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        renameSync(temporary, target);
      } catch {
        // A read-only or full disk only costs speed.
      }
    });
  }
  return module.exports;
}

/**
 * Loads the heavy packages the commands need, once per process: from `dist/runtime.cjs` with a
 * code cache in the bundled CLI, straight from the workspace packages when running from source.
 */
export function loadRuntime(): Promise<CliRuntime> {
  loaded ??=
    typeof __AMLKIT_CLI_BUNDLED__ === 'boolean' && __AMLKIT_CLI_BUNDLED__
      ? runBundledRuntime()
      : import('../runtime/runtime.js');
  return loaded;
}
