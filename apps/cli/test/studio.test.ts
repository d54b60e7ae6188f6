// End to end: `amlkit studio` and `amlkit job create --web` as child processes of the built CLI
// against a real local service (started by the CLI in a temp AMLKIT_HOME), which serves the
// studio build shipped in dist/studio/. A fake `xdg-open` on PATH records what would be opened.
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli, type CliRun } from './run-built-cli.js';

const WORKSPACE_ENV = {
  AZUREML_ARM_SUBSCRIPTION: '',
  AZUREML_ARM_RESOURCEGROUP: '',
  AZUREML_ARM_WORKSPACE_NAME: '',
};
const XDG = process.platform !== 'darwin' && process.platform !== 'win32';

let home: string;
let bin: string;
let opened: string;

function amlkit(args: readonly string[]): Promise<CliRun> {
  return runBuiltCli(args, {
    env: {
      ...WORKSPACE_ENV,
      AMLKIT_HOME: home,
      AMLKIT_OPENED: opened,
      // The pnpm/vitest shims put node_modules/.pnpm/node_modules on NODE_PATH, where the service's
      // own fallback lookup would find @amlkit/demo: clear it, so only dist/studio can serve the page.
      NODE_PATH: '',
      PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
    },
  });
}

/** The URL the fake `xdg-open` received last (it runs detached: wait for it). */
async function lastOpened(): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const text = await readFile(opened, 'utf8').catch(() => '');
    const lines = text.trim().split('\n').filter(Boolean);
    if (lines.length > 0) return lines.at(-1) ?? '';
    if (Date.now() > deadline) throw new Error(`the fake xdg-open never wrote ${opened}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** GET without any token (the fragment is never sent): what a browser first loads. */
async function fetchPage(url: string): Promise<{ status: number; type: string; body: string }> {
  const page = new URL(url);
  page.hash = '';
  const response = await fetch(page);
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'amlkit-cli-studio-'));
  bin = await mkdtemp(join(tmpdir(), 'amlkit-cli-studio-bin-'));
  opened = join(bin, 'opened.txt');
  const opener = join(bin, 'xdg-open');
  await writeFile(opener, '#!/bin/sh\nprintf \'%s\\n\' "$1" >> "$AMLKIT_OPENED"\n');
  await chmod(opener, 0o755);
});

afterAll(async () => {
  const stop = await amlkit(['server', 'stop']);
  expect(stop.code, stop.stderr).toBe(0);
  await rm(home, { recursive: true, force: true });
  await rm(bin, { recursive: true, force: true });
}, 60_000);

describe('amlkit studio', () => {
  it('prints a URL whose /studio/ page is the shipped studio, with the token only in the fragment', async () => {
    const run = await amlkit(['studio', '--print-url']);
    expect(run.code, run.stderr).toBe(0);
    const url = new URL(run.stdout.trim());
    const token = (await readFile(join(home, 'token'), 'utf8')).trim();
    expect(url.pathname).toBe('/studio/');
    expect(url.search).toBe('');
    expect(new URLSearchParams(url.hash.slice(1)).get('token')).toBe(token);

    const page = await fetchPage(url.href);
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.body).toContain('<div id="app"></div>');
    expect(page.body).not.toContain('not installed');

    // The bundle the page loads is served too.
    const script = /<script[^>]+src="([^"]+)"/.exec(page.body)?.[1];
    expect(script).toMatch(/^\/studio\/assets\//);
    const asset = await fetch(new URL(script ?? '', url));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('prints a job page URL with -n, and that page is the studio too', async () => {
    const run = await amlkit(['studio', '--print-url', '-n', 'some_job']);
    expect(run.code, run.stderr).toBe(0);
    const url = new URL(run.stdout.trim());
    expect(url.pathname).toBe('/studio/jobs/some_job');
    expect(url.hash).toMatch(/^#token=./);
    const page = await fetchPage(url.href);
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.body).toContain('<div id="app"></div>');
  });

  it.runIf(XDG)('opens the jobs list in a browser with the token', async () => {
    await rm(opened, { force: true });
    const run = await amlkit(['studio']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    const url = new URL(await lastOpened());
    expect(url.pathname).toBe('/studio/');
    const token = (await readFile(join(home, 'token'), 'utf8')).trim();
    expect(new URLSearchParams(url.hash.slice(1)).get('token')).toBe(token);
  });
});

describe('amlkit job create --web', () => {
  it.runIf(XDG)("opens the job's studio page with the token in the fragment", async () => {
    await rm(opened, { force: true });
    const run = await amlkit([
      'job',
      'create',
      '-f',
      'examples/hello-world.yml',
      '-n',
      'studio_web_job',
      '--web',
      '-o',
      'none',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const url = new URL(await lastOpened());
    expect(url.pathname).toBe('/studio/jobs/studio_web_job');
    expect(url.search).toBe('');
    const token = (await readFile(join(home, 'token'), 'utf8')).trim();
    expect(new URLSearchParams(url.hash.slice(1)).get('token')).toBe(token);
    const page = await fetchPage(url.href);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="app"></div>');
  });
});
