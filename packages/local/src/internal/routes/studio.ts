import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';

import { ArmHttpError } from '../http.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The studio's pages only talk to this service; nothing inline, nothing framed. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const MISSING_PAGE = `<!doctype html><meta charset="utf-8"><title>amlkit studio</title><h1>The amlkit studio is not installed</h1><p>This service has no studio build to serve (expected <code>@amlkit/demo</code>'s <code>dist/</code>, or the <code>studioDir</code> option of <code>startLocalService</code>). Use <code>amlkit job show</code> or <code>amlkit job stream</code>, or build it with <code>pnpm --filter @amlkit/demo build</code>.</p>`;

/**
 * The studio build to serve by default: `@amlkit/demo`'s `dist/` when that package is
 * installed next to this one (or in the current directory's tree) and built; else `undefined`.
 */
export function defaultStudioDir(): string | undefined {
  for (const base of [import.meta.url, join(process.cwd(), 'package.json')]) {
    try {
      const pkg = createRequire(base).resolve('@amlkit/demo/package.json');
      const dist = join(dirname(pkg), 'dist');
      if (existsSync(join(dist, 'index.html'))) return dist;
    } catch {
      // not installed from here
    }
  }
  return undefined;
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': String(bytes.length),
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

function statFile(path: string): Stats | undefined {
  try {
    const stats = statSync(path);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the studio's static files under `/studio/…` without a token (the page carries the
 * token in its URL fragment, which never reaches a server). Segments are already decoded and
 * free of `.`/`..`/slashes (the router refuses them); the file is resolved and its real path
 * must stay inside the real `studioDir`. A path without an extension that names no file is a
 * page of the single-page app and gets `index.html`; a missing asset is a 404.
 */
export async function serveStudio(
  req: IncomingMessage,
  res: ServerResponse,
  segments: readonly string[],
  studioDir: string | undefined,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    throw new ArmHttpError(
      405,
      'MethodNotAllowed',
      `The method ${method} is not allowed on /studio: expected GET, HEAD`,
      {
        Allow: 'GET, HEAD',
      },
    );
  }
  req.resume();
  if (studioDir === undefined) {
    send(req, res, 404, 'text/html; charset=utf-8', MISSING_PAGE);
    return;
  }
  let root: string;
  try {
    root = realpathSync(resolve(studioDir));
  } catch {
    send(req, res, 404, 'text/html; charset=utf-8', MISSING_PAGE);
    return;
  }
  const inside = (path: string): boolean => path === root || path.startsWith(root + sep);
  const parts = segments.filter((s) => s !== '');
  let target = resolve(root, ...parts);
  let stats = inside(target) ? statFile(target) : undefined;
  if (stats === undefined) {
    const last = parts.at(-1) ?? '';
    if (extname(last) !== '' && parts[0] !== 'jobs') {
      send(
        req,
        res,
        404,
        'text/plain; charset=utf-8',
        `Not found: /studio/${parts.join('/')} is not a file of the studio`,
      );
      return;
    }
    target = join(root, 'index.html');
    stats = statFile(target);
    if (stats === undefined) {
      send(req, res, 404, 'text/html; charset=utf-8', MISSING_PAGE);
      return;
    }
  }
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    real = '';
  }
  if (!inside(real)) {
    throw new ArmHttpError(
      403,
      'PathOutsideJob',
      `Refused /studio/${parts.join('/')}: expected a file inside the studio folder, received a link leaving it`,
    );
  }
  const type = CONTENT_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream';
  const immutable = parts[0] === 'assets' && real !== join(root, 'index.html');
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': String(stats.size),
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...(type.startsWith('text/html')
      ? { 'Content-Security-Policy': CSP, 'X-Frame-Options': 'DENY' }
      : {}),
  });
  if (method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolveDone) => {
    const stream = createReadStream(real);
    stream.on('error', () => {
      res.destroy();
      resolveDone();
    });
    res.on('close', () => {
      stream.destroy();
      resolveDone();
    });
    stream.pipe(res);
  });
}
