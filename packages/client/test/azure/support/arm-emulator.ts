// A loopback stand-in of the ARM routes the Azure resolver and the run-history data plane use
// (workspace, discovery, computes, asset versions, datastores, run details, log files), built
// from shared/reference/rest-api.md §2 and §5 and the 2025-12-01 spec examples. It records
// every request (method, path, query, Range header) so tests can assert exact sequences.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AZURITE_ACCOUNT, AZURITE_KEY } from './azurite.js';

const examples = new URL('../../../../../../shared/rest-examples/2025-12-01/Job/', import.meta.url);

export const WORKSPACE = {
  subscriptionId: '00000000-0000-0000-0000-000000000000',
  resourceGroup: 'rg',
  workspaceName: 'ws',
} as const;
export const WS =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws';
export const TOKEN = 'arm-token-value';
export const CONTAINER = 'azureml-blobstore-0000';
export const ARTIFACT_CONTAINER = 'azureml';

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly range: string | undefined;
  readonly authorization: string | undefined;
  readonly body: unknown;
}

export interface RunState {
  status: string;
  /** The job's REST outputs (`{ uri }`), when a test gives some. */
  outputs?: Record<string, { jobOutputType: string; uri?: string }>;
  /** The job's `properties` dictionary (reuse markers). */
  tags?: Record<string, string>;
  /** Log name → content (grows between polls when a test appends). */
  logs: Record<string, string>;
}

export interface ArmEmulator {
  readonly origin: string;
  readonly calls: RecordedCall[];
  /** Compute names that exist. */
  readonly computes: Set<string>;
  /** `<collection>/<name>` → versions in creation order. */
  readonly versions: Map<string, string[]>;
  /** Registered assets: ARM path → PUT body. */
  readonly registered: Map<string, unknown>;
  /** Runs of the run-history data plane. */
  readonly runs: Map<string, RunState>;
  /** `method path` of the calls, without the query. */
  sequence(filter?: (call: RecordedCall) => boolean): string[];
  close(): Promise<void>;
}

function armError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { code, message } }));
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

export async function startArmEmulator(
  options: { datastoreEndpoint?: string } = {},
): Promise<ArmEmulator> {
  const calls: RecordedCall[] = [];
  const computes = new Set<string>(['cpu-cluster']);
  const versions = new Map<string, string[]>();
  const registered = new Map<string, unknown>();
  const runs = new Map<string, RunState>();
  let origin = '';
  const jobExample = JSON.parse(readFileSync(new URL('CommandJob/get.json', examples), 'utf8')) as {
    responses: { '200': { body: Record<string, unknown> } };
  };

  const datastoreOf = (name: string, containerName: string, isDefault: boolean) => ({
    id: `${WS}/datastores/${name}`,
    name,
    type: 'Microsoft.MachineLearningServices/workspaces/datastores',
    properties: {
      datastoreType: 'AzureBlob',
      accountName: AZURITE_ACCOUNT,
      containerName,
      endpoint: options.datastoreEndpoint ?? 'core.windows.net',
      protocol: 'https',
      isDefault,
      credentials: { credentialsType: 'AccountKey' },
    },
  });
  const datastore = datastoreOf('workspaceblobstore', CONTAINER, true);
  const datastores = new Map([
    ['workspaceblobstore', datastore],
    ['workspaceartifactstore', datastoreOf('workspaceartifactstore', ARTIFACT_CONTAINER, false)],
  ]);

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      const body = await readBody(req);
      const path = decodeURIComponent(url.pathname);
      calls.push({
        method: req.method ?? 'GET',
        path,
        query: Object.fromEntries(url.searchParams),
        range: req.headers.range,
        authorization: req.headers.authorization,
        body,
      });
      const method = req.method ?? 'GET';
      if (path === '/discovery') {
        json(res, 200, { api: origin, catalog: origin, experimentation: origin, history: origin });
        return;
      }
      const log = /^\/logs\/([^/]+)\/(.+)$/.exec(path);
      if (log !== null && method === 'GET') {
        const content = Buffer.from(runs.get(log[1] ?? '')?.logs[log[2] ?? ''] ?? '', 'utf8');
        const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
        if (range === null) {
          res.writeHead(200, { 'content-type': 'text/plain', 'content-length': content.length });
          res.end(content);
          return;
        }
        const start = Number(range[1]);
        if (start >= content.length) {
          res.writeHead(416, { 'content-range': `bytes */${String(content.length)}` });
          res.end();
          return;
        }
        res.writeHead(206, {
          'content-type': 'text/plain',
          'content-range': `bytes ${String(start)}-${String(content.length - 1)}/${String(content.length)}`,
        });
        res.end(content.subarray(start));
        return;
      }
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        armError(res, 401, 'AuthenticationFailed', 'Missing or wrong bearer token.');
        return;
      }
      const history = new RegExp(`^/history/v1\\.0${WS}/runs/([^/]+)/details$`).exec(path);
      if (history !== null) {
        const runId = history[1] ?? '';
        const run = runs.get(runId);
        if (run === undefined) {
          armError(res, 404, 'NotFound', `Run ${runId} was not found.`);
          return;
        }
        json(res, 200, {
          runId,
          status: run.status,
          logFiles: Object.fromEntries(
            Object.keys(run.logs).map((name) => [name, `${origin}/logs/${runId}/${name}`]),
          ),
        });
        return;
      }
      if (!path.startsWith(WS)) {
        armError(res, 404, 'NotFound', `No route for ${path}.`);
        return;
      }
      const rest = path.slice(WS.length);
      if (rest === '' && method === 'GET') {
        json(res, 200, {
          id: WS,
          name: WORKSPACE.workspaceName,
          location: 'eastus',
          properties: { discoveryUrl: `${origin}/discovery` },
        });
        return;
      }
      const job = /^\/jobs\/([^/]+)$/.exec(rest);
      if (job !== null && method === 'PUT') {
        // A submitted job starts Running with an empty log; tests drive it through `runs`.
        const name = job[1] ?? '';
        registered.set(path, body);
        if (!runs.has(name)) runs.set(name, { status: 'Running', logs: {} });
        const properties = {
          ...((body as { properties?: Record<string, unknown> } | undefined)?.properties ?? {}),
          status: 'NotStarted',
        };
        json(res, 201, {
          id: path,
          name,
          type: 'Microsoft.MachineLearningServices/workspaces/jobs',
          properties,
        });
        return;
      }
      if (job !== null && method === 'GET') {
        const name = job[1] ?? '';
        const run = runs.get(name);
        if (run === undefined) {
          armError(res, 404, 'NotFound', `Job ${name} was not found.`);
          return;
        }
        const example = structuredClone(jobExample.responses['200'].body);
        const properties = example['properties'] as Record<string, unknown>;
        properties['status'] = run.status;
        properties['outputs'] = run.outputs ?? {};
        properties['properties'] = run.tags ?? {};
        json(res, 200, { ...example, id: `${WS}/jobs/${name}`, name, properties });
        return;
      }
      const compute = /^\/computes\/([^/]+)$/.exec(rest);
      if (compute !== null && method === 'GET') {
        const name = compute[1] ?? '';
        if (!computes.has(name)) {
          armError(res, 404, 'ResourceNotFound', `Compute ${name} was not found.`);
          return;
        }
        json(res, 200, { id: path, name, properties: { computeType: 'AmlCompute' } });
        return;
      }
      if (rest === '/datastores' && method === 'GET') {
        json(res, 200, { value: url.searchParams.get('isDefault') === 'true' ? [datastore] : [] });
        return;
      }
      const named = /^\/datastores\/([^/]+)(\/listSecrets)?$/.exec(rest);
      const found = datastores.get(named?.[1] ?? '');
      if (named !== null && found === undefined) {
        armError(res, 404, 'NotFound', `Datastore ${named[1] ?? ''} was not found.`);
        return;
      }
      if (named !== null && named[2] === undefined && method === 'GET') {
        json(res, 200, found);
        return;
      }
      if (named !== null && method === 'POST') {
        json(res, 200, { secretsType: 'AccountKey', key: AZURITE_KEY });
        return;
      }
      const list = /^\/(codes|environments|data|models|components)\/([^/]+)\/versions$/.exec(rest);
      if (list !== null && method === 'GET') {
        const all = [...(versions.get(`${list[1] ?? ''}/${list[2] ?? ''}`) ?? [])].reverse();
        const top = Number(url.searchParams.get('$top') ?? all.length);
        json(res, 200, {
          value: all.slice(0, top).map((version) => ({
            id: `${path}/${version}`,
            name: version,
            properties: {},
          })),
        });
        return;
      }
      const put = /^\/(codes|environments|components)\/([^/]+)\/versions\/([^/]+)$/.exec(rest);
      if (put !== null && method === 'PUT') {
        registered.set(path, body);
        const key = `${put[1] ?? ''}/${put[2] ?? ''}`;
        versions.set(key, [...(versions.get(key) ?? []), put[3] ?? '']);
        json(res, 201, {
          id: path,
          name: put[3],
          properties: (body as { properties?: unknown } | undefined)?.properties,
        });
        return;
      }
      armError(res, 404, 'NotFound', `No route for ${method} ${path}.`);
    })().catch((error: unknown) => {
      armError(res, 500, 'InternalError', String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  return {
    origin,
    calls,
    computes,
    versions,
    registered,
    runs,
    sequence: (filter) =>
      calls.filter((call) => filter?.(call) ?? true).map((call) => `${call.method} ${call.path}`),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
