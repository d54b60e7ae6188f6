import { readFileSync } from 'node:fs';
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

// The CLI is an application: unlike the libraries it bundles its own workspace packages and
// `yaml`, with code splitting, so that a cold `amlkit job validate` loads only the chunks that
// command needs (the entry itself stays small; commands arrive through dynamic `import()`).
export default defineConfig({
  entry: { cli: 'src/cli.ts', index: 'src/index.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  sourcemap: true,
  splitting: true,
  minify: true,
  target: 'node20',
  platform: 'node',
  noExternal: [/^@amlkit\//, 'yaml'],
  esbuildPlugins: [yamlAsEsm],
  define: { __AMLKIT_CLI_VERSION__: JSON.stringify(pkg.version) },
});
