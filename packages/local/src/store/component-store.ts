import type Database from 'better-sqlite3';

import type { WorkspaceRef } from './job-store.js';

/** One component version as the store keeps it. */
export interface StoredComponent {
  /** The component name (`azureml_anonymous` for the anonymous components of pipelines). */
  readonly name: string;
  /** The version (the content hash of an anonymous component). */
  readonly version: string;
  /** ISO-8601 time of the first PUT. */
  readonly createdAt: string;
  /** ISO-8601 time of the last PUT. */
  readonly modifiedAt: string;
  /** The REST `properties` (`componentSpec`, `isAnonymous`, `description`, `tags`, …). */
  readonly properties: Record<string, unknown>;
}

interface ComponentRow {
  name: string;
  version: string;
  created_at: string;
  modified_at: string;
  body: string;
}

function toComponent(row: ComponentRow): StoredComponent {
  return {
    name: row.name,
    version: row.version,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
    properties: JSON.parse(row.body) as Record<string, unknown>,
  };
}

/**
 * Component versions by workspace, in the job store's database: pipelines register each step's
 * component (`PUT …/components/{name}/versions/{version}`) before the pipeline job, and the
 * pipeline driver reads the step's command, code and environment from it.
 */
export class ComponentStore {
  readonly #db: Database.Database;
  readonly #keyOf: (ref: WorkspaceRef) => string;
  #prepared:
    | {
        readonly get: Database.Statement<[string, string, string], ComponentRow>;
        readonly upsert: Database.Statement<
          [{ key: string; name: string; version: string; at: string; body: string }]
        >;
      }
    | undefined;

  /** @internal created by the job store over its database. */
  constructor(db: Database.Database, keyOf: (ref: WorkspaceRef) => string) {
    this.#db = db;
    this.#keyOf = keyOf;
  }

  // Prepared on first use: a read-only store opened on an older schema has no table yet.
  #statements() {
    this.#prepared ??= {
      get: this.#db.prepare(
        'SELECT name, version, created_at, modified_at, body FROM components WHERE workspace_key = ? AND name = ? AND version = ?',
      ),
      upsert: this.#db.prepare(
        `INSERT INTO components (workspace_key, name, version, created_at, modified_at, body)
         VALUES (@key, @name, @version, @at, @at, @body)
         ON CONFLICT (workspace_key, name, version) DO UPDATE SET modified_at = @at, body = @body`,
      ),
    };
    return this.#prepared;
  }

  /** The component version, or `undefined`. */
  get(workspace: WorkspaceRef, name: string, version: string): StoredComponent | undefined {
    const row = this.#statements().get.get(this.#keyOf(workspace), name, version);
    return row === undefined ? undefined : toComponent(row);
  }

  /** Creates or replaces a component version; `created` says which. */
  put(
    workspace: WorkspaceRef,
    component: { name: string; version: string; properties: Record<string, unknown> },
    at: Date = new Date(),
  ): { component: StoredComponent; created: boolean } {
    const key = this.#keyOf(workspace);
    const { get, upsert } = this.#statements();
    const created = get.get(key, component.name, component.version) === undefined;
    upsert.run({
      key,
      name: component.name,
      version: component.version,
      at: at.toISOString(),
      body: JSON.stringify(component.properties),
    });
    const stored = get.get(key, component.name, component.version);
    if (stored === undefined) throw new Error('the component row vanished after its upsert');
    return { component: toComponent(stored), created };
  }
}
