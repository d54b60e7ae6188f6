import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { LOCAL_WORKSPACE, openJobStore } from '@amlkit/local';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser, openPage, screenshot, startTestService, studioUrl } from './support.js';
import type { TestService, WatchedPage } from './support.js';

const JOB_COUNT = 10_000;

describe('studio (e2e, bad input)', () => {
  let browser: Browser;
  let service: TestService | undefined;
  let current: WatchedPage | undefined;
  let allowed: RegExp | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const watched = current;
    current = undefined;
    await service?.dispose();
    service = undefined;
    if (watched === undefined) return;
    await watched.page.close();
    const unexpected = watched.errors.filter((e) => allowed === undefined || !allowed.test(e));
    allowed = undefined;
    expect(unexpected).toEqual([]);
  });

  it('pages through 10,000 jobs without loading them all', async () => {
    const home = await mkdtemp(join(tmpdir(), 'amlkit-studio-bulk-'));
    const store = openJobStore(join(home, 'amlkit.db'));
    const base = Date.parse('2026-01-01T00:00:00Z');
    store.insertMany(
      Array.from({ length: JOB_COUNT }, (_, i) => ({
        workspace: LOCAL_WORKSPACE,
        name: `bulk-${String(i).padStart(5, '0')}`,
        properties: {
          jobType: 'Command',
          command: 'true',
          displayName: `bulk ${i}`,
          experimentName: i % 2 === 0 ? 'even' : 'odd',
        },
        status: 'Completed',
        at: new Date(base + i * 1000),
      })),
    );
    store.close();
    service = await startTestService({ home });
    current = await openPage(browser);
    const { page } = current;
    await page.goto(studioUrl(service));
    const rows = page.locator('table.jobs tbody tr');
    await page.locator('tr[data-job="bulk-09999"]').waitFor();
    expect(await rows.count()).toBe(50);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.locator('tr[data-job="bulk-09949"]').waitFor();
    expect(await rows.count()).toBe(50);
    expect(await rows.first().getAttribute('data-job')).toBe('bulk-09949');
    await page.getByRole('button', { name: 'Previous page' }).click();
    await page.locator('tr[data-job="bulk-09999"]').waitFor();

    await page.getByLabel('Experiment').fill('odd');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.locator('tr[data-job="bulk-09999"]').waitFor();
    await page.locator('tr[data-job="bulk-09998"]').waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(50);

    await page.getByLabel('Status').selectOption('Failed');
    await page.getByText(/Scanned 2000 jobs/).waitFor();
    expect(await rows.count()).toBe(0);
    await screenshot(page, '13-ten-thousand-jobs');
  });

  it('says when the service goes away and reconnects when it is back', async () => {
    service = await startTestService();
    const { home } = service;
    const port = Number(new URL(service.url).port);
    current = await openPage(browser);
    const { page } = current;
    await page.goto(studioUrl(service));
    await page.getByText('No jobs match').waitFor();
    // The browser logs each refused request while the service is down; nothing else may appear.
    allowed = /Failed to load resource: net::ERR_CONNECTION_REFUSED/;
    await service.close();
    await page
      .getByRole('alert')
      .filter({ hasText: 'is not answering' })
      .waitFor({ timeout: 30_000 });
    await screenshot(page, '14-service-gone');
    service = await startTestService({ home, port });
    await page
      .getByRole('alert')
      .filter({ hasText: 'is not answering' })
      .waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByText('No jobs match').waitFor();
    await screenshot(page, '15-service-back');
  });
});
