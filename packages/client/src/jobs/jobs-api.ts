import type { Job, JobService } from '@amlkit/core';
import type { JobStatus, Observation, StatusHistory } from '@amlkit/status';
import type { PagedAsyncIterable } from '../api/paginate.js';

/** Options of {@link JobsApi.create}. */
export interface CreateJobOptions {
  /**
   * The job's name (the URL segment). Checked against the service's rule before any request.
   * @default job.name, else a generated `adjective_noun_<10 chars>` name
   */
  readonly name?: string | undefined;
  /** Aborts the asset uploads and the request. */
  readonly signal?: AbortSignal | undefined;
}

/** Options of the single-request calls ({@link JobsApi.get}, archive, restore, showServices). */
export interface JobRequestOptions {
  /** Aborts the request. */
  readonly signal?: AbortSignal | undefined;
}

/** Which jobs {@link JobsApi.list} asks for, by archive state. */
export type JobListView = 'active' | 'archived' | 'all';

/** Options of {@link JobsApi.list}. */
export interface ListJobsOptions {
  /** Only jobs of this entity type (`command`, `sweep`, `pipeline`, `spark`, `automl`) or REST `jobType`. Sent to the service. */
  readonly type?: string | undefined;
  /** Only jobs with this tag: `key` or `key=value`. Sent to the service. */
  readonly tag?: string | undefined;
  /**
   * Active, archived or all jobs. Sent to the service (`listViewType`).
   * @default 'active'
   */
  readonly listView?: JobListView | undefined;
  /** Only jobs in one of these statuses (client-side). */
  readonly status?: JobStatus | readonly JobStatus[] | undefined;
  /** Only jobs created at or after this time (client-side; ends the listing early when the service lists newest first). */
  readonly createdAfter?: Date | undefined;
  /** Only jobs created before this time (client-side). */
  readonly createdBefore?: Date | undefined;
  /** Only the child jobs of this pipeline job (run-history `runs/{name}/children`, then a GET per child). */
  readonly parentJobName?: string | undefined;
  /**
   * Stop after this many jobs (after filtering); no further page is requested.
   * @default Infinity
   */
  readonly maxResults?: number | undefined;
  /** Aborts the listing. */
  readonly signal?: AbortSignal | undefined;
}

/** Options of {@link JobsApi.cancel} and {@link JobsApi.delete}. */
export interface JobOperationOptions {
  /**
   * The budget for the 202 + `Location` operation; when it still answers 202, `OperationTimeoutError`.
   * @default 600_000
   */
  readonly timeoutMs?: number | undefined;
  /** Aborts the request and the polling. */
  readonly signal?: AbortSignal | undefined;
}

/** A status change reported by {@link JobsApi.wait} and {@link JobsApi.stream}. */
export interface JobTransition {
  /** The previous status (`undefined` for the first one observed). */
  readonly from: JobStatus | undefined;
  /** The new status. */
  readonly to: JobStatus;
  /** When it was observed (ms since the epoch). */
  readonly at: number;
  /** The verdict of `@amlkit/status` `observe` (absent for the first status). */
  readonly observation?: Observation;
}

/** Options of {@link JobsApi.wait}. */
export interface WaitJobOptions {
  /**
   * The overall budget; when the job has not reached a stop-polling status by then, `JobWaitTimeoutError`.
   * @default Infinity
   */
  readonly timeoutMs?: number | undefined;
  /**
   * The wait between polls.
   * @default the client's `pollIntervalMs` (Azure: the Python SDK's sigmoid, 2 s rising to 60 s)
   */
  readonly pollIntervalMs?: number | undefined;
  /** Called for each accepted status change, the first observed status included. */
  readonly onTransition?: ((transition: JobTransition) => void) | undefined;
  /**
   * Called for a polled status that `observe` rejected (a stale read going backwards), and when
   * the run details that give `error` could not be read.
   */
  readonly onDiagnostic?: ((message: string) => void) | undefined;
  /** Aborts the wait with `RequestAbortedError`. */
  readonly signal?: AbortSignal | undefined;
}

/** What {@link JobsApi.wait} resolves to. */
export interface WaitJobResult {
  /** The status polling stopped at (Completed, Failed, Canceled, NotResponding or Paused). */
  readonly status: JobStatus;
  /** Every status observed, with times (`source: 'poll'`). */
  readonly history: StatusHistory;
  /** The job as last read. */
  readonly job: Job;
  /**
   * Why the job ended, when its final status is Failed, Canceled or NotResponding and the
   * service recorded a reason: the `RootError` `code` and `message` of its run-history details
   * (`GET /history/v1.0/…/runs/{name}/details` → `error.error`, read once after the job stopped;
   * the ARM job resource does not carry it). The same route on the local service and on Azure.
   * The message may span lines (a failed pipeline names the step, the last log lines, the steps
   * canceled and not run). Absent for a Completed job, a job canceled without an error, and when
   * the run-history data plane is unavailable or the read fails (reported to `onDiagnostic`; the
   * wait itself never fails because of it).
   * @example
   * const { status, error } = await client.jobs.wait('my_job');
   * if (error !== undefined) console.error(`${status}: ${error.code}: ${error.message}`);
   */
  readonly error?: { readonly code: string; readonly message: string };
}

/** Where a log stream stopped: bytes read per log file. Pass it back as `cursor` to resume. */
export interface LogCursor {
  /** Log file name (`user_logs/std_log.txt`) → the byte offset to read from next. */
  readonly offsets: Readonly<Record<string, number>>;
}

/** A chunk of a log file, given to {@link StreamJobOptions.onLog}. */
export interface LogChunk {
  /** The log file name (`user_logs/std_log.txt`). */
  readonly file: string;
  /** The byte offset of `text` in the file. */
  readonly offset: number;
  /** The byte offset just after `text` (the cursor for this file). */
  readonly nextOffset: number;
  /** Whole lines (a trailing partial line only once the job is final). */
  readonly text: string;
}

/** A child job that {@link JobsApi.stream} found with `children: true` (a pipeline step, a sweep trial). */
export interface ChildJobRef {
  /** The child's job name. */
  readonly name: string;
  /** Its step label: the `azureml.nodeid` property (a pipeline step's name), else its display name, else its name. */
  readonly label: string;
}

/** A chunk of a child job's log, given to {@link StreamJobOptions.onChildLog}. */
export interface ChildLogChunk extends LogChunk {
  /** Whose log it is. */
  readonly child: ChildJobRef;
}

/** A status change of a child job, given to {@link StreamJobOptions.onChildStatus}. */
export interface ChildJobTransition extends JobTransition {
  /** Whose status changed. */
  readonly child: ChildJobRef;
}

/** How the stream of one child job ended, in {@link StreamJobResult.children}. */
export interface ChildStreamResult extends ChildJobRef {
  /** Its final status (the status its stream stopped at; `Unknown` when the stream failed before any). */
  readonly status: JobStatus;
  /** The child as last read (as listed when its stream failed). */
  readonly job: Job;
  /** Where each of its log files stopped. */
  readonly cursor: LogCursor;
  /** Why its stream failed (a deleted child, a service error), when it did; the other streams go on. */
  readonly error?: unknown;
}

/** Options of {@link JobsApi.stream}. */
export interface StreamJobOptions extends WaitJobOptions {
  /** Called with each new chunk of log text, in file order. */
  readonly onLog?: ((chunk: LogChunk) => void) | undefined;
  /** Called for each accepted status change (same as `onTransition`). */
  readonly onStatus?: ((transition: JobTransition) => void) | undefined;
  /** Resume from here (files not listed start at 0). */
  readonly cursor?: LogCursor | undefined;
  /**
   * Which log files to read.
   * @default the Python SDK's choice: `user_logs/std_log*.txt` of rank 0 when present, else the legacy `azureml-logs/NN_*.txt` (pipeline: `logs/azureml/executionlogs.txt`, sweep: `azureml-logs/hyperdrive.txt`); never system logs
   */
  readonly logFilter?: ((file: string) => boolean) | undefined;
  /**
   * Also follow the job's child jobs (pipeline steps, sweep trials). They are found with
   * `list({ parentJobName })`, listed again every `childListIntervalMs` while the job runs and
   * once more after it stops; each child's logs and status changes are streamed concurrently
   * (to `onChildLog` / `onChildStatus`, with its name and step label; `logFilter` applies to
   * them too, `cursor` only to the job itself). The call resolves once the job stopped and every
   * child stream ended, with each child's final status in `children`. The parent's own logs and
   * statuses still go to `onLog` / `onStatus`. Children of children are not followed.
   * The Python SDK refuses to stream the children of a pipeline; this is an amlkit addition.
   * @default false
   */
  readonly children?: boolean | undefined;
  /** With `children`: called once per child job when it is found, before any of its events. */
  readonly onChild?: ((child: ChildJobRef) => void) | undefined;
  /** With `children`: called with each new chunk of a child's log (whole lines), in file order per child. */
  readonly onChildLog?: ((chunk: ChildLogChunk) => void) | undefined;
  /** With `children`: called for each accepted status change of a child, its first status included. */
  readonly onChildStatus?: ((transition: ChildJobTransition) => void) | undefined;
  /**
   * With `children`: the wait between two listings of the children while the job runs.
   * @default 1000
   */
  readonly childListIntervalMs?: number | undefined;
}

/** What {@link JobsApi.stream} resolves to: the wait result plus where the logs stopped. */
export interface StreamJobResult extends WaitJobResult {
  /** Where each log file stopped; pass it as `cursor` to a later `stream` call. */
  readonly cursor: LogCursor;
  /** With `children: true`: how each child's stream ended, ordered by name (numbers in names compare as numbers). */
  readonly children?: readonly ChildStreamResult[];
}

/** Options of {@link JobsApi.download}. */
export interface DownloadJobOptions {
  /** The folder to write into (`<destination>/named-outputs/<output>/<path>`). */
  readonly destination: string;
  /**
   * The output to download.
   * @default 'default' (or the only output when there is one)
   */
  readonly outputName?: string | undefined;
  /**
   * Download every output.
   * @default false
   */
  readonly all?: boolean | undefined;
  /** Aborts the download. */
  readonly signal?: AbortSignal | undefined;
}

/** One file {@link JobsApi.download} wrote. */
export interface DownloadedFile {
  /** The output it belongs to. */
  readonly outputName: string;
  /** Its path inside the output (`/`-separated). */
  readonly path: string;
  /** Where it was written. */
  readonly destination: string;
  /** Its size in bytes. */
  readonly size: number;
}

/** The jobs operations of an `AmlClient` (`client.jobs`). */
export interface JobsApi {
  /**
   * Submits a job: checks the name (before any request), resolves its assets with the client's
   * resolver, `PUT`s the REST body and returns the job the service answered with.
   * @throws RangeError for an invalid name; AssetResolutionError; HttpError family.
   */
  create(job: Job, options?: CreateJobOptions): Promise<Job>;
  /** Reads a job. @throws NotFoundError when there is none. */
  get(name: string, options?: JobRequestOptions): Promise<Job>;
  /** Lists jobs, newest first on the local backend, following `nextLink`; `.byPage()` gives pages. */
  list(options?: ListJobsOptions): PagedAsyncIterable<Job>;
  /** Cancels a job and waits for the 202 + `Location` operation to finish. */
  cancel(name: string, options?: JobOperationOptions): Promise<void>;
  /** Deletes a job and waits for the 202 + `Location` operation to finish (204: there was none). */
  delete(name: string, options?: JobOperationOptions): Promise<void>;
  /** Archives a job (GET, `isArchived: true`, PUT); returns the updated job. */
  archive(name: string, options?: JobRequestOptions): Promise<Job>;
  /** Restores an archived job (GET, `isArchived: false`, PUT); returns the updated job. */
  restore(name: string, options?: JobRequestOptions): Promise<Job>;
  /** The job's services (`Studio`, `Tracking`, user-defined ones) as the service reports them. */
  showServices(name: string, options?: JobRequestOptions): Promise<Record<string, JobService>>;
  /** Polls the job until a stop-polling status, observing each status through `@amlkit/status`. */
  wait(name: string, options?: WaitJobOptions): Promise<WaitJobResult>;
  /**
   * Follows the job's logs by byte offset (run-details `logFiles`, `Range: bytes=N-`), then returns like `wait`.
   * With `children: true` it follows the job's child jobs (pipeline steps, sweep trials) too, concurrently.
   * @example
   * const { status, children } = await client.jobs.stream('my_sweep', {
   *   children: true,
   *   onChildLog: ({ child, text }) => process.stdout.write(`[${child.label}] ${text}`),
   * });
   */
  stream(name: string, options?: StreamJobOptions): Promise<StreamJobResult>;
  /**
   * Downloads outputs of a job: on the local backend under `<destination>/named-outputs/<output>/`
   * (needs the client's `fileSystem`); on Azure with the client's `outputDownloader` (the
   * `default` artifacts under `<destination>/artifacts/`, named outputs under
   * `<destination>/named-outputs/<output>/`).
   */
  download(name: string, options: DownloadJobOptions): Promise<readonly DownloadedFile[]>;
}
