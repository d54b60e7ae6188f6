import type { Job } from '@amlkit/core';
import type { JobStatus } from '@amlkit/status';
import { linkSignals, sleep } from '../../internal/abort.js';
import type {
  ChildJobRef,
  ChildStreamResult,
  JobsApi,
  StreamJobOptions,
  StreamJobResult,
} from '../jobs-api.js';
import { checkTimeoutMs, startWaitBudget } from './wait-budget.js';

/** How often the children are listed while the parent runs, unless `childListIntervalMs` says otherwise. */
const DEFAULT_CHILD_LIST_INTERVAL_MS = 1000;

const byName = new Intl.Collator('en', { numeric: true });

/** The step label of a child job: `azureml.nodeid`, else the display name, else the name. */
export function childLabel(job: Job, name: string): string {
  const nodeId = job.properties['azureml.nodeid'];
  if (typeof nodeId === 'string' && nodeId !== '') return nodeId;
  if (job.displayName !== undefined && job.displayName !== '') return job.displayName;
  return name;
}

function checkListInterval(value: number | undefined): number {
  const ms = value ?? DEFAULT_CHILD_LIST_INTERVAL_MS;
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(
      `jobs.stream: expected childListIntervalMs to be a finite number >= 0, received ${String(ms)}`,
    );
  }
  return ms;
}

/** What {@link streamWithChildren} needs besides the stream options. */
export interface ChildrenRound {
  /** The jobs API whose `stream` and `get` are used. */
  readonly api: JobsApi;
  /** The job's URL, for abort and timeout errors. */
  readonly url: string;
  /**
   * The names of a job's children (run history), without reading each job: discovery reads only
   * the new ones, so re-listing a 100-trial sweep every second costs one request, not 101.
   */
  readonly childNames: (parent: string, signal: AbortSignal) => AsyncIterable<string>;
}

/**
 * `jobs.stream(name, { children: true })`: streams the parent as usual and, concurrently, every
 * child job found in run history, as `list({ parentJobName })` finds them (listed again while the parent runs and once
 * after it stops), and the children of a child that is itself a sweep or pipeline (a pipeline's
 * sweep step: its trials). One budget (`timeoutMs`, the caller's signal) covers all streams; a
 * child whose stream fails is reported in its result (and to `onDiagnostic`) while the others go on.
 */
export async function streamWithChildren(
  name: string,
  round: ChildrenRound,
  options: StreamJobOptions,
): Promise<StreamJobResult> {
  const timeoutMs = checkTimeoutMs(options.timeoutMs, 'jobs.stream');
  const intervalMs = checkListInterval(options.childListIntervalMs);
  const budget = startWaitBudget(name, timeoutMs, options.signal);
  // Aborted when the parent or the discovery fails, to stop every other stream.
  const failure = new AbortController();
  const linked = linkSignals([budget.signal, failure.signal]);
  const signal = linked.signal;
  const parentEnded = new AbortController();
  const streams = new Map<string, Promise<ChildStreamResult>>();
  let parentStatus: JobStatus | undefined;

  const startChild = (job: Job, childName: string): void => {
    const child: ChildJobRef = { name: childName, label: childLabel(job, childName) };
    options.onChild?.(child);
    let last: JobStatus | undefined;
    // A pipeline's sweep step (or nested pipeline): its own children are followed too, labelled
    // under the step (`tune_0` for trial `<pipeline>_tune_0` of step `tune`).
    const nested = job.type === 'sweep' || job.type === 'pipeline';
    const grandchild = (ref: ChildJobRef): ChildJobRef => ({
      name: ref.name,
      label: ref.label.startsWith(`${childName}_`)
        ? `${child.label}_${ref.label.slice(childName.length + 1)}`
        : `${child.label}/${ref.label}`,
    });
    const task = round.api
      .stream(childName, {
        signal,
        ...(nested
          ? {
              children: true,
              childListIntervalMs: intervalMs,
              onChildLog: (chunk) =>
                options.onChildLog?.({ ...chunk, child: grandchild(chunk.child) }),
              onChildStatus: (transition) =>
                options.onChildStatus?.({ ...transition, child: grandchild(transition.child) }),
            }
          : {}),
        ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
        ...(options.logFilter === undefined ? {} : { logFilter: options.logFilter }),
        onDiagnostic: (message) => options.onDiagnostic?.(`${child.label}: ${message}`),
        onLog: (chunk) => options.onChildLog?.({ ...chunk, child }),
        onStatus: (transition) => {
          last = transition.to;
          options.onChildStatus?.({ ...transition, child });
        },
      })
      .then(
        (result): ChildStreamResult => ({
          ...child,
          status: result.status,
          job: result.job,
          cursor: result.cursor,
        }),
        (error: unknown): ChildStreamResult => {
          // The whole stream was stopped (abort, timeout, the parent failed): not the child's own failure.
          if (signal.aborted) throw error;
          const message = error instanceof Error ? error.message : String(error);
          options.onDiagnostic?.(
            `jobs.stream: following child job '${childName}' of '${name}' failed: ${message}`,
          );
          return { ...child, status: last ?? 'Unknown', job, cursor: { offsets: {} }, error };
        },
      );
    // Rejections are awaited below; this only keeps an early one from being reported as unhandled.
    task.catch(() => undefined);
    streams.set(childName, task);
  };

  const discover = async (): Promise<void> => {
    for await (const childName of round.childNames(name, signal)) {
      if (streams.has(childName)) continue;
      startChild(await round.api.get(childName, { signal }), childName);
    }
  };

  const discovery = async (): Promise<void> => {
    while (!parentEnded.signal.aborted) {
      await discover();
      const nap = linkSignals([signal, parentEnded.signal]);
      try {
        await sleep(intervalMs, nap.signal);
      } catch (error) {
        if (signal.aborted) throw error;
      } finally {
        nap.dispose();
      }
    }
  };

  try {
    const parentTask = round.api
      .stream(name, {
        ...options,
        children: false,
        timeoutMs: undefined,
        signal,
        onStatus: (transition) => {
          parentStatus = transition.to;
          options.onStatus?.(transition);
        },
      })
      .finally(() => {
        parentEnded.abort();
      });
    const discoveryTask = discovery();
    let parent: StreamJobResult;
    try {
      [parent] = await Promise.all([parentTask, discoveryTask]);
      // Children created just before the parent stopped.
      await discover();
    } catch (error) {
      failure.abort(error);
      await Promise.allSettled([parentTask, discoveryTask, ...streams.values()]);
      throw error;
    }
    const children = await Promise.all(streams.values());
    children.sort((a, b) => byName.compare(a.name, b.name));
    return { ...parent, children };
  } catch (error) {
    throw budget.toError(error, round.url, parentStatus);
  } finally {
    if (!failure.signal.aborted) failure.abort();
    linked.dispose();
    budget.dispose();
  }
}
