import { cpSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

const pkg = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };

// `yaml` ships CommonJS for Node (which `require('process')`s, unsupported in an ESM bundle)
// and an equivalent ES-module build for other platforms. Bundle the ES-module build: it needs
// no `require` shim and esbuild can drop what the CLI does not use.
const yamlPackage = createRequire(resolve('node_modules/@amlkit/yaml/package.json')).resolve(
  'yaml/package.json',
);
const yamlEsm = join(dirname(yamlPackage), 'browser/index.js');
const yamlAsEsm: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'yaml-as-esm',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: yamlEsm }));
  },
};

// The studio (`@amlkit/demo`, a devDependency so that turbo builds it first) ships inside the CLI:
// its Vite build is copied to `dist/studio/`, which `server start --foreground` serves at /studio.
function copyStudio(): void {
  let demoDist: string;
  try {
    demoDist = join(
      dirname(createRequire(resolve('package.json')).resolve('@amlkit/demo/package.json')),
      'dist',
    );
  } catch (error) {
    throw new Error(
      'cannot ship the studio: @amlkit/demo is not resolvable from apps/cli (expected the workspace devDependency; run pnpm install)',
      { cause: error },
    );
  }
  if (!existsSync(join(demoDist, 'index.html'))) {
    throw new Error(
      `cannot ship the studio: expected the studio build at ${demoDist}/index.html, found none (run pnpm --filter @amlkit/demo build first)`,
    );
  }
  cpSync(demoDist, resolve('dist/studio'), { recursive: true });
}

const shared = {
  target: 'node20',
  platform: 'node',
  minify: true,
  sourcemap: true,
  // The CLI is an application: unlike the libraries it bundles its workspace packages and `yaml`.
  // Except `@amlkit/local` (the service, with native SQLite): `server start --foreground` imports it
  // from node_modules, and nothing else loads it.
  noExternal: [/^@amlkit\/(?!local(?:\/|$))/, 'yaml', 'jmespath'],
  esbuildPlugins: [yamlAsEsm],
  define: {
    __AMLKIT_CLI_VERSION__: JSON.stringify(pkg.version),
    __AMLKIT_CLI_BUNDLED__: 'true',
  },
} satisfies Options;

export default defineConfig([
  // The executable: one ES module with every command (commands are small and evaluated only
  // when they run: esbuild turns their dynamic `import()` into lazy initialisers). Splitting
  // would cost a file per shared module on every start; the heavy part is runtime.cjs.
  {
    ...shared,
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    splitting: false,
    // The three builds share dist/: this one cleans everything but the others' outputs.
    clean: ['**/*', '!runtime.cjs*', '!query.cjs*', '!index.js*', '!index.d.ts'],
    // After the clean (which removes an old dist/studio): copy the studio build.
    onSuccess: async () => {
      copyStudio();
    },
  },
  // The programmatic entry (`runCli`, `EXIT_CODES`, `CliError`).
  {
    ...shared,
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    dts: { entry: { index: 'src/index.ts' } },
    splitting: false,
    clean: false,
  },
  // What the commands need from the heavy packages (`@amlkit/core`, `@amlkit/yaml`, `yaml`), as
  // one CommonJS script that `src/internal/load-runtime.ts` compiles with a V8 code cache.
  {
    ...shared,
    entry: { runtime: 'src/runtime/runtime.ts' },
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    clean: false,
    esbuildOptions(options) {
      // The script runs through `vm.Script`, where `import()` needs a flag: use `require`.
      options.supported = { ...options.supported, 'dynamic-import': false };
    },
  },
  // `jmespath`, loaded only by `--query` (`src/internal/load-query.ts`).
  {
    ...shared,
    entry: { query: 'src/runtime/query.ts' },
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    clean: false,
  },
]);
