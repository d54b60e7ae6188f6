import type { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { JobStore, StoredJob, StoredStatusEntry, WorkspaceRef } from '../store/job-store.js';
import type { HomeLayout } from './home.js';
import { LOCAL_WORKSPACE } from '../local-workspace.js';

/** The settings and shared parts every route handler reads. */
export interface ServiceContext {
  readonly layout: HomeLayout;
  readonly store: JobStore;
  /** `status` (seq, StoredStatusEntry) and `logfile` (seq, relativePath) events. */
  readonly events: EventEmitter;
  readonly token: string;
  readonly version: string;
  readonly allowRemote: boolean;
  readonly retryAfterSeconds: number;
  readonly maxJsonBytes: number;
  readonly maxBlobBytes: number;
  readonly pageSize: number;
  readonly heartbeatMs: number;
  /** The studio build served at `/studio` (`undefined`: a 404 page says it is not installed). */
  readonly studioDir: string | undefined;
  /** `systemData.createdBy` of new jobs (the OS user). */
  readonly createdBy: string;
  /** The base URL (`http://127.0.0.1:<port>`), known once listening. */
  url: string;
}

/** The workspace the local service calls its own. */
export const CANONICAL_WORKSPACE: WorkspaceRef = LOCAL_WORKSPACE;

export const PROVIDER = 'Microsoft.MachineLearningServices';
export const JOB_RESOURCE_TYPE = 'Microsoft.MachineLearningServices/workspaces/jobs';

export function workspacePath(ws: WorkspaceRef): string {
  return `/subscriptions/${encodeURIComponent(ws.subscriptionId)}/resourceGroups/${encodeURIComponent(ws.resourceGroup)}/providers/${PROVIDER}/workspaces/${encodeURIComponent(ws.workspace)}`;
}

export function jobPath(ws: WorkspaceRef, name: string): string {
  return `${workspacePath(ws)}/jobs/${encodeURIComponent(name)}`;
}

export function jobDir(ctx: ServiceContext, job: StoredJob): string {
  return join(ctx.layout.jobs, job.uid);
}

export function emitStatus(ctx: ServiceContext, seq: number, entry: StoredStatusEntry): void {
  ctx.events.emit('status', seq, entry);
}

let cachedVersion: string | undefined;

/** This package's version, read from its package.json. */
export function packageVersion(): string {
  if (cachedVersion !== undefined) return cachedVersion;
  for (const relative of ['../package.json', '../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (pkg.name === '@amlkit/local' && typeof pkg.version === 'string') {
        cachedVersion = pkg.version;
        return pkg.version;
      }
    } catch {
      // try the next candidate
    }
  }
  cachedVersion = '0.0.0';
  return cachedVersion;
}
