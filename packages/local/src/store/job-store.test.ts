import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { isLocalServiceError } from '../local-service-error.js';
import { LOCAL_WORKSPACE } from '../local-workspace.js';
import { openJobStore, workspaceKey } from './job-store.js';
import type { JobStore } from './job-store.js';
import { MIGRATIONS } from './migrations.js';

describe('openJobStore', () => {
  let dir: string;
  let store: JobStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'amlkit-store-'));
    store = openJobStore(join(dir, 'jobs.db'));
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies every migration once, in WAL mode with synchronous=NORMAL', () => {
    store.close();
    store = openJobStore(join(dir, 'jobs.db'));
    const db = new Database(join(dir, 'jobs.db'), { readonly: true });
    try {
      const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
      expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('refuses a store migrated by a newer version', () => {
    store.close();
    const db = new Database(join(dir, 'jobs.db'));
    db.prepare(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'now')",
    ).run();
    db.close();
    const error = (() => {
      try {
        openJobStore(join(dir, 'jobs.db'));
        return undefined;
      } catch (e) {
        return e;
      }
    })();
    expect(isLocalServiceError(error)).toBe(true);
    expect((error as { code: string }).code).toBe('StoreTooNew');
    store = openJobStore(join(dir, 'other.db'));
  });

  it('inserts a job with its first status entry and finds it case-insensitively by workspace', () => {
    const job = store.insertJob({
      workspace: LOCAL_WORKSPACE,
      name: 'a',
      properties: { jobType: 'Command', command: 'x' },
    });
    expect(job).toMatchObject({
      name: 'a',
      jobType: 'Command',
      status: 'NotStarted',
      archived: false,
    });
    const upper = {
      subscriptionId: LOCAL_WORKSPACE.subscriptionId,
      resourceGroup: 'LOCAL',
      workspace: 'Local',
    };
    expect(store.getJob(upper, 'a')?.uid).toBe(job.uid);
    expect(store.getJob(LOCAL_WORKSPACE, 'A')).toBeUndefined();
    expect(store.statusHistory(job.seq)).toEqual([
      {
        index: 0,
        status: 'NotStarted',
        at: job.createdAt,
        source: 'service',
        reason: 'The job was accepted',
      },
    ]);
    expect(() =>
      store.insertJob({ workspace: upper, name: 'a', properties: { jobType: 'Command' } }),
    ).toThrow();
    expect(workspaceKey(upper)).toBe(workspaceKey(LOCAL_WORKSPACE));
  });

  it('records status changes with start, end and error', () => {
    const { seq } = store.insertJob({
      workspace: LOCAL_WORKSPACE,
      name: 'b',
      properties: { jobType: 'Command' },
    });
    store.setStatus(seq, 'Running', { at: new Date('2026-01-01T00:00:00Z') });
    store.setStatus(seq, 'Failed', {
      at: new Date('2026-01-01T00:01:00Z'),
      reason: 'boom',
      error: { code: 'UserError', message: 'boom' },
    });
    const job = store.getJobBySeq(seq)!;
    expect(job.status).toBe('Failed');
    expect(job.startedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(job.endedAt).toBe('2026-01-01T00:01:00.000Z');
    expect(job.error).toEqual({ code: 'UserError', message: 'boom' });
    expect(store.statusHistory(seq, 1).map((e) => e.status)).toEqual(['Running', 'Failed']);
  });

  it('lists newest first with a seq cursor and filters', () => {
    for (let i = 0; i < 30; i += 1) {
      store.insertJob({
        workspace: LOCAL_WORKSPACE,
        name: `j${String(i)}`,
        properties: {
          jobType: i % 2 === 0 ? 'Command' : 'Sweep',
          tags: { k: String(i % 3) },
          isArchived: i % 10 === 0,
        },
      });
    }
    const first = store.listJobs(LOCAL_WORKSPACE, { limit: 10 });
    expect(first.map((j) => j.name)).toEqual([
      'j29',
      'j28',
      'j27',
      'j26',
      'j25',
      'j24',
      'j23',
      'j22',
      'j21',
      'j19',
    ]);
    const second = store.listJobs(LOCAL_WORKSPACE, { limit: 10, beforeSeq: first.at(-1)!.seq });
    expect(second[0]?.name).toBe('j18');
    expect(store.listJobs(LOCAL_WORKSPACE, { limit: 100, view: 'ArchivedOnly' })).toHaveLength(3);
    expect(
      store.listJobs(LOCAL_WORKSPACE, { limit: 100, view: 'All', jobType: 'command' }),
    ).toHaveLength(15);
    expect(
      store.listJobs(LOCAL_WORKSPACE, { limit: 100, view: 'All', tags: [['k', '1']] }),
    ).toHaveLength(10);
    expect(
      store.listJobs(LOCAL_WORKSPACE, { limit: 100, view: 'All', tags: [["k' OR 1=1 --"]] }),
    ).toHaveLength(0);
  });

  it('keeps operations until completed and deletes jobs with their history', () => {
    const job = store.insertJob({
      workspace: LOCAL_WORKSPACE,
      name: 'c',
      properties: { jobType: 'Command' },
    });
    const op = store.insertOperation('delete', LOCAL_WORKSPACE, 'c');
    expect(store.pendingOperations().map((o) => o.id)).toEqual([op.id]);
    store.completeOperation(op.id);
    expect(store.pendingOperations()).toEqual([]);
    expect(store.getOperation(op.id)?.doneAt).toBeTypeOf('string');
    store.deleteJob(job.seq);
    expect(store.getJobBySeq(job.seq)).toBeUndefined();
    expect(store.statusHistory(job.seq)).toEqual([]);
    expect(store.countJobs()).toBe(0);
  });
});
