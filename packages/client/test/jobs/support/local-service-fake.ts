// A small loopback stand-in for @amlkit/local's routes (packages/local/README.md "HTTP
// protocol"): ARM job routes with 202 + Location for cancel/delete, content-addressed uploads,
// run details with logFiles URLs that honour `Range: bytes=N-`, and output listing/download.
// The client cannot depend on @amlkit/local (local depends on client), so tests use this.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_TOKEN = 'local-fake-token';
export const LOCAL_WS =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/local/providers/Microsoft.MachineLearningServices/workspaces/local';

export interface FakeJob {
  body: Record<string, unknown> & { properties: Record<string, unknown> };
  logs: Map<string, Buffer>;
  outputs: Map<string, Map<string, Buffer>>;
}

export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
}

export interface LocalServiceFake {
  readonly url: string;
  readonly requests: FakeRequest[];
  readonly jobs: Map<string, FakeJob>;
  readonly blobs: Map<string, Buffer>;
  readonly snapshots: Map<string, unknown>;
  /** Page size of GET …/jobs. */
  pageSize: number;
  /** Polls of an operation that answer 202 before it is done (Infinity: never). */
  pendingPolls: number;
  /** The next this many blob PUTs answer 503 (fault injection). */
  failBlobPuts: number;
  /** Extra `logFiles` entries per job (absolute URLs on other origins, like Azure SAS URLs). */
  readonly externalLogs: Map<string, Record<string, string>>;
  /** Run-history children of a pipeline job (name → child job names). */
  readonly children: Map<string, string[]>;
  /** Called on each GET of a job, before it is answered (status scripts, growing logs). */
  onJobGet: ((name: string, job: FakeJob) => void) | undefined;
  setStatus(name: string, status: string): void;
  appendLog(name: string, file: string, text: string | Buffer): void;
  close(): Promise<void>;
}

function send(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    'x-ms-request-id': `req-${Math.random().toString(16).slice(2)}`,
    ...headers,
  });
  res.end(text);
}

function armError(res: ServerResponse, status: number, code: string, message: string): void {
  send(res, status, { error: { code, message, details: [], additionalInfo: [] } });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function sendRange(req: IncomingMessage, res: ServerResponse, data: Buffer, type: string): void {
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  if (range === null) {
    res.writeHead(200, { 'content-type': type, 'content-length': String(data.length) });
    res.end(data);
    return;
  }
  const start = Number(range[1]);
  if (start >= data.length) {
    res.writeHead(416, {
      'content-range': `bytes */${data.length}`,
      'content-type': 'application/json',
    });
    res.end(JSON.stringify({ error: { code: 'InvalidRange', message: 'range not satisfiable' } }));
    return;
  }
  const end = range[2] === '' ? data.length - 1 : Math.min(Number(range[2]), data.length - 1);
  res.writeHead(206, {
    'content-type': type,
    'content-range': `bytes ${start}-${end}/${data.length}`,
  });
  res.end(data.subarray(start, end + 1));
}

export async function startLocalServiceFake(): Promise<LocalServiceFake> {
  const jobs = new Map<string, FakeJob>();
  const blobs = new Map<string, Buffer>();
  const snapshots = new Map<string, unknown>();
  const operations = new Map<string, { polls: number; done: () => boolean; finish: () => void }>();
  const requests: FakeRequest[] = [];
  let clock = Date.parse('2026-01-01T00:00:00Z');
  let url = '';

  const fake: LocalServiceFake = {
    get url() {
      return url;
    },
    requests,
    jobs,
    blobs,
    snapshots,
    pageSize: 100,
    pendingPolls: 1,
    failBlobPuts: 0,
    children: new Map(),
    externalLogs: new Map(),
    onJobGet: undefined,
    setStatus(name, status) {
      const job = jobs.get(name);
      if (job === undefined) throw new Error(`no job ${name}`);
      job.body.properties['status'] = status;
    },
    appendLog(name, file, text) {
      const job = jobs.get(name);
      if (job === undefined) throw new Error(`no job ${name}`);
      const before = job.logs.get(file) ?? Buffer.alloc(0);
      job.logs.set(file, Buffer.concat([before, Buffer.from(text)]));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };

  const operation = (finish: () => void, done: () => boolean): string => {
    const id = `op-${operations.size + 1}`;
    operations.set(id, { polls: 0, done, finish });
    return `${url}/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.MachineLearningServices/locations/local/mfeOperationResults/${id}?api-version=2025-12-01`;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parsed = new URL(req.url ?? '/', url);
    const path = parsed.pathname;
    const method = req.method ?? 'GET';
    requests.push({ method, path: `${path}${parsed.search}`, headers: req.headers });
    if (req.headers.authorization !== `Bearer ${FAKE_TOKEN}`) {
      armError(res, 401, 'AuthenticationFailed', 'expected the bearer token');
      return;
    }
    // Uploads.
    if (method === 'POST' && path === '/amlkit/v1/blobs/missing') {
      const { sha256 } = JSON.parse((await readBody(req)).toString()) as { sha256: string[] };
      send(res, 200, { missing: sha256.filter((d) => !blobs.has(d)) });
      return;
    }
    let m = /^\/amlkit\/v1\/blobs\/([0-9a-f]{64})$/.exec(path);
    if (method === 'PUT' && m !== null) {
      const data = await readBody(req);
      if (fake.failBlobPuts > 0) {
        fake.failBlobPuts -= 1;
        send(
          res,
          503,
          { error: { code: 'ServiceError', message: 'try again' } },
          { 'retry-after': '0' },
        );
        return;
      }
      const digest = createHash('sha256').update(data).digest('hex');
      if (digest !== m[1]) {
        armError(res, 400, 'UserError', `digest mismatch: ${digest}`);
        return;
      }
      const existed = blobs.has(digest);
      blobs.set(digest, data);
      send(res, existed ? 200 : 201, { sha256: digest, stored: true, size: data.length });
      return;
    }
    m = /^\/amlkit\/v1\/snapshots\/([A-Za-z0-9][A-Za-z0-9_.-]{0,127})$/.exec(path);
    if (method === 'PUT' && m !== null) {
      const manifest = JSON.parse((await readBody(req)).toString()) as {
        files: { path: string; sha256: string }[];
      };
      const missing = manifest.files.filter((f) => !blobs.has(f.sha256));
      if (missing.length > 0) {
        armError(res, 400, 'UserError', `missing blobs ${missing.map((f) => f.sha256).join(',')}`);
        return;
      }
      const id = m[1] ?? '';
      const existed = snapshots.has(id);
      snapshots.set(id, manifest);
      send(res, existed ? 200 : 201, {
        codeId: `${LOCAL_WS}/codes/${id}/versions/1`,
        snapshotId: id,
        fileCount: manifest.files.length,
      });
      return;
    }
    // Operations.
    m = /\/mfeOperationResults\/([^/]+)$/.exec(path);
    if (method === 'GET' && m !== null) {
      const op = operations.get(m[1] ?? '');
      if (op === undefined) {
        armError(res, 404, 'NotFound', 'no such operation');
        return;
      }
      op.polls += 1;
      if (op.polls > fake.pendingPolls) op.finish();
      if (op.done()) send(res, 200);
      else
        send(res, 202, undefined, {
          location: `${url}${path}${parsed.search}`,
          'retry-after': '0',
        });
      return;
    }
    const prefix = path.startsWith('/amlkit/v1/')
      ? 'amlkit'
      : path.startsWith('/history/v1.0/')
        ? 'history'
        : 'arm';
    const rest = path.replace(/^\/amlkit\/v1|^\/history\/v1\.0/, '');
    if (!rest.toLowerCase().startsWith(LOCAL_WS.toLowerCase())) {
      armError(res, 404, 'NotFound', `no route ${method} ${path}`);
      return;
    }
    const sub = rest.slice(LOCAL_WS.length);
    if (prefix === 'arm' && !parsed.searchParams.has('api-version')) {
      armError(res, 400, 'MissingApiVersionParameter', 'api-version is required');
      return;
    }
    if (prefix === 'arm' && sub === '/jobs' && method === 'GET') {
      const view = parsed.searchParams.get('listViewType') ?? 'ActiveOnly';
      const type = parsed.searchParams.get('jobType');
      const tag = parsed.searchParams.get('tag');
      const all = [...jobs.values()]
        .map((j) => j.body)
        .filter((b) => {
          const archived = b.properties['isArchived'] === true;
          if (view === 'ActiveOnly' && archived) return false;
          if (view === 'ArchivedOnly' && !archived) return false;
          if (type !== null && String(b.properties['jobType']).toLowerCase() !== type.toLowerCase())
            return false;
          if (tag !== null) {
            const [key = '', value] = tag.split('=');
            const tags = (b.properties['tags'] ?? {}) as Record<string, string>;
            if (!(key in tags) || (value !== undefined && tags[key] !== value)) return false;
          }
          return true;
        })
        .reverse();
      const skip = Number(parsed.searchParams.get('$skip') ?? '0');
      const page = all.slice(skip, skip + fake.pageSize);
      const next = new URL(parsed.toString());
      next.searchParams.set('$skip', String(skip + fake.pageSize));
      send(res, 200, {
        value: page,
        ...(skip + fake.pageSize < all.length ? { nextLink: next.toString() } : {}),
      });
      return;
    }
    m = (prefix === 'history' ? /^\/runs\/([^/]+)(\/.*)?$/ : /^\/jobs\/([^/]+)(\/.*)?$/).exec(sub);
    if (m === null) {
      armError(res, 404, 'NotFound', `no route ${method} ${path}`);
      return;
    }
    const name = decodeURIComponent(m[1] ?? '');
    const tail = m[2] ?? '';
    const job = jobs.get(name);
    if (prefix === 'arm' && tail === '' && method === 'PUT') {
      const body = JSON.parse((await readBody(req)).toString()) as FakeJob['body'];
      if (job !== undefined) {
        job.body.properties = {
          ...job.body.properties,
          isArchived: body.properties['isArchived'] ?? false,
          tags: body.properties['tags'] ?? {},
        };
        send(res, 200, job.body);
        return;
      }
      clock += 1000;
      const stored: FakeJob = {
        body: {
          id: `${LOCAL_WS}/jobs/${name}`,
          name,
          type: 'Microsoft.MachineLearningServices/workspaces/jobs',
          systemData: {
            createdAt: new Date(clock).toISOString(),
            createdBy: 'tester',
            createdByType: 'User',
          },
          properties: {
            ...body.properties,
            status: 'NotStarted',
            isArchived: false,
            services: {
              Studio: { jobServiceType: 'Studio', endpoint: `${url}/studio/jobs/${name}` },
            },
          },
        },
        logs: new Map(),
        outputs: new Map(),
      };
      jobs.set(name, stored);
      send(res, 201, stored.body);
      return;
    }
    if (job === undefined) {
      if (prefix === 'arm' && tail === '' && method === 'DELETE') {
        send(res, 204);
        return;
      }
      armError(res, 404, 'ResourceNotFound', `job '${name}' was not found`);
      return;
    }
    if (prefix === 'arm' && tail === '' && method === 'GET') {
      fake.onJobGet?.(name, job);
      send(res, 200, job.body);
      return;
    }
    if (prefix === 'arm' && tail === '/cancel' && method === 'POST') {
      const location = operation(
        () => {
          job.body.properties['status'] = 'Canceled';
        },
        () => job.body.properties['status'] === 'Canceled',
      );
      job.body.properties['status'] = 'CancelRequested';
      send(res, 202, undefined, { location, 'retry-after': '0' });
      return;
    }
    if (prefix === 'arm' && tail === '' && method === 'DELETE') {
      const location = operation(
        () => {
          jobs.delete(name);
        },
        () => !jobs.has(name),
      );
      send(res, 202, undefined, { location, 'retry-after': '0' });
      return;
    }
    if (prefix === 'history' && tail === '/children' && method === 'GET') {
      send(res, 200, { value: (fake.children.get(name) ?? []).map((runId) => ({ runId })) });
      return;
    }
    if (prefix === 'history' && tail === '/details' && method === 'GET') {
      const logFiles = Object.fromEntries(
        [...job.logs.keys()].map((file) => [
          file,
          `${url}/amlkit/v1${LOCAL_WS}/jobs/${name}/logs/${file}`,
        ]),
      );
      send(res, 200, {
        runId: name,
        status: job.body.properties['status'],
        logFiles: { ...logFiles, ...fake.externalLogs.get(name) },
      });
      return;
    }
    if (prefix === 'amlkit' && tail.startsWith('/logs/') && method === 'GET') {
      const data = job.logs.get(tail.slice('/logs/'.length));
      if (data === undefined) {
        armError(res, 404, 'NotFound', 'no such log');
        return;
      }
      sendRange(req, res, data, 'text/plain');
      return;
    }
    if (prefix === 'amlkit' && tail === '/outputs' && method === 'GET') {
      send(res, 200, {
        value: [...job.outputs].map(([output, files]) => ({
          name: output,
          type: 'uri_folder',
          files: [...files].map(([file, data]) => ({
            path: file,
            size: data.length,
            url: `${url}/amlkit/v1${LOCAL_WS}/jobs/${name}/outputs/${output}/${file}`,
          })),
          truncated: false,
        })),
      });
      return;
    }
    m = /^\/outputs\/([^/]+)\/(.+)$/.exec(tail);
    if (prefix === 'amlkit' && m !== null && method === 'GET') {
      const data = job.outputs.get(m[1] ?? '')?.get(m[2] ?? '');
      if (data === undefined) {
        armError(res, 404, 'NotFound', 'no such output file');
        return;
      }
      sendRange(req, res, data, 'application/octet-stream');
      return;
    }
    armError(res, 405, 'MethodNotAllowed', `${method} ${path}`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      armError(res, 500, 'ServiceError', String(error));
    });
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
