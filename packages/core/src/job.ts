import type { JobStatus } from '@amlkit/status';
import { stringifyYaml, writeYamlFile, writeYamlStream } from '@amlkit/yaml';
import { JobService } from './entities/job-service.js';
import type { JobServiceOptions } from './entities/job-service.js';
import { Resource } from './resource.js';
import type { ResourceOptions } from './resource.js';
import { studioUrl } from './ids/studio-url.js';

/** Constructor options shared by every job type (camelCase; as Python `Job`). */
export interface JobOptions extends ResourceOptions {
  /** Display name shown in the studio. */
  displayName?: string | undefined;
  /** Experiment the job belongs to (defaulted at submission, not here). */
  experimentName?: string | undefined;
  /** Compute target: a name, `local`, `serverless` or an ARM id (without the `azureml:` prefix). */
  compute?: string | undefined;
  /** Interactive services. */
  services?: Record<string, JobService | JobServiceOptions> | undefined;
  /** Read-only: the status, set by clients reading from a service. */
  status?: JobStatus | undefined;
  /** Read-only: log name → URL, set by clients reading from a service. */
  logFiles?: Record<string, string> | undefined;
}

/** Options of {@link Job.dump}. */
export interface DumpOptions {
  /** Aborts writing. */
  signal?: AbortSignal;
}

/**
 * The base of every job type. Build jobs in code with the subclasses' constructors or
 * load them with `loadJob`; `toYamlObject()`/`dump()` give the flat documented YAML shape.
 */
export abstract class Job extends Resource {
  /** Display name. */
  displayName: string | undefined;
  /** Experiment name. */
  experimentName: string | undefined;
  /** Compute target (without `azureml:`). */
  compute: string | undefined;
  /** Interactive services. */
  services: Record<string, JobService> | undefined;
  /** The YAML `type:` of the job. */
  abstract readonly type: string;
  /** Status (read-only; set when read from a service). */
  readonly status: JobStatus | undefined;
  /** Log files (read-only; set when read from a service). */
  readonly logFiles: Record<string, string> | undefined;

  constructor(options: JobOptions = {}) {
    super(options);
    this.displayName = options.displayName;
    this.experimentName = options.experimentName;
    this.compute = options.compute;
    this.services =
      options.services === undefined
        ? undefined
        : Object.fromEntries(
            Object.entries(options.services).map(([k, v]) => [
              k,
              v instanceof JobService ? v : new JobService(v),
            ]),
          );
    this.status = options.status;
    this.logFiles = options.logFiles === undefined ? undefined : { ...options.logFiles };
  }

  /**
   * The studio page of the job: the `Studio` service's endpoint when there is one,
   * otherwise derived from the ARM id; undefined for jobs that were never submitted.
   */
  get studioUrl(): string | undefined {
    return studioUrl(this);
  }

  /** The YAML-shaped snake_case dictionary of the job type's own fields (read-only fields are added by {@link toYamlObject}). */
  protected abstract toYamlFields(): Record<string, unknown>;

  /**
   * The YAML-shaped dictionary (snake_case), as Python `_to_dict()`: `undefined`/`None`
   * dropped, empty mappings kept, read-only fields included when set.
   */
  toYamlObject(): Record<string, unknown> {
    const out = this.toYamlFields();
    if (this.status !== undefined) out['status'] = this.status;
    if (this.id !== undefined) out['id'] = `azureml:${this.id}`;
    if (this.creationContext !== undefined)
      out['creation_context'] = this.creationContext.toYamlObject();
    if (this.logFiles !== undefined) out['log_files'] = { ...this.logFiles };
    if (this.services !== undefined) {
      out['services'] = Object.fromEntries(
        Object.entries(this.services).map(([k, v]) => [k, v.toYamlObject()]),
      );
    }
    return out;
  }

  /** Canonical YAML text: keys sorted at every level (as PyYAML dumps), block style, no `$schema`. */
  toYamlText(): string {
    return stringifyYaml(this.toYamlObject(), { sortKeys: true });
  }

  /**
   * Writes {@link toYamlText} to a new file (an existing file is never overwritten: it
   * throws `YamlError` `YAML_FILE_EXISTS`, a documented difference from the Python SDK) or
   * to a writable stream (a destroyed/ended/failing stream throws `YAML_WRITE_FAILED`).
   *
   * @example
   * ```ts
   * await job.dump('job.dumped.yml');
   * ```
   */
  async dump(dest: string | NodeJS.WritableStream, options: DumpOptions = {}): Promise<void> {
    const text = this.toYamlText();
    if (typeof dest === 'string')
      await writeYamlFile(
        dest,
        text,
        options.signal === undefined ? {} : { signal: options.signal },
      );
    else await writeYamlStream(dest, text);
  }
}
