import { fileURLToPath } from 'node:url';

import { createLocalClient } from '@amlkit/client';
import { nodeFileSystem } from '@amlkit/client/node';
import { loadJob } from '@amlkit/core';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
  JOBS,
  jobStatus,
  launchBrowser,
  openPage,
  putJob,
  screenshot,
  startTestService,
  studioUrl,
  waitFinal,
} from './support.js';
import type { TestService, WatchedPage } from './support.js';

const BAD_YAML = `type: command
display_name: studio-hello
comand: echo "hello studio"
environment:
  image: library/python:latest
compute: local
`;
const GOOD_YAML = BAD_YAML.replace('comand:', 'command:');
const PIPELINE_EXAMPLE = fileURLToPath(
  new URL('../../../../examples/pipeline-3-steps/pipeline.yml', import.meta.url),
);

describe('studio (e2e)', () => {
  let browser: Browser;
  let service: TestService;
  let current: WatchedPage | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
    service = await startTestService();
  });
  afterAll(async () => {
    await browser?.close();
    await service?.dispose();
  });
  afterEach(async () => {
    const watched = current;
    current = undefined;
    if (watched === undefined) return;
    await watched.page.close();
    expect(watched.errors).toEqual([]);
  });

  const open = async (
    path = '',
    viewport?: { width: number; height: number },
  ): Promise<WatchedPage> => {
    current = await openPage(browser, viewport);
    await current.page.goto(studioUrl(service, path));
    return current;
  };

  it('says how to open the studio when the page has no token', async () => {
    current = await openPage(browser);
    const { page } = current;
    await page.goto(`${service.url}/studio/`);
    await page.getByRole('heading', { name: 'amlkit studio' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('amlkit studio --print-url');
    await screenshot(page, '01-no-token');
  });

  it('opens the jobs list and keeps the token out of the address bar', async () => {
    const { page } = await open();
    await page.getByRole('heading', { name: 'Jobs' }).waitFor();
    await page.getByText('No jobs match').waitFor();
    expect(page.url()).not.toContain('token=');
    await screenshot(page, '02-jobs-empty');
  });

  it('shows a YAML error at its line, then submits the fixed job and follows it to Completed with its logs', async () => {
    const { page } = await open('submit');
    const editor = page.getByLabel(/Job YAML/);
    await editor.fill(BAD_YAML);
    const problem = page.locator('ol.diagnostics li[data-line="3"]');
    await problem.waitFor();
    expect(await problem.innerText()).toMatch(/^job\.yml:3:1 .*comand.*did you mean 'command'/s);
    expect(await page.locator('.code-line.marked[data-line="3"] .inline-diag').innerText()).toMatch(
      /line 3, column 1/,
    );
    await problem.getByRole('button').click();
    expect(await editor.evaluate((el) => (el as HTMLTextAreaElement).selectionStart)).toBe(
      BAD_YAML.indexOf('comand'),
    );
    expect(await page.getByRole('button', { name: 'Submit', exact: true }).isDisabled()).toBe(true);
    await screenshot(page, '03-submit-error');

    await editor.fill(GOOD_YAML);
    await page.getByText('No problems found.').waitFor();
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.waitForURL(/\/studio\/jobs\/[^/]+$/);
    const name = decodeURIComponent(page.url().split('/').at(-1) ?? '');
    await page.locator('.page-head [data-status="Completed"]').waitFor({ timeout: 60_000 });
    await page.locator('pre.log', { hasText: 'hello studio' }).waitFor();
    expect(await page.locator('.timeline li').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('pre.yaml').innerText()).toContain('command: echo "hello studio"');
    expect(await page.getByRole('button', { name: 'Cancel job' }).isDisabled()).toBe(true);
    await screenshot(page, '04-job-completed');

    await page.getByRole('link', { name: 'Jobs', exact: true }).click();
    await page.locator(`tr[data-job="${name}"] [data-status="Completed"]`).waitFor();
    await screenshot(page, '05-jobs-list');
  });

  it('cancels a long job from its page', async () => {
    await putJob(service, 'studio-long', {
      jobType: 'Command',
      command: 'for i in $(seq 1 600); do echo "tick $i"; sleep 1; done',
      displayName: 'long job',
    });
    const { page } = await open('jobs/studio-long');
    await page.locator('pre.log', { hasText: 'tick 2' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Cancel job' }).click();
    await page.locator('.page-head [data-status="Canceled"]').waitFor({ timeout: 60_000 });
    expect(await jobStatus(service, 'studio-long')).toBe('Canceled');
    await screenshot(page, '06-job-canceled');
  });

  it('escapes HTML in a display name', async () => {
    const html = '<img src=x onerror="alert(1)"><b>bold</b>';
    await putJob(service, 'studio-html', {
      jobType: 'Command',
      command: 'true',
      displayName: html,
    });
    const { page } = await open();
    const row = page.locator('tr[data-job="studio-html"]');
    await row.waitFor();
    expect(await row.locator('td').nth(1).innerText()).toBe(html);
    expect(await row.locator('img, b').count()).toBe(0);
    await page.getByRole('link', { name: 'studio-html' }).click();
    await page.getByRole('heading', { name: html }).waitFor();
    expect(await page.locator('article img').count()).toBe(0);
    await screenshot(page, '07-html-escaped');
  });

  it('tails a job with 10 MB of logs and stays responsive', async () => {
    await putJob(service, 'studio-big-log', {
      jobType: 'Command',
      command:
        'yes "0123456789 the quick brown fox jumps over the lazy dog 0123456789 abcdefghij" | head -c 10485760; echo; echo THE-END',
    });
    expect(await waitFinal(service, 'studio-big-log')).toBe('Completed');
    const { page } = await open('jobs/studio-big-log');
    await page.locator('pre.log', { hasText: 'THE-END' }).waitFor({ timeout: 60_000 });
    await page.getByText(/earlier not shown/).waitFor();
    const shown = await page.locator('pre.log').evaluate((el) => el.textContent.length);
    expect(shown).toBeLessThan(300_000);
    await page.getByRole('link', { name: 'Jobs', exact: true }).click();
    await page.getByRole('heading', { name: 'Jobs' }).waitFor();
    await screenshot(page, '08-big-log-list');
  });

  it('reads at a narrow width with the keyboard only', async () => {
    const { page } = await open('', { width: 420, height: 800 });
    await page.getByRole('heading', { name: 'Jobs' }).waitFor();
    const focused: string[] = [];
    for (let i = 0; i < 8 && focused.at(-1) !== 'Submit a job'; i += 1) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
    }
    expect(focused.at(-1)).toBe('Submit a job');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Submit a job' }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, '09-narrow-submit');
    await putJob(service, 'studio-narrow', {
      jobType: 'Command',
      command:
        'echo a-rather-long-line-of-output-that-must-wrap-at-a-narrow-width-instead-of-overflowing-the-page',
      displayName: 'narrow',
    });
    await page.goto(studioUrl(service, 'jobs/studio-narrow'));
    await page.locator('pre.log', { hasText: 'a-rather-long-line' }).waitFor({ timeout: 60_000 });
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 3)
        .map((el) => `${el.tagName}.${el.className}`),
    );
    expect(wide).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await screenshot(page, '09-narrow-job');
  });

  it('shows the graph of a pipeline that ran locally and opens a step', async () => {
    // Submitted the way `amlkit job create -f` submits it: components registered, steps run.
    const client = createLocalClient({
      url: service.url,
      token: service.token,
      fileSystem: nodeFileSystem,
    });
    const pipeline = await loadJob(PIPELINE_EXAMPLE, { overrides: ['name=studio-pipeline'] });
    await client.jobs.create(pipeline);
    expect(await waitFinal(service, 'studio-pipeline')).toBe('Completed');
    const { page } = await open('jobs/studio-pipeline');
    await page.locator('[data-step="train"]', { hasText: 'after prep.clean_data' }).waitFor();
    await page.locator('[data-step="score"]', { hasText: 'after train.model' }).waitFor();
    await page.locator('[data-step="prep"]').getByRole('link', { name: 'prep' }).waitFor();
    await screenshot(page, '10-pipeline-graph');
    await page.locator('[data-step="prep"]').getByRole('link', { name: 'prep' }).click();
    await page.waitForURL(/\/studio\/jobs\/studio-pipeline_prep$/);
    await page
      .locator('pre.log', { hasText: 'prep: kept 9 of 9 rows' })
      .waitFor({ timeout: 60_000 });
    await screenshot(page, '11-pipeline-step');
  });

  it('shows the trials of a sweep with the best one highlighted', async () => {
    await putJob(service, 'studio-sweep', {
      jobType: 'Sweep',
      objective: { primaryMetric: 'accuracy', goal: 'Maximize' },
      samplingAlgorithm: { samplingAlgorithmType: 'Random' },
      searchSpace: { lr: ['choice', [[0.1, 0.01]]] },
      trial: { command: 'echo trial', environmentId: 'azureml:local:1' },
    });
    for (const [i, lr, accuracy] of [
      [1, 0.1, '0.71'],
      [2, 0.01, '0.92'],
    ] as const) {
      await putJob(service, `studio-sweep-${i}`, {
        jobType: 'Command',
        command: 'true',
        properties: {
          'azureml.parentJobName': 'studio-sweep',
          hyperparameters: JSON.stringify({ lr }),
          accuracy,
        },
      });
    }
    // Trial 1 reports a better value through the service's MLflow endpoint than its property says.
    const logged = await fetch(
      `${service.url}/mlflow${JOBS}/studio-sweep-1/api/2.0/mlflow/runs/log-metric`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${service.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          run_id: 'studio-sweep-1',
          key: 'accuracy',
          value: 0.97,
          timestamp: Date.now(),
          step: 0,
        }),
      },
    );
    expect(logged.status).toBe(200);
    const { page } = await open('jobs/studio-sweep');
    await page.locator('table.trials tr.best', { hasText: 'studio-sweep-1' }).waitFor();
    expect(await page.locator('table.trials tr.best').innerText()).toContain('0.97');
    expect(await page.locator('svg.chart rect').count()).toBe(2);
    await screenshot(page, '12-sweep-trials');
  });
});
