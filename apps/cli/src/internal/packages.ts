// Lazy, typed access to the workspace packages the commands need. Commands import these
// functions (never the packages at the top level of the entry), so the bundle loads
// `@amlkit/core`, `@amlkit/yaml` and `yaml` only when a command actually needs them.
import type { CodeFrameFormatter } from './diagnostics.js';

/** The part of a `Job` from `@amlkit/core` the CLI uses. */
export interface LoadedJob {
  /** The YAML `type:` value. */
  readonly type: string;
  /** Canonical YAML text (keys sorted). */
  toYamlText(): string;
  /** Writes canonical YAML to a path (exclusive create) or a stream. */
  dump(dest: string, options?: { signal?: AbortSignal }): Promise<void>;
}

/** The part of `@amlkit/core` the CLI uses. */
export interface CoreApi {
  /** Loads and validates a job file. */
  loadJob(
    source: string,
    options?: { overrides?: readonly string[]; signal?: AbortSignal },
  ): Promise<LoadedJob>;
  /** The YAML `type:` values. */
  readonly JOB_TYPES: readonly string[];
  /** The JSON Schema of a job type. */
  jobJsonSchema(type: string): Record<string, unknown>;
}

/** Loads `@amlkit/core`. */
export async function importCore(): Promise<CoreApi> {
  const core: unknown = await import('@amlkit/core');
  return core as CoreApi;
}

/** Loads `@amlkit/yaml`'s code-frame formatter, if it has one. */
export async function importCodeFrame(): Promise<CodeFrameFormatter | undefined> {
  const yaml = (await import('@amlkit/yaml')) as unknown as { formatCodeFrame?: unknown };
  return typeof yaml.formatCodeFrame === 'function'
    ? (yaml.formatCodeFrame as CodeFrameFormatter)
    : undefined;
}
