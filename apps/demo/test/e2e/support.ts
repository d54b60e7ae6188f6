import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startLocalService } from '@amlkit/local';
import type { LocalService, LocalServiceOptions } from '@amlkit/local';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

/** The studio build the service serves (built by the package's `build` before `test`). */
export const STUDIO_DIR = fileURLToPath(new URL('../../dist', import.meta.url));
/** Screenshots of each flow. */
export const OUTPUT_DIR = fileURLToPath(new URL('../../test-output', import.meta.url));
/** Debian's Chromium (`apt-get install chromium`). */
export const CHROMIUM = process.env.AMLKIT_CHROMIUM ?? '/usr/bin/chromium';

/** Launches headless Chromium with the flags the CI machine needs. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `e2e: expected Chromium at ${CHROMIUM} (apt-get install chromium, or set AMLKIT_CHROMIUM), received no such file`,
    );
  }
  if (!existsSync(join(STUDIO_DIR, 'index.html'))) {
    throw new Error(
      `e2e: expected the studio build at ${STUDIO_DIR} (pnpm --filter @amlkit/demo build), received no index.html`,
    );
  }
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A service in a temporary home, serving the studio build. */
export interface TestService extends LocalService {
  /** Removes the home too. */
  dispose(): Promise<void>;
}

/** Starts `@amlkit/local` in a fresh temporary `AMLKIT_HOME`. */
export async function startTestService(
  options: Omit<LocalServiceOptions, 'studioDir'> = {},
): Promise<TestService> {
  const home = options.home ?? (await mkdtemp(join(tmpdir(), 'amlkit-studio-')));
  const service = await startLocalService({
    concurrency: 2,
    cancelGraceMs: 1000,
    ...options,
    home,
    studioDir: STUDIO_DIR,
  });
  return {
    ...service,
    dispose: async () => {
      await service.close();
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** A page with every console error and uncaught exception collected. */
export interface WatchedPage {
  readonly page: Page;
  /** Console errors and page errors, in order. */
  readonly errors: string[];
}

/** Opens a page at 1280×800 (or `viewport`) that records console errors and refuses dialogs. */
export async function openPage(
  browser: Browser,
  viewport = { width: 1280, height: 800 },
): Promise<WatchedPage> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error')
      errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => {
    errors.push(`pageerror: ${error.message}`);
  });
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, errors };
}

/** The studio URL of a path with the token in the fragment. */
export function studioUrl(service: LocalService, path = ''): string {
  return `${service.url}/studio/${path}#token=${service.token}`;
}

/** Saves a full-page screenshot under `test-output/`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(OUTPUT_DIR, `${name}.png`), fullPage: true });
}

/** The ARM path of the local workspace's jobs. */
export const JOBS =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/local/providers/Microsoft.MachineLearningServices/workspaces/local/jobs';

/** PUTs a REST job body straight to the service. */
export async function putJob(
  service: LocalService,
  name: string,
  properties: Record<string, unknown>,
): Promise<void> {
  const response = await fetch(`${service.url}${JOBS}/${name}?api-version=2025-12-01`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${service.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ properties }),
  });
  if (response.status !== 201 && response.status !== 200) {
    throw new Error(
      `putJob ${name}: expected 201, received ${response.status}: ${await response.text()}`,
    );
  }
}

/** Reads a job's status from the service. */
export async function jobStatus(service: LocalService, name: string): Promise<string> {
  const response = await fetch(`${service.url}${JOBS}/${name}?api-version=2025-12-01`, {
    headers: { Authorization: `Bearer ${service.token}` },
  });
  const body = (await response.json()) as { properties?: { status?: string } };
  return body.properties?.status ?? 'Unknown';
}

/** Polls until the job is Completed, Failed or Canceled; returns the status. */
export async function waitFinal(
  service: LocalService,
  name: string,
  timeoutMs = 120_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await jobStatus(service, name);
    if (status === 'Completed' || status === 'Failed' || status === 'Canceled') return status;
    if (Date.now() > deadline)
      throw new Error(
        `waitFinal ${name}: expected a final status within ${timeoutMs} ms, received ${status}`,
      );
    await new Promise((r) => setTimeout(r, 250));
  }
}
