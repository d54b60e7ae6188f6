import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startLocalService } from '../src/index.js';
import type { LocalService, LocalServiceOptions } from '../src/index.js';

/** A parsed JSON response body; the tests assert its shape with expect(). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by expect(), not by types
export type Json = any;

/** The JSON body of a response. */
export async function body(res: Response): Promise<Json> {
  return (await res.json()) as Json;
}

export const API = 'api-version=2025-12-01';
export const SUB = '00000000-0000-0000-0000-000000000000';
export const WS_PATH = `/subscriptions/${SUB}/resourceGroups/local/providers/Microsoft.MachineLearningServices/workspaces/local`;

/** A fresh temporary folder. */
export function tempHome(prefix = 'amlkit-service-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A started service on a temp home plus helpers; `stop()` closes it and removes the home. */
export interface TestService {
  readonly service: LocalService;
  readonly home: string;
  readonly url: string;
  readonly auth: Record<string, string>;
  /** fetch relative to the service with the bearer token. */
  call(path: string, init?: RequestInit): Promise<Response>;
  /** PUT a job body (properties only). */
  putJob(
    name: string,
    properties: Record<string, unknown>,
    extra?: Record<string, unknown>,
  ): Promise<Response>;
  getJob(name: string): Promise<Json>;
  waitForStatus(name: string, statuses: readonly string[], timeoutMs?: number): Promise<Json>;
  stop(): Promise<void>;
}

export async function startTestService(options: LocalServiceOptions = {}): Promise<TestService> {
  const { dir, cleanup } = tempHome();
  const service = await startLocalService({ home: dir, cancelGraceMs: 500, ...options });
  const auth = { Authorization: `Bearer ${service.token}` };
  const call = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${service.url}${path}`, {
      ...init,
      headers: { ...auth, ...(init.headers as Record<string, string> | undefined) },
    });
  const getJob = async (name: string): Promise<Json> => {
    const res = await call(`${WS_PATH}/jobs/${name}?${API}`);
    return body(res);
  };
  return {
    service,
    home: dir,
    url: service.url,
    auth,
    call,
    putJob: (name, properties, extra = {}) =>
      call(`${WS_PATH}/jobs/${name}?${API}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...extra, properties }),
      }),
    getJob,
    async waitForStatus(name, statuses, timeoutMs = 45_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const job = await getJob(name);
        if (statuses.includes(String(job.properties?.status)))
          return { ...job } as Record<string, Json>;
        if (Date.now() > deadline) {
          throw new Error(
            `job ${name} is ${String(job.properties?.status)}, expected one of ${statuses.join(', ')}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      await service.close();
      cleanup();
    },
  };
}

export function command(cmd: string, more: Record<string, unknown> = {}): Record<string, unknown> {
  return { jobType: 'Command', command: cmd, environmentId: 'azureml:local-env:1', ...more };
}

/** Reads a whole SSE response into events. */
export async function readEvents(
  res: Response,
): Promise<{ id?: string; event: string; data: Json }[]> {
  const text = await res.text();
  return parseEvents(text);
}

export function parseEvents(text: string): { id?: string; event: string; data: Json }[] {
  const out: { id?: string; event: string; data: Json }[] = [];
  for (const block of text.split('\n\n')) {
    let id: string | undefined;
    let event = 'message';
    let data = '';
    let any = false;
    for (const line of block.split('\n')) {
      if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) {
        data += line.slice(6);
        any = true;
      }
    }
    if (any) out.push({ ...(id === undefined ? {} : { id }), event, data: JSON.parse(data) });
  }
  return out;
}
