import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

const shim = (file: string): string =>
  fileURLToPath(new URL(`./src/internal/node-shims/${file}`, import.meta.url));

// @amlkit/core imports `path`/`fs`/`crypto` for its file loader; in the page only `loadJob({ text })`
// runs, so those modules are replaced by small browser shims (path: POSIX maths; fs: "no file").
export default defineConfig({
  base: '/studio/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  resolve: {
    alias: [
      { find: /^(node:)?path$/, replacement: shim('path.ts') },
      { find: /^(node:)?fs\/promises$/, replacement: shim('fs-promises.ts') },
      { find: /^(node:)?fs$/, replacement: shim('fs.ts') },
      { find: /^(node:)?crypto$/, replacement: shim('crypto.ts') },
    ],
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
});
