// A real HTTP server on 127.0.0.1 that speaks enough of the Azure ML jobs ARM
// API for the transport tests: it serves the 2025-12-01 spec examples, pages a
// list, answers cancel/delete with 202 + Location, and injects scripted faults.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const repoRoot = new URL('../../../../', import.meta.url);
const examplesDir = new URL('../shared/rest-examples/2025-12-01/Job/', repoRoot);

export interface SpecExample {
  parameters: Record<string, unknown>;
  responses: Record<string, { headers?: Record<string, string>; body?: unknown }>;
}

/** Reads one spec example (`CommandJob/get.json`, …). */
export function readExample(relative: string): SpecExample {
  return JSON.parse(readFileSync(new URL(relative, examplesDir), 'utf8')) as SpecExample;
}

export const TOKEN = 'test-token-s3cr3t-value';
export const WORKSPACE = {
  subscriptionId: '00000000-1111-2222-3333-444444444444',
  resourceGroup: 'test-rg',
  workspaceName: 'my-aml-workspace',
} as const;

/** A scripted fault, consumed by one matching request. */
export type Fault =
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly headers?: Record<string, string>;
      readonly body?: unknown;
    }
  | { readonly kind: 'reset' }
  | { readonly kind: 'slow'; readonly delayMs: number }
  | { readonly kind: 'malformed'; readonly status?: number; readonly text?: string };

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

export interface ArmTestServer {
  readonly origin: string;
  readonly requests: RecordedRequest[];
  /** Scripts faults for requests whose `method path` contains `match`, one fault per request. */
  inject(match: string, faults: readonly Fault[]): void;
  /** The list size, page size, and the origin written into nextLink (default: this server). */
  list: { total: number; pageSize: number; nextLinkOrigin?: string; loop?: boolean };
  /** How many polls of an operation answer 202 before 200 (Infinity: never done). */
  operation: {
    pendingPolls: number;
    retryAfter?: string;
    omitLocation?: boolean;
    locationOrigin?: string;
  };
  close(): Promise<void>;
}

export function armError(code: string, message: string): unknown {
  return {
    error: {
      code,
      message,
      details: [],
      additionalInfo: [{ type: 'ComponentName', info: { value: 'managementfrontend' } }],
    },
  };
}

const getExample = readExample('CommandJob/get.json').responses['200']!.body as Record<
  string,
  unknown
>;
const listExample = readExample('CommandJob/list.json').responses['200']!.body as {
  value: Record<string, unknown>[];
};

function jobBody(name: string): Record<string, unknown> {
  const prefix = `/subscriptions/${WORKSPACE.subscriptionId}/resourceGroups/${WORKSPACE.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${WORKSPACE.workspaceName}`;
  return {
    ...getExample,
    id: `${prefix}/jobs/${name}`,
    name,
    type: 'Microsoft.MachineLearningServices/workspaces/jobs',
  };
}

function send(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    ...(text === '' ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    'x-ms-request-id': `srv-${Math.random().toString(16).slice(2, 10)}`,
    ...headers,
  });
  res.end(text);
}

export async function startArmTestServer(): Promise<ArmTestServer> {
  const requests: RecordedRequest[] = [];
  const scripts: { match: string; faults: Fault[] }[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const operations = new Map<string, number>();
  let opCounter = 0;
  let origin = '';

  const state: Pick<ArmTestServer, 'list' | 'operation'> = {
    list: { total: 250, pageSize: 100 },
    operation: { pendingPolls: 2, retryAfter: '0' },
  };

  const route = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', origin);
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      send(res, 401, armError('AuthenticationFailed', 'The bearer token is missing or invalid.'));
      return;
    }
    if (!url.searchParams.has('api-version')) {
      send(
        res,
        400,
        armError('MissingApiVersionParameter', 'The api-version query parameter is required.'),
      );
      return;
    }
    const path = url.pathname;
    const op = /\/mfeOperationResults\/([^/]+)$/.exec(path);
    if (op !== null && req.method === 'GET') {
      const id = op[1]!;
      const left = operations.get(id);
      if (left === undefined) {
        send(res, 404, armError('ResourceNotFound', `Operation ${id} not found.`));
      } else if (left > 0) {
        operations.set(id, left - 1);
        send(res, 202, undefined, operationHeaders(id));
      } else {
        send(res, 200);
      }
      return;
    }
    const jobs = /\/workspaces\/[^/]+\/jobs$/.exec(path);
    if (jobs !== null && req.method === 'GET') {
      const skip = Number(url.searchParams.get('$skip') ?? '0');
      const { total, pageSize } = state.list;
      const value = Array.from(
        { length: Math.max(0, Math.min(pageSize, total - skip)) },
        (_, i) => {
          const name = `job-${String(skip + i).padStart(3, '0')}`;
          return { ...listExample.value[0], ...jobBody(name) };
        },
      );
      const nextSkip = state.list.loop === true ? skip : skip + pageSize;
      const nextLink =
        nextSkip < total
          ? `${state.list.nextLinkOrigin ?? origin}${path}?api-version=${url.searchParams.get('api-version') ?? ''}&$skip=${nextSkip}`
          : null;
      send(res, 200, { value, nextLink });
      return;
    }
    const job = /\/workspaces\/[^/]+\/jobs\/([^/]+)(\/cancel)?$/.exec(path);
    if (job !== null) {
      const name = decodeURIComponent(job[1]!);
      const cancel = job[2] !== undefined;
      if (cancel && req.method === 'POST') {
        accept(res, name);
        return;
      }
      if (!cancel && req.method === 'GET') {
        if (name === 'missing')
          send(res, 404, armError('ResourceNotFound', `Job ${name} was not found.`));
        else send(res, 200, jobBody(name));
        return;
      }
      if (!cancel && req.method === 'PUT') {
        send(res, 201, jobBody(name));
        return;
      }
      if (!cancel && req.method === 'DELETE') {
        if (name === 'missing') send(res, 204);
        else accept(res, name);
        return;
      }
    }
    send(res, 404, armError('NoRoute', `No route for ${req.method ?? ''} ${path}.`));
  };

  const operationHeaders = (id: string): Record<string, string> => {
    const headers: Record<string, string> = {};
    if (state.operation.omitLocation !== true) {
      headers.location = `${state.operation.locationOrigin ?? origin}/subscriptions/${WORKSPACE.subscriptionId}/providers/Microsoft.MachineLearningServices/locations/local/mfeOperationResults/${id}?api-version=2025-12-01`;
    }
    if (state.operation.retryAfter !== undefined)
      headers['retry-after'] = state.operation.retryAfter;
    return headers;
  };

  const accept = (res: ServerResponse, _name: string): void => {
    opCounter += 1;
    const id = `op-${opCounter}`;
    operations.set(id, state.operation.pendingPolls);
    send(res, 202, undefined, operationHeaders(id));
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers } });
      const key = `${req.method ?? ''} ${req.url ?? ''}`;
      const script = scripts.find((s) => key.includes(s.match) && s.faults.length > 0);
      const fault = script?.faults.shift();
      if (fault === undefined) {
        route(req, res);
        return;
      }
      switch (fault.kind) {
        case 'status':
          send(res, fault.status, fault.body, fault.headers);
          return;
        case 'reset':
          req.socket.destroy();
          return;
        case 'malformed':
          send(res, fault.status ?? 200, fault.text ?? '{"value": [ {"name": "job-1", ', {});
          return;
        case 'slow': {
          const timer = setTimeout(() => {
            timers.delete(timer);
            if (!res.destroyed) route(req, res);
          }, fault.delayMs);
          timers.add(timer);
          return;
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    requests,
    get list() {
      return state.list;
    },
    set list(value) {
      state.list = value;
    },
    get operation() {
      return state.operation;
    },
    set operation(value) {
      state.operation = value;
    },
    inject(match, faults) {
      scripts.push({ match, faults: [...faults] });
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}
