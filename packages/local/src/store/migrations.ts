/** One numbered schema migration of the job store. */
export interface Migration {
  /** Applied in increasing order; never renumbered once released. */
  readonly version: number;
  /** A short description, stored in `schema_migrations`. */
  readonly name: string;
  /** The SQL run inside the migration's transaction. */
  readonly sql: string;
}

/**
 * Every migration of the store, in order. Append only: a released migration is never edited.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'jobs, status history, metrics, operations',
    sql: `
      CREATE TABLE jobs (
        seq            INTEGER PRIMARY KEY,
        uid            TEXT NOT NULL,
        workspace_key  TEXT NOT NULL,
        subscription   TEXT NOT NULL,
        resource_group TEXT NOT NULL,
        workspace      TEXT NOT NULL,
        name           TEXT NOT NULL,
        job_type       TEXT NOT NULL,
        status         TEXT NOT NULL,
        archived       INTEGER NOT NULL DEFAULT 0,
        created_at     TEXT NOT NULL,
        created_by     TEXT NOT NULL,
        modified_at    TEXT NOT NULL,
        started_at     TEXT,
        ended_at       TEXT,
        error          TEXT,
        body           TEXT NOT NULL,
        UNIQUE (workspace_key, name)
      );
      CREATE INDEX jobs_list ON jobs (workspace_key, archived, seq);
      CREATE INDEX jobs_unfinished ON jobs (status)
        WHERE status NOT IN ('Completed', 'Failed', 'Canceled');
      CREATE TABLE status_history (
        job_seq INTEGER NOT NULL REFERENCES jobs (seq) ON DELETE CASCADE,
        idx     INTEGER NOT NULL,
        status  TEXT NOT NULL,
        at      TEXT NOT NULL,
        source  TEXT NOT NULL,
        reason  TEXT,
        PRIMARY KEY (job_seq, idx)
      ) WITHOUT ROWID;
      CREATE TABLE metrics (
        job_seq   INTEGER NOT NULL REFERENCES jobs (seq) ON DELETE CASCADE,
        key       TEXT NOT NULL,
        step      INTEGER NOT NULL DEFAULT 0,
        value     REAL NOT NULL,
        timestamp INTEGER NOT NULL
      );
      CREATE INDEX metrics_job_key ON metrics (job_seq, key, step);
      CREATE TABLE operations (
        id            TEXT PRIMARY KEY,
        kind          TEXT NOT NULL,
        workspace_key TEXT NOT NULL,
        job_name      TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        done_at       TEXT,
        error         TEXT
      );
      CREATE INDEX operations_pending ON operations (done_at) WHERE done_at IS NULL;
    `,
  },
  {
    version: 2,
    name: 'run parameters (MLflow log-parameter)',
    sql: `
      CREATE TABLE params (
        job_seq INTEGER NOT NULL REFERENCES jobs (seq) ON DELETE CASCADE,
        key     TEXT NOT NULL,
        value   TEXT NOT NULL,
        PRIMARY KEY (job_seq, key)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: 'component versions (pipeline steps)',
    sql: `
      CREATE TABLE components (
        workspace_key TEXT NOT NULL,
        name          TEXT NOT NULL,
        version       TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        modified_at   TEXT NOT NULL,
        body          TEXT NOT NULL,
        PRIMARY KEY (workspace_key, name, version)
      ) WITHOUT ROWID;
    `,
  },
];
