import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startLocalService } from '@amlkit/local';
import type { LocalService } from '@amlkit/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** A raw GET (fetch would normalize `..` away before sending). */
function get(
  url: string,
  path: string,
): Promise<{
  status: number;
  type: string | undefined;
  body: string;
  headers: Record<string, unknown>;
}> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'GET', path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          type: res.headers['content-type'],
          body,
          headers: res.headers,
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the /studio route of @amlkit/local', () => {
  let root: string;
  let service: LocalService;
  let bare: LocalService;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'amlkit-studio-route-'));
    const dist = join(root, 'dist');
    await mkdir(join(dist, 'assets'), { recursive: true });
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>studio</title>');
    await writeFile(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    await writeFile(join(dist, 'assets', 'app-1234.css'), 'body{}');
    await writeFile(join(root, 'secret.txt'), 'secret');
    await symlink(join(root, 'secret.txt'), join(dist, 'assets', 'leak.js'));
    service = await startLocalService({ home: join(root, 'home'), studioDir: dist });
    bare = await startLocalService({
      home: join(root, 'home2'),
      studioDir: join(root, 'no-such-dir'),
    });
  });
  afterAll(async () => {
    await service?.close();
    await bare?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('serves the app without a token, with content types and a CSP', async () => {
    const index = await get(service.url, '/studio/');
    expect(index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(await get(service.url, '/studio/assets/app-1234.js')).toMatchObject({
      status: 200,
      type: 'text/javascript; charset=utf-8',
      body: 'console.log(1)',
    });
    const css = await get(service.url, '/studio/assets/app-1234.css');
    expect(css).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
    expect(css.headers['cache-control']).toContain('immutable');
  });

  it('answers index.html for the pages of the app, and 404 for a missing asset', async () => {
    expect(await get(service.url, '/studio/jobs/my_job')).toMatchObject({
      status: 200,
      body: '<!doctype html><title>studio</title>',
    });
    expect(await get(service.url, '/studio/submit')).toMatchObject({ status: 200 });
    expect((await get(service.url, '/studio/assets/missing.js')).status).toBe(404);
  });

  it('refuses paths that leave the folder', async () => {
    expect((await get(service.url, '/studio/../secret.txt')).status).toBe(400);
    expect((await get(service.url, '/studio/%2e%2e/secret.txt')).status).toBe(400);
    expect((await get(service.url, '/studio/assets%2F..%2F..%2Fsecret.txt')).status).toBe(400);
    const link = await get(service.url, '/studio/assets/leak.js');
    expect(link.status).toBe(403);
    expect(link.body).not.toContain('secret');
  });

  it('says the studio is not installed when there is no build', async () => {
    const page = await get(bare.url, '/studio/');
    expect(page.status).toBe(404);
    expect(page.body).toContain('not installed');
  });

  it('still needs the token everywhere else', async () => {
    expect((await get(service.url, '/discovery')).status).toBe(401);
  });
});
