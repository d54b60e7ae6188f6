import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const pkg = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };

// The CLI is an application: unlike the libraries it bundles its own workspace packages and
// `yaml`, with code splitting, so that a cold `amlkit job validate` loads only the chunks that
// command needs (the entry itself stays tiny; commands arrive through dynamic `import()`).
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
  define: { __AMLKIT_CLI_VERSION__: JSON.stringify(pkg.version) },
});
