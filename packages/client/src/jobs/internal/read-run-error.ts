import type { JobStatus } from '@amlkit/status';
import { truncate } from '../../internal/truncate.js';
import { workspacePath } from '../../workspace/workspace-paths.js';
import type { WaitJobResult } from '../jobs-api.js';
import type { JobsContext } from './jobs-context.js';

/** Why a job ended, as `WaitJobResult.error` gives it. */
export type JobRunError = NonNullable<WaitJobResult['error']>;

/** The final statuses whose reason is worth reading: the ones a job can end in because of an error. */
const WITH_REASON: ReadonlySet<JobStatus> = new Set<JobStatus>([
  'Failed',
  'Canceled',
  'NotResponding',
]);

/** Whether a job that stopped at `status` may carry an error in its run details. */
export function mayCarryRunError(status: JobStatus): boolean {
  return WITH_REASON.has(status);
}

/**
 * The `{ code, message }` of a run-history `RunDetails` body (`error.error` is the `RootError`),
 * or `undefined` when it carries none (`error: null`, no message).
 */
export function runErrorOf(details: unknown): JobRunError | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const outer = (details as { error?: unknown }).error;
  if (typeof outer !== 'object' || outer === null) return undefined;
  const root = (outer as { error?: unknown }).error;
  if (typeof root !== 'object' || root === null) return undefined;
  const { code, message } = root as { code?: unknown; message?: unknown };
  if (typeof message !== 'string' || message.trim() === '') return undefined;
  return { code: typeof code === 'string' && code !== '' ? code : 'Unknown', message };
}

/** Options of {@link readRunError}. */
export interface ReadRunErrorOptions {
  /** The caller's `onDiagnostic`: told when the details could not be read. */
  readonly onDiagnostic?: ((message: string) => void) | undefined;
  /** Aborts the read (the caller's signal). */
  readonly signal?: AbortSignal | undefined;
  /** The operation, for diagnostics (`jobs.wait`, `jobs.stream`). */
  readonly operation: string;
}

/**
 * Reads why job `name` ended: one `GET /history/v1.0/…/runs/{name}/details` through the client's
 * run-history transport (the same route on the local service and on Azure). Never throws: when
 * there is no run-history data plane or the read fails, it says so to `onDiagnostic` and
 * resolves `undefined`, as it does for details without an error.
 */
export async function readRunError(
  context: JobsContext,
  name: string,
  options: ReadRunErrorOptions,
): Promise<JobRunError | undefined> {
  const where = `${options.operation}: reading why job '${name}' ended from its run details`;
  try {
    const history = await context.historyTransport(options.signal);
    if (history === undefined) {
      options.onDiagnostic?.(
        `${where} was skipped: expected the client's historyUrl option (the workspace discovery 'api' URL), received none`,
      );
      return undefined;
    }
    const response = await history.request({
      method: 'GET',
      path: `/history/v1.0${workspacePath(context.workspace)}/runs/${encodeURIComponent(name)}/details`,
      signal: options.signal,
    });
    return runErrorOf(response.body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    options.onDiagnostic?.(`${where} failed: ${truncate(message, 2000)}`);
    return undefined;
  }
}
