import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The files that ship to browsers: everything but tests, test support, fixtures and `*.node.ts`. */
function browserFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return ['test-support', 'fixtures'].includes(entry.name) ? [] : browserFiles(full);
    return entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.test.ts') &&
      !entry.name.endsWith('.node.ts')
      ? [full]
      : [];
  });
}

describe('hashing (browser safety)', () => {
  it('uses no Node built-ins outside *.node.ts files', () => {
    const files = browserFiles(here);
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from ['"]node:|require\(|\bBuffer\b|\bprocess\./);
      expect(text, file).not.toMatch(/from ['"]\.\/[^'"]*\.node\.js['"]/);
    }
  });
});
